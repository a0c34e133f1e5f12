import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Dialect as KyselyDialect } from 'kysely'
import pg from 'pg'
import type { Database, Db, Dialect } from './database.ts'
import { discardingTimedOut } from './postgres-pool.ts'
import { HookedDialect, ImmediateSqliteDialect, withStatementCache } from './sqlite-driver.ts'
import type { QueryHook } from './sqlite-driver.ts'

export const DEFAULT_SQLITE_PATH = './data/doorlopend.sqlite'

export interface DbHandle {
  db: Db
  dialect: Dialect
  /** Where the data lives: a file path for SQLite, the URL without password for PostgreSQL. */
  location: string
  /** PostgreSQL: the pool's connections now (for metrics); absent on SQLite. */
  poolStats?: () => { total: number; idle: number; waiting: number }
  /** How to open another handle on the same data (a worker thread does); the URL may hold a password. */
  reopen?: { url: string; postgres?: Partial<PostgresSettings> | undefined }
  destroy(): Promise<void>
}

export interface DbOptions {
  /** Bench only: SQLite `synchronous=OFF`, to measure what fsync costs. Never in production. */
  unsafeNoSync?: boolean
  /** PostgreSQL pool size and timeouts; each one left out takes its default. */
  postgres?: Partial<PostgresSettings>
  /** Tests only: sees every statement before it runs, and may throw to fail it. */
  queryHook?: QueryHook
}

/** How a PostgreSQL pool connects, and how long anything may take before it fails. */
export interface PostgresSettings {
  poolSize: number
  /** Opening a connection, or waiting for a free one from the pool. */
  connectTimeoutMs: number
  /** The server cancels a statement that runs longer (statement_timeout); 0 = none. */
  statementTimeoutMs: number
  /** The client gives up on a query that gets no answer for this long; 0 = without limit. */
  queryTimeoutMs: number
  /** The server ends a session left idle inside a transaction; 0 = none. */
  idleInTransactionTimeoutMs: number
}

export const POSTGRES_DEFAULTS: Readonly<PostgresSettings> = Object.freeze({
  poolSize: 10,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 30_000,
  queryTimeoutMs: 35_000,
  idleInTransactionTimeoutMs: 60_000,
})

function hooked(dialect: KyselyDialect, options: DbOptions): KyselyDialect {
  return options.queryHook ? new HookedDialect(dialect, options.queryHook) : dialect
}

/** Parses a DATABASE_URL: unset → default SQLite file, `sqlite:<path>` → that file, `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined): { dialect: Dialect; target: string } {
  if (!url) return { dialect: 'sqlite', target: DEFAULT_SQLITE_PATH }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', target: url }
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (!path)
      throw new Error('DATABASE_URL "sqlite:" needs a path, e.g. sqlite:./data/doorlopend.sqlite')
    return { dialect: 'sqlite', target: path }
  }
  throw new Error(`DATABASE_URL must be empty, sqlite:<path> or postgres://…; got "${url}"`)
}

/** Opens SQLite or PostgreSQL from one URL. */
export function createDb(url: string | undefined, options: DbOptions = {}): DbHandle {
  const { dialect, target } = parseDatabaseUrl(url)
  const handle = dialect === 'sqlite' ? openSqlite(target, options) : openPostgres(target, options)
  return { ...handle, reopen: { url: url ?? '', postgres: options.postgres } }
}

/**
 * Opens one SQLite connection with the durability settings every connection needs. A new file is
 * the owner's only (0600, in a new folder 0700): it holds the signing key, token digests and
 * personal data. SQLite gives its -wal and -shm files the main file's mode.
 */
export function openSqliteConnection(
  path: string,
  options: DbOptions = {},
): BetterSqlite3.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 })
    createPrivateFile(path)
  }
  const sqlite = new BetterSqlite3(path)
  sqlite.pragma('journal_mode = WAL')
  // better-sqlite3's WAL default is NORMAL, which can lose acknowledged commits on power loss.
  sqlite.pragma(options.unsafeNoSync ? 'synchronous = OFF' : 'synchronous = FULL')
  sqlite.pragma('busy_timeout = 10000')
  sqlite.pragma('foreign_keys = ON')
  return sqlite
}

