import { parseArgs } from 'node:util'
import { parseDatabaseUrl } from '../../db/create-db.ts'
import { progressBar } from '../progress.ts'
import { BackupRefused, backupSqlite } from './sqlite-backup.ts'
import type { BackupResult } from './sqlite-backup.ts'

export const BACKUP_USAGE = `  doorlopend backup --out FILE [--force]
                                       copy the SQLite database while it runs, check the copy
                                       (integrity, every chain); exit 1 if anything fails`

/** What to run on PostgreSQL instead: its own tools make a consistent dump of a live database. */
export const PG_DUMP_ADVICE = `doorlopend backup copies SQLite databases only. On PostgreSQL, pg_dump is the tool: it takes a
consistent snapshot while the server keeps running. For example:

  pg_dump --format=custom --file=doorlopend.dump "$DATABASE_URL"

and to restore into an empty database:

  pg_restore --exit-on-error --no-owner --dbname="$RESTORE_URL" doorlopend.dump

See "Backup and restore" in README.md.`

function summary(result: BackupResult): string {
  const { check } = result
  const lines = [`integrity_check: ${check.integrity.slice(0, 10).join('; ')}`]
  if (check.chains) {
    const { instances, events, breaks } = check.chains
    lines.push(`instances: ${instances}`, `events: ${events}`)
    lines.push(breaks.length === 0 ? 'chains: ok' : `chains: ${breaks.length} break(s)`)
    for (const b of breaks.slice(0, 10)) lines.push(`  ${b.instanceId} seq ${b.seq}: ${b.reason}`)
  } else {
    lines.push(`chains: could not be read (${check.chainsError ?? 'unknown'})`)
  }
  if (!result.ok) {
    lines.push('backup FAILED: the copy did not pass its check and was removed')
    return lines.join('\n')
  }
  const holds = check.holdsSigningKey
    ? 'the signing key, the token digests and personal data'
    : 'the token digests and personal data (the signing key is kept outside)'
  lines.push(`backup written: ${result.out} (${result.bytes} bytes, mode 600)`)
  lines.push(`it holds ${holds}: keep it as private as the database`)
  return lines.join('\n')
}

/** `doorlopend backup --out FILE [--force]`. */
export async function backupCommand(
  args: string[],
  databaseUrl: string | undefined,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  })
  if (!values.out) {
    console.error(`backup needs --out FILE\n\nUsage:\n${BACKUP_USAGE}`)
    return 2
  }
  const { dialect, target } = parseDatabaseUrl(databaseUrl)
  if (dialect === 'postgres') {
    console.error(PG_DUMP_ADVICE)
    return 2
  }
  try {
    const result = await backupSqlite(target, values.out, {
      force: values.force,
      onProgress: progressBar('verify', process.stderr),
    })
    const text = summary(result)
    if (result.ok) console.log(text)
    else console.error(text)
    return result.ok ? 0 : 1
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error
    console.error(`backup refused: ${error.message}`)
    return 1
  }
}
