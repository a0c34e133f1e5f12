import { existsSync } from 'node:fs'
import { sql } from 'kysely'
import {
  createDb,
  durabilityProblems,
  durabilitySettings,
  parseDatabaseUrl,
} from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { isCorruptFile, sqliteFindings } from '../../db/integrity.ts'
import { migrationState } from '../../db/migrate.ts'
import type { Config } from '../config.ts'

export const CHECK_USAGE = `  doorlopend check                     check the database without changing it: SQLite's full
                                       integrity_check (or PostgreSQL's connection), its durability
                                       settings and the migrations; exit 1 on any problem`

interface Finding {
  what: string
  ok: boolean
  detail: string
}

/** `doorlopend check`: says what it checked and what it found; 0 when all is well, else 1. */
export async function checkCommand(
  config: Config,
  out: (line: string) => void = console.log,
): Promise<number> {
  const { dialect, target } = parseDatabaseUrl(config.databaseUrl)
  if (dialect === 'sqlite' && target !== ':memory:' && !existsSync(target)) {
    out(`database: sqlite ${target}\nFOUT  bestand: bestaat niet`)
    return 1
  }
  let store: DbHandle
  try {
    store = createDb(config.databaseUrl, { postgres: config.database })
  } catch (error) {
    if (!isCorruptFile(error)) throw error
    out(`database: sqlite ${target}\nFOUT  integrity_check: ${(error as Error).message}`)
    return 1
  }
  out(`database: ${store.dialect} ${store.location}`)
  try {
    const findings =
      store.dialect === 'sqlite' ? await checkSqlite(store) : await checkPostgres(store)
    for (const f of findings) out(`${f.ok ? 'ok  ' : 'FOUT'}  ${f.what}: ${f.detail}`)
    return findings.every((f) => f.ok) ? 0 : 1
  } finally {
    await store.destroy()
  }
}

async function checkSqlite(store: DbHandle): Promise<Finding[]> {
  const problems = await sqliteFindings(store, 'integrity_check')
  const integrity: Finding = {
    what: 'integrity_check (elke pagina, b-tree en index)',
    ok: problems.length === 0,
    detail: problems.length === 0 ? 'geen fouten' : problems.join('; '),
  }
  // A damaged file can make every further question fail; what was found is then enough.
  if (!integrity.ok) return [integrity]
  return [integrity, await durability(store), await migrations(store)]
}

async function checkPostgres(store: DbHandle): Promise<Finding[]> {
  let version: string
  try {
    const result = await sql<{ v: string }>`select version() as v`.execute(store.db)
    version = result.rows[0]?.v ?? 'onbekend'
  } catch (error) {
    return [{ what: 'verbinding', ok: false, detail: (error as Error).message }]
  }
  return [
    { what: 'verbinding', ok: true, detail: version },
    await durability(store),
    await migrations(store),
  ]
}

async function durability(store: DbHandle): Promise<Finding> {
  const settings = await durabilitySettings(store)
  const problems = store.dialect === 'postgres' ? durabilityProblems(settings) : []
  const shown = Object.entries(settings).map(([name, value]) => `${name}=${value}`)
  return {
    what: 'duurzaamheid',
    ok: problems.length === 0,
    detail: problems.length === 0 ? shown.join(', ') : problems.join('; '),
  }
}

async function migrations(store: DbHandle): Promise<Finding> {
  const { applied, pending } = await migrationState(store.db)
  const total = applied.length + pending.length
  return {
    what: 'migraties',
    ok: pending.length === 0,
    detail:
      pending.length === 0
        ? `${applied.length} van ${total} toegepast`
        : `${applied.length} van ${total} toegepast; nog niet: ${pending.join(', ')} (doorlopend migrate, of start de server)`,
  }
}
