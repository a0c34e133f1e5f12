import { existsSync, renameSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import {
  copySqlite,
  privateTempFile,
  removeSqliteFiles,
  sameFile,
  sqliteFiles,
} from './sqlite-copy.ts'
import { checkSqliteCopy, copyIsSound } from './verify-copy.ts'
import type { CopyCheck } from './verify-copy.ts'

/** A backup that cannot be made as asked; nothing was written. */
export class BackupRefused extends Error {}

export interface BackupResult {
  out: string
  bytes: number
  check: CopyCheck
  /** False when the copy failed its check; nothing is then left at `out`. */
  ok: boolean
}

export interface BackupOptions {
  /** Replace an existing file at `out`. */
  force?: boolean
  onProgress?: (done: number, total: number) => void
}

/**
 * Backs up the SQLite database at `source` (which a server may be writing to) into `out`, mode
 * 0600. The copy is made beside `out`, checked, and only then moved into place, so `out` is never
 * a half-written or unchecked file. A copy that fails its check is removed.
 */
export async function backupSqlite(
  source: string,
  out: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupRefused(`no database at ${source}`)
  if (sameFile(source, out)) throw new BackupRefused(`${out} is the database itself`)
  if (!existsSync(dirname(resolve(out)))) throw new BackupRefused(`no folder ${dirname(out)}`)
  const taken = sqliteFiles(out).filter((file) => existsSync(file))
  if (taken.length > 0 && !options.force) {
    throw new BackupRefused(`${taken.join(', ')} already exists; pass --force to replace it`)
  }
  const partial = privateTempFile(out)
  try {
    await copySqlite(source, partial)
    const check = await checkSqliteCopy(partial, options.onProgress)
    if (!copyIsSound(check)) return { out, bytes: 0, check, ok: false }
    // A -wal left beside an older file at `out` would be replayed into the new copy on open.
    removeSqliteFiles(out)
    renameSync(partial, out)
    return { out, bytes: statSync(out).size, check, ok: true }
  } finally {
    removeSqliteFiles(partial)
  }
}
