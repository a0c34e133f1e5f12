import type { DbHandle } from '../../db/create-db.ts'

/** Loads the demo dataset. (placeholder — replaced by the real loader) */
export async function loadDemo(_store: DbHandle): Promise<string> {
  throw new Error('demo not yet available')
}
