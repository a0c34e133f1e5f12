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
  if (filter.organisationIds) query = query.where('organisation_id', 'in', filter.organisationIds)
  if (filter.personId) query = query.where('person_id', '=', filter.personId)
  if (page.after) query = query.where('id', '>', page.after)
  return query.execute()
}
