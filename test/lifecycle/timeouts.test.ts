import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { createApp } from '../../src/http/app.ts'
import { toProblem } from '../../src/http/problem.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import { blackHole, runDoorlopend } from './process.ts'

describe('PostgreSQL that accepts connections and never answers', () => {
  let hole: Awaited<ReturnType<typeof blackHole>>
  beforeAll(async () => {
    hole = await blackHole()
  })
  afterAll(async () => {
    await hole.close()
  })

  it('/ready answers 503 within its bound (before the 5 s connect timeout) and says why', async () => {
    const store = createDb(hole.url)
    try {
      const res = await createApp({ store }).request('/ready')
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({
        status: 'unavailable',
        reason: 'database timeout',
        detail: 'De database antwoordde niet binnen 2 s.',
      })
    } finally {
      await store.destroy()
    }
  })

  it('an API call fails with a 503 problem once the connect timeout passes, instead of hanging', async () => {
    const store = createDb(hole.url, { postgres: { connectTimeoutMs: 300 } })
    try {
      const res = await createApp({ store }).request('/api/v1/people', {
        headers: { authorization: 'Bearer dl_iemand-0123456789abcdefghij' },
      })
      expect(res.status).toBe(503)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(await res.json()).toMatchObject({ status: 503, title: 'Service unavailable' })
    } finally {
      await store.destroy()
    }
  })

  it('start-up retries for DB_STARTUP_WAIT_SECONDS, logging each retry, then gives up with exit 1', async () => {
    const run = runDoorlopend(['serve'], {
      DATABASE_URL: hole.url,
      PORT: '0',
      DB_STARTUP_WAIT_SECONDS: '2',
      DB_CONNECT_TIMEOUT_MS: '200',
    })
    expect(await run.exited).toBe(1)
    const retries = run
      .stdout()
      .split('\n')
      .filter((line) => line.includes('database niet bereikbaar'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(retries.length).toBeGreaterThanOrEqual(2)
    expect(retries.map((r) => r['attempt'])).toEqual(retries.map((_, i) => i + 1))
    expect(retries[0]).toMatchObject({ level: 'warn', retryInMs: 250 })
    expect(run.stderr()).toMatch(/De database is na \d+ pogingen in 2 s niet bereikbaar/)
    expect(run.stdout()).not.toContain('luistert op')
    // The URL's password is never printed.
    expect(run.stdout() + run.stderr()).not.toContain('geheim')
  })
})

describe('PostgreSQL connection settings', () => {
  it.runIf(DATABASES.includes('postgres'))(
    'sets application_name and the server-side timeouts, by default and as configured',
    async () => {
      const db = await freshDatabase('postgres')
      const read = async (store: DbHandle) => {
        const r = await sql<
          Record<string, string>
        >`select current_setting('application_name') as application_name,
          current_setting('statement_timeout') as statement_timeout,
          current_setting('idle_in_transaction_session_timeout') as idle`.execute(store.db)
        return r.rows[0]
      }
      const configured = createDb(db.url, {
        postgres: { statementTimeoutMs: 1500, idleInTransactionTimeoutMs: 7000 },
      })
      try {
        expect(await read(db.store)).toEqual({
          application_name: 'doorlopend',
          statement_timeout: '30s',
          idle: '1min',
        })
        expect(await read(configured)).toEqual({
          application_name: 'doorlopend',
          statement_timeout: '1500ms',
          idle: '7s',
        })
      } finally {
        await configured.destroy()
        await db.cleanup()
      }
    },
  )

  it.runIf(DATABASES.includes('postgres'))(
    'a statement cut by statement_timeout becomes a 503 problem, and the pool stays usable',
    async () => {
      const db = await freshDatabase('postgres')
      const store = createDb(db.url, { postgres: { statementTimeoutMs: 100 } })
      try {
        const error = await sql`select pg_sleep(2)`.execute(store.db).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect((error as { code?: string }).code).toBe('57014')
        expect(toProblem(error).status).toBe(503)
        expect((await sql<{ n: number }>`select 1 as n`.execute(store.db)).rows).toEqual([{ n: 1 }])
      } finally {
        await store.destroy()
        await db.cleanup()
      }
    },
  )

  it.runIf(DATABASES.includes('postgres'))(
    'a query that outlives query_timeout fails with a 503 problem, and its connection is not reused',
    async () => {
      const db = await freshDatabase('postgres')
      const store = createDb(db.url, {
        postgres: { poolSize: 1, statementTimeoutMs: 0, queryTimeoutMs: 200 },
      })
      try {
        const error = await sql`select pg_sleep(1)`.execute(store.db).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect((error as Error).message).toBe('Query read timeout')
        expect(toProblem(error).status).toBe(503)
        // With one connection, reusing the timed-out one would queue behind the sleep and time out.
        expect((await sql<{ n: number }>`select 1 as n`.execute(store.db)).rows).toEqual([{ n: 1 }])
      } finally {
        await store.destroy()
        await db.cleanup()
      }
    },
  )
})
