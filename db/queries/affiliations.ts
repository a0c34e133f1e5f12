import type { Affiliation, Db } from '../database.ts'

export async function insertAffiliation(db: Db, row: Affiliation): Promise<void> {
  await db.insertInto('affiliations').values(row).execute()
}

export async function isAffiliated(
  db: Db,
  personId: string,
  organisationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('affiliations')
    .select('person_id')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row !== undefined
}

/** The affiliations of these people, by person then organisation. */
export async function affiliationsOf(db: Db, personIds: readonly string[]): Promise<Affiliation[]> {
  if (personIds.length === 0) return []
  return db
    .selectFrom('affiliations')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('created_at')
    .orderBy('organisation_id')
    .execute()
}
