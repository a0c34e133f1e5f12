import type { Db, Person } from '../database.ts'

export async function insertPerson(db: Db, row: Person): Promise<void> {
  await db.insertInto('people').values(row).execute()
}

export async function getPerson(db: Db, id: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface PeopleFilter {
  /** Only people of these organisations (null: all). */
  organisationIds: readonly string[] | null
  /** Only this person (null: anyone). */
  personId: string | null
  organisationId?: string | undefined
  /** Part of the name, case-insensitive. */
  search?: string | undefined
}

export async function listPeople(
  db: Db,
  filter: PeopleFilter,
  page: { limit: number; after?: string | undefined },
): Promise<Person[]> {
  if (filter.organisationIds && filter.organisationIds.length === 0) return []
  let query = db.selectFrom('people').selectAll().orderBy('id').limit(page.limit)
  // A person belongs to every organisation they are werkzaam bij.
  const worksAt = (ids: readonly string[]) =>
    db.selectFrom('affiliations').select('person_id').where('organisation_id', 'in', ids)
  if (filter.organisationIds) query = query.where('id', 'in', worksAt(filter.organisationIds))
  if (filter.personId) query = query.where('id', '=', filter.personId)
  if (filter.organisationId) query = query.where('id', 'in', worksAt([filter.organisationId]))
  if (filter.search) {
    // Wildcards typed by a person are taken literally: dropped rather than escaped.
    const pattern = `%${filter.search.toLowerCase().replace(/[%_\\]/g, '')}%`
    query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', eb.val(pattern)))
  }
  if (page.after) query = query.where('id', '>', page.after)
  return query.execute()
}

export async function getPeople(db: Db, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return []
  return db.selectFrom('people').selectAll().where('id', 'in', ids).execute()
}
