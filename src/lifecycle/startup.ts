import {
  createDb,
  durabilityProblems,
  durabilitySettings,
  looseFileMode,
} from '../../db/create-db.ts'
import type { DbHandle, DbOptions } from '../../db/create-db.ts'
import { corruptFileMessage, isCorruptFile, sqliteFindings } from '../../db/integrity.ts'
import type { Config } from '../config.ts'
import type { Log } from '../log/logger.ts'

/** A start that must not go on; its message says why, for the operator. */
export class StartRefused extends Error {
  override name = 'StartRefused'
}

const FIRST_RETRY_MS = 250
const LONGEST_RETRY_MS = 5000

/**
 * Opens the database the server will serve, or refuses: a damaged SQLite file, PostgreSQL
 * settings that could lose acknowledged commits, or a database still unreachable after
 * DB_STARTUP_WAIT_SECONDS of retries.
 */
export async function openStore(config: Config, log: Log): Promise<DbHandle> {
  const options: DbOptions = { unsafeNoSync: config.unsafeNoSync, postgres: config.database }
  const store = openOrRefuse(config.databaseUrl, options)
  try {
    if (store.dialect === 'sqlite') await checkSqlite(store, log)
    else await checkPostgres(store, config.startupWaitMs, log)
    return store
  } catch (error) {
    await store.destroy().catch(() => {})
    throw error
  }
}

function openOrRefuse(url: string | undefined, options: DbOptions): DbHandle {
  try {
    return createDb(url, options)
  } catch (error) {
    // A file too damaged for SQLite to read its header fails on the first pragma.
    if (isCorruptFile(error)) {
      throw new StartRefused(corruptFileMessage(url ?? '', [(error as Error).message]))
    }
    throw error
  }
}

async function checkSqlite(store: DbHandle, log: Log): Promise<void> {
  const loose = looseFileMode(store.location)
  if (loose) log.warn(loose)
  const findings = await sqliteFindings(store, 'quick_check')
  if (findings.length > 0) throw new StartRefused(corruptFileMessage(store.location, findings))
}

async function checkPostgres(store: DbHandle, waitMs: number, log: Log): Promise<void> {
  const settings = await untilReachable(() => durabilitySettings(store), waitMs, log)
  const problems = durabilityProblems(settings)
  if (problems.length > 0) throw new StartRefused(`Refusing to start: ${problems.join('; ')}.`)
}

/**
 * Runs `attempt` until the database answers, backing off from 250 ms to 5 s between tries, for
 * at most `waitMs`. Errors that waiting cannot cure (a wrong password, no such database) end it
 * at once.
 */
export async function untilReachable<T>(
  attempt: () => Promise<T>,
  waitMs: number,
  log: Log,
): Promise<T> {
  const deadline = Date.now() + waitMs
  let delay = FIRST_RETRY_MS
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      if (!isUnreachable(error)) throw error
      if (Date.now() + delay > deadline) {
        throw new StartRefused(
          `De database is na ${tries} pogingen in ${Math.round(waitMs / 1000)} s niet bereikbaar (${reason}); doorlopend start niet.`,
          { cause: error },
        )
      }
      log.warn(
        { attempt: tries, retryInMs: delay, reason },
        `database niet bereikbaar; over ${delay} ms opnieuw`,
      )
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, LONGEST_RETRY_MS)
    }
  }
}

/** Network failures, timeouts and a server that is starting or shutting down: worth a retry. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null
  if (typeof e?.code === 'string') {
    if (/^(ECONN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)/.test(e.code))
      return true
    // 57P01–57P03: shut down by an administrator, crash, cannot connect now; 08: connection.
    if (/^(57P0[1-3]|08)/.test(e.code)) return true
  }
  return (
    typeof e?.message === 'string' &&
    /timeout|Connection terminated|ECONNREFUSED|ECONNRESET/i.test(e.message)
  )
}
