import { sql } from 'kysely'
import type { DbHandle } from './create-db.ts'

/** SQLite's own check of a file: `quick_check` (pages and b-trees) or `integrity_check` (also indexes). */
export type SqliteCheck = 'quick_check' | 'integrity_check'

/** How many of SQLite's findings to keep: the first ones say enough. */
const FINDINGS = 20

/**
 * What SQLite finds wrong with the file; empty when it is sound. A file too damaged to check
 * at all gives the error SQLite raised.
 */
export async function sqliteFindings(handle: DbHandle, check: SqliteCheck): Promise<string[]> {
  try {
    const pragma =
      check === 'quick_check'
        ? sql`pragma quick_check(${sql.lit(FINDINGS)})`
        : sql`pragma integrity_check(${sql.lit(FINDINGS)})`
    const result = await pragma.execute(handle.db)
    const lines = (result.rows as Record<string, string>[]).map(
      (row) => Object.values(row)[0] ?? '',
    )
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines
  } catch (error) {
    return [(error as Error).message]
  }
}

/** SQLite's error codes for a file that is damaged or not a database at all. */
export function isCorruptFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
}

/** The refusal printed when the SQLite file is damaged; names the file and what was found. */
export function corruptFileMessage(path: string, findings: string[]): string {
  return [
    `De SQLite-database ${path} is beschadigd; doorlopend start er niet op.`,
    ...findings.slice(0, 5).map((line) => `  ${line}`),
    'Zet de laatste back-up terug, of laat `doorlopend check` het hele bestand nakijken.',
  ].join('\n')
}
