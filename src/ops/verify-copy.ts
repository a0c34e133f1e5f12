import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { getMeta } from '../../db/queries/meta.ts'
import { SIGNING_KEY_META } from '../audit/signing-key.ts'
import { verifyChains } from '../engine/verify.ts'
import type { VerifyReport } from '../engine/verify.ts'

export interface CopyCheck {
  /** What `pragma integrity_check` said: `['ok']` when the file is sound. */
  integrity: string[]
  /** Every chain of the copy, recomputed; null when the file was too damaged to read them. */
  chains: VerifyReport | null
  /** Why the chains could not be read, when they could not. */
  chainsError: string | null
  /** Whether the copy holds the checkpoint signing key. */
  holdsSigningKey: boolean
}

/** True when nothing is wrong with the copy. */
export function copyIsSound(check: CopyCheck): boolean {
  return check.integrity.length === 1 && check.integrity[0] === 'ok' && check.chains?.ok === true
}

/**
 * Opens a database copy read-only and checks it as a restore would need it: SQLite's full
 * `integrity_check`, then every hash chain, link and head, with the engine's own verification.
 */
export async function checkSqliteCopy(
  path: string,
  onProgress?: (done: number, total: number) => void,
): Promise<CopyCheck> {
  const file = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) })
  try {
    const check: CopyCheck = {
      integrity: await integrityCheck(db),
      chains: null,
      chainsError: null,
      holdsSigningKey: false,
    }
    try {
      const store = { db, dialect: 'sqlite' as const, location: path, destroy: () => db.destroy() }
      check.chains = await verifyChains(store, undefined, onProgress)
      check.holdsSigningKey = (await getMeta(db, SIGNING_KEY_META)) !== undefined
    } catch (error) {
      check.chainsError = error instanceof Error ? error.message : String(error)
    }
    return check
  } finally {
    await db.destroy()
  }
}

/** SQLite's own findings; a page too damaged to walk makes the pragma throw, which is one too. */
async function integrityCheck(db: Kysely<Database>): Promise<string[]> {
  try {
    const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
    return result.rows.map((row) => row.integrity_check)
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)]
  }
}
