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

/**
 * `ids` with every organisation that belongs to one of them, at any depth (a bestuur's schools).
 * Organisations are few and change rarely: one query per level.
 */
export async function withDescendants(db: Db, ids: readonly string[]): Promise<string[]> {
  const all = new Set(ids)
  let level = [...ids]
  for (let depth = 0; depth < 8 && level.length > 0; depth++) {
    const children = await db
      .selectFrom('organisations')
      .select('id')
      .where('parent_id', 'in', level)
      .execute()
    level = children.map((c) => c.id).filter((id) => !all.has(id))
    for (const id of level) all.add(id)
  }
  return [...all]
}

export async function getOrganisations(db: Db, ids: readonly string[]): Promise<Organisation[]> {
  if (ids.length === 0) return []
  return db.selectFrom('organisations').selectAll().where('id', 'in', ids).orderBy('id').execute()
}
