import { closeSync, existsSync, fchmodSync, openSync, realpathSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

/** The files SQLite may keep beside a database file; a stale one would be applied on open. */
export function sqliteFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]
}

/** Removes a database file and whatever SQLite kept beside it. */
export function removeSqliteFiles(path: string): void {
  for (const file of sqliteFiles(path)) rmSync(file, { force: true })
}

/** True when `a` and `b` name the same file (following links), as far as can be told. */
export function sameFile(a: string, b: string): boolean {
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path))
  return real(a) === real(b)
}

/** A new, empty file beside `out`, readable and writable by its owner only. */
export function privateTempFile(out: string): string {
  const path = join(dirname(resolve(out)), `.${process.pid}-${Date.now()}.backup-partial`)
  const fd = openSync(path, 'wx', 0o600)
  try {
    // The umask may only take bits away, but say what is meant.
    fchmodSync(fd, 0o600)
  } finally {
    closeSync(fd)
  }
  return path
}

/**
 * Copies the SQLite database at `source` into the empty file `target` with SQLite's online backup
 * API, in one step: one read transaction, so the copy is the database as of one commit, while the
 * server keeps writing (in WAL mode a reader holds up no writer). Copied in small steps instead, a
 * write by another process between two steps would restart the copy, and under a steady load it
 * might never finish. The copy is left as one self-contained file (rollback journal, no -wal).
 */
export async function copySqlite(source: string, target: string): Promise<void> {
  const from = new BetterSqlite3(source, { fileMustExist: true })
  try {
    from.pragma('busy_timeout = 10000')
    // better-sqlite3 makes the first step copy no page, then asks how many pages the next takes.
    await from.backup(target, { progress: () => 0x7fffffff })
  } finally {
    from.close()
  }
  const copy = new BetterSqlite3(target, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}
