import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { migrateUpTo } from '../../db/migrate.ts'
import type { DatabaseKind } from '../support/db.ts'

// A database an earlier release wrote (test/fixtures/release-*.sqlite), opened as that release
// left it: on SQLite a copy of the file itself, on PostgreSQL its rows loaded into a fresh schema
// built with that release's migrations. The caller then upgrades it in place.

export type Row = Record<string, unknown>

export interface ReleaseFixture {
  /** The fixture file. */
  file: string
  /** The tables with rows, parents before children. */
  tables: readonly string[]
  /** The last migration of that release. */
  lastMigration: string
}

export interface Opened {
  store: DbHandle
  cleanup(): Promise<void>
}

/** Every row of the fixture's tables; organisations with a parent after those without. */
export function fixtureRows(fixture: ReleaseFixture): Record<string, Row[]> {
  const file = new Database(fixture.file, { readonly: true, fileMustExist: true })
  try {
    const rows = Object.fromEntries(
      fixture.tables.map((t) => [t, file.prepare(`SELECT * FROM ${t}`).all() as Row[]]),
    )
    rows['organisations']?.sort(
      (a, b) => Number(a['parent_id'] != null) - Number(b['parent_id'] != null),
    )
    return rows
  } finally {
    file.close()
  }
}

/** Opens the fixture on `kind`, as the release that wrote it left it. */
export function openFixture(fixture: ReleaseFixture, kind: DatabaseKind): Promise<Opened> {
  return kind === 'sqlite' ? onSqlite(fixture) : onPostgres(fixture)
}

async function onSqlite(fixture: ReleaseFixture): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), 'doorlopend-upgrade-'))
  const file = join(dir, 'field.sqlite')
  copyFileSync(fixture.file, file)
  const store = createDb(`sqlite:${file}`)
  return {
    store,
    cleanup: async () => {
      await store.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function onPostgres(fixture: ReleaseFixture): Promise<Opened> {
  const url = process.env.TEST_DATABASE_URL as string
  const schema = `up_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  const store = createDb(u.toString())
  await migrateUpTo(store.db, fixture.lastMigration)
  await store.db.deleteFrom('meta').execute()
  const rows = fixtureRows(fixture)
  for (const table of fixture.tables) {
    for (const row of rows[table] ?? []) {
      await store.db
        .insertInto(table as 'meta')
        .values(row as never)
        .execute()
    }
  }
  return {
    store,
    cleanup: async () => {
      await store.destroy()
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await c.end()
    },
  }
}
