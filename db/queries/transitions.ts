import type { Db, Transition } from '../database.ts'
import type { PageRequest } from './page.ts'

export async function insertTransition(db: Db, row: Transition): Promise<void> {
  await db.insertInto('transitions').values(row).execute()
}

export async function getTransition(db: Db, id: string): Promise<Transition | undefined> {
  return db.selectFrom('transitions').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface TransitionFilter {
  organisationIds: readonly string[] | null
  personId: string | null
}

export async function listTransitions(
  db: Db,
  filter: TransitionFilter,
  page: PageRequest,
): Promise<Transition[]> {
  if (filter.organisationIds && filter.organisationIds.length === 0) return []
  let query = db.selectFrom('transitions').selectAll().orderBy('id').limit(page.limit)
  // In scope: the organisation of the new role, or one the teacher works at (the instance's).
  if (filter.organisationIds) {
    const ids = filter.organisationIds
    query = query.where('instance_id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', 'in', ids),
    )
  }
  if (filter.personId) query = query.where('person_id', '=', filter.personId)
  if (page.after) query = query.where('id', '>', page.after)
  return query.execute()
}
