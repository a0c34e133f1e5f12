import { Migrator } from 'kysely'
import type { Migration, MigrationResultSet } from 'kysely'
import type { Db } from './database.ts'
import * as initial from './migrations/2026-11-23-initial.ts'

const migrations: Record<string, Migration> = {
  '2026-11-23-initial': initial,
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}
