import type { Db, Pilot } from '../database.ts'
import type { PageRequest } from './page.ts'

export async function insertPilot(db: Db, row: Pilot): Promise<void> {
  await db.insertInto('pilots').values(row).execute()
}

export async function getPilot(db: Db, id: string): Promise<Pilot | undefined> {
  return db.selectFrom('pilots').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Pilots; `ids` restricts to those (null: all). */
export async function listPilots(
  db: Db,
  ids: readonly string[] | null,
  page: PageRequest,
): Promise<Pilot[]> {
  if (ids && ids.length === 0) return []
  let query = db.selectFrom('pilots').selectAll().orderBy('id').limit(page.limit)
  if (ids) query = query.where('id', 'in', ids)
  if (page.after) query = query.where('id', '>', page.after)
  return query.execute()
}

/** Ids of the pilots with a team concerning these organisations or this person. */
export async function pilotIdsInScope(
  db: Db,
  scope: { organisationIds: readonly string[] | null; personId: string | null },
): Promise<string[]> {
  let query = db
    .selectFrom('instances')
    .select('pilot_id')
    .distinct()
    .where('pilot_id', 'is not', null)
  const orgs = scope.organisationIds
  if (orgs) {
    if (orgs.length === 0) return []
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', 'in', orgs),
    )
  }
  const person = scope.personId
  if (person) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('instance_people').select('instance_id').where('person_id', '=', person),
    )
  }
  const rows = await query.execute()
  return rows.flatMap((r) => (r.pilot_id ? [r.pilot_id] : []))
}
