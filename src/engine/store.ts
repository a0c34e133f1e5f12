import { sql } from 'kysely'
import type { DbHandle } from '../../db/create-db.ts'

/** The database as the layers above the engine see it. */
export type Store = DbHandle

/** Whether the database answers (for /ready). */
export async function storeAnswers(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db)
    return true
  } catch {
    return false
  }
}
