import { Migrator, PostgresAdapter, sql } from 'kysely'
import type { Migration, MigrationResultSet } from 'kysely'
import type { Db } from './database.ts'
import * as initial from './migrations/2026-11-23-initial.ts'
import * as audit from './migrations/2026-11-24-audit.ts'
import * as mandate from './migrations/2026-12-01-mandate.ts'
import * as sessions from './migrations/2026-12-02-sessions.ts'
import * as machineVersions from './migrations/2026-12-03-machine-versions.ts'
import * as pilots from './migrations/2026-12-04-pilots.ts'
import * as documents from './migrations/2026-12-05-documents.ts'
import * as facts from './migrations/2026-12-06-facts.ts'
import * as reach from './migrations/2026-12-07-reach.ts'

const migrations: Record<string, Migration> = {
  '2026-11-23-initial': initial,
  '2026-11-24-audit': audit,
  '2026-12-01-mandate': mandate,
  '2026-12-02-sessions': sessions,
  '2026-12-03-machine-versions': machineVersions,
  '2026-12-04-pilots': pilots,
  '2026-12-05-documents': documents,
  '2026-12-06-facts': facts,
  '2026-12-07-reach': reach,
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return migrate(db, (m) => m.migrateToLatest())
}

/** Brings the schema up to `name` and no further (the upgrade test builds an old release's schema). */
export async function migrateUpTo(db: Db, name: string): Promise<MigrationResultSet> {
  if (!Object.hasOwn(migrations, name)) throw new Error(`Unknown migration ${name}`)
  return migrate(db, (m) => m.migrateTo(name))
}

/** Which of this release's migrations the database has, and which it still lacks. */
export async function migrationState(db: Db): Promise<{ applied: string[]; pending: string[] }> {
  const infos = await (await migratorFor(db)).getMigrations()
  return {
    applied: infos.filter((m) => m.executedAt).map((m) => m.name),
    pending: infos.filter((m) => !m.executedAt).map((m) => m.name),
  }
}

async function migrate(
  db: Db,
  run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  const result = await run(await migratorFor(db))
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}

async function migratorFor(db: Db): Promise<Migrator> {
  // On PostgreSQL the bookkeeping tables live in the current schema: otherwise kysely may find
  // another schema's lock table on the search path and skip creating its own.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
}
