import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { migrateToLatest } from '../../db/migrate.ts'

export type DatabaseKind = 'sqlite' | 'postgres'

export interface TestDatabase {
  kind: DatabaseKind
  /** A DATABASE_URL that opens this same database (for server processes). */
  url: string
  store: DbHandle
  /** Opens another handle on the same database. */
  open(): DbHandle
  cleanup(): Promise<void>
}

const pgUrl = process.env.TEST_DATABASE_URL

/** The databases every storage-facing test runs on: SQLite always, PostgreSQL when configured. */
export const DATABASES: DatabaseKind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite']

/** A fresh, migrated database: a new SQLite file, or a new schema in the test PostgreSQL. */
export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'doorlopend-test-'))
    const url = `sqlite:${join(dir, 'test.sqlite')}`
    const store = createDb(url)
    await migrateToLatest(store.db)
    return {
      kind,
      url,
      store,
      open: () => createDb(url),
      cleanup: async () => {
        await store.destroy()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set')
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const url = withSearchPath(pgUrl, schema)
  const store = createDb(url)
  try {
    await migrateToLatest(store.db)
  } catch (error) {
    await store.destroy()
    await dropSchema(schema)
    throw error
  }
  return {
    kind,
    url,
    store,
    open: () => createDb(url),
    cleanup: async () => {
      await store.destroy()
      await dropSchema(schema)
    },
  }
}

async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl })
  await c.connect()
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await c.end()
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}
