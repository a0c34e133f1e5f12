import type { Db, Organisation } from '../database.ts'
import type { PageRequest } from './page.ts'

export async function insertOrganisation(db: Db, row: Organisation): Promise<void> {
  await db.insertInto('organisations').values(row).execute()
}

/** Organisations by id order; `ids` restricts to those (null: all). */
export async function listOrganisations(
  db: Db,
  ids: readonly string[] | null,
  page: PageRequest,
): Promise<Organisation[]> {
  let query = db.selectFrom('organisations').selectAll().orderBy('id').limit(page.limit)
  if (ids) {
    if (ids.length === 0) return []
    query = query.where('id', 'in', ids)
  }
  if (page.after) query = query.where('id', '>', page.after)
  return query.execute()
}

export async function getOrganisations(db: Db, ids: readonly string[]): Promise<Organisation[]> {
  if (ids.length === 0) return []
  return db.selectFrom('organisations').selectAll().where('id', 'in', ids).orderBy('id').execute()
}
