import type { PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'

/** The pg error when a query gets no answer within `query_timeout`. */
const QUERY_TIMEOUT = 'Query read timeout'

/**
 * The pool as kysely sees it, except that a connection whose query timed out is thrown away
 * instead of returned: its query may still be running, and the next one would wait behind it.
 */
export function discardingTimedOut(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect()
      let timedOut = false
      const query = ((...args: Parameters<pg.PoolClient['query']>) => {
        const result = (client.query as (...a: unknown[]) => unknown).apply(client, args)
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            if ((error as Error | null)?.message === QUERY_TIMEOUT) timedOut = true
          })
        }
        return result
      }) as PostgresPoolClient['query']
      return {
        query,
        release: () => client.release(timedOut ? new Error(QUERY_TIMEOUT) : undefined),
      }
    },
    end: () => pool.end(),
  }
}