/** Creates `path` empty with mode 0600 unless it exists; an existing file keeps its mode. */
function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}

/**
 * A Dutch warning when the SQLite file at `path` (or its -wal or -shm) can be read or written by
 * group or others; undefined when only its owner can, or there is no such file.
 */
export function looseFileMode(path: string): string | undefined {
  if (path === ':memory:' || process.platform === 'win32') return undefined
  const loose = [path, `${path}-wal`, `${path}-shm`].filter(
    (file) => existsSync(file) && (statSync(file).mode & 0o077) !== 0,
  )
  if (loose.length === 0) return undefined
  const modes = loose.map((file) => `${file} (${(statSync(file).mode & 0o777).toString(8)})`)
  const verb = loose.length === 1 ? 'is' : 'zijn'
  return `Waarschuwing: ${modes.join(', ')} ${verb} ook voor groep of anderen toegankelijk. De database bevat de ondertekeningssleutel, de digests van de tokens en persoonsgegevens; beperk de rechten tot de eigenaar met: chmod 600 ${loose.join(' ')}`
}

function openSqlite(path: string, options: DbOptions): DbHandle {
  const sqlite = openSqliteConnection(path, options)
  const db = new Kysely<Database>({
    dialect: hooked(new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), options),
  })
  return {
    db,
    dialect: 'sqlite',
    location: path,
    destroy: () => db.destroy(),
  }
}

function openPostgres(url: string, options: DbOptions): DbHandle {
  const settings = { ...POSTGRES_DEFAULTS, ...options.postgres }
  // A database that never answers must fail requests, not hold them: every wait has a bound.
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    application_name: 'doorlopend',
    ...(settings.statementTimeoutMs > 0 ? { statement_timeout: settings.statementTimeoutMs } : {}),
    ...(settings.queryTimeoutMs > 0 ? { query_timeout: settings.queryTimeoutMs } : {}),
    ...(settings.idleInTransactionTimeoutMs > 0
      ? { idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs }
      : {}),
  })
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {})
  const db = new Kysely<Database>({
    dialect: hooked(new PostgresDialect({ pool: discardingTimedOut(pool) }), options),
  })
  const safe = new URL(url)
  safe.password = ''
  return {
    db,
    dialect: 'postgres',
    location: safe.toString(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    destroy: () => db.destroy(),
  }
}

/** The PostgreSQL settings without which an acknowledged commit can be lost. */
export const PG_DURABILITY_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes'] as const

/** What is wrong with these settings for durable commits; empty when nothing is. */
export function durabilityProblems(settings: Record<string, string | undefined>): string[] {
  return PG_DURABILITY_SETTINGS.filter((name) => settings[name]?.toLowerCase() === 'off').map(
    (name) => `PostgreSQL ${name} is off: acknowledged commits could be lost on a crash`,
  )
}

/**
 * The durability settings as the database reports them: SQLite's journal mode and synchronous
 * level, PostgreSQL's fsync, synchronous_commit and full_page_writes.
 */
export async function durabilitySettings(handle: DbHandle): Promise<Record<string, string>> {
  if (handle.dialect === 'sqlite') {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db)
    const level = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db)
    const names = ['off', 'normal', 'full', 'extra']
    const synchronous = level.rows[0]?.synchronous ?? -1
    return {
      journal_mode: journal.rows[0]?.journal_mode ?? 'unknown',
      synchronous: names[synchronous] ?? String(synchronous),
    }
  }
  const settings: Record<string, string> = {}
  for (const name of PG_DURABILITY_SETTINGS) {
    const result = await sql<
      Record<string, string>
    >`select current_setting(${name}) as value`.execute(handle.db)
    settings[name] = result.rows[0]?.value ?? 'unknown'
  }
  return settings
}
