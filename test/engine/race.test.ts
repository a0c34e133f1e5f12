import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ZERO_HASH } from '../../src/engine/hash.ts'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startServerProcess } from '../support/server-process.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { buildWorld } from '../support/world.ts'

const WRITERS = 24
const ROUNDS = 4

describe.each(DATABASES)('two server processes on one %s database', (kind) => {
  let db: TestDatabase
  let servers: ServerProcess[] = []
  let teamId: string
  let orgA: string
  /** The world's HR adviser for both pilot organisations: she may act namens orgA, admin may not. */
  let hrToken: string

  beforeEach(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    const world = await buildWorld(admin)
    teamId = world.teamId
    orgA = world.orgA
    hrToken = world.hrToken
    // One after the other: the second finds the schema migrated by the first.
    servers = [await startServerProcess({ DATABASE_URL: db.url, ADMIN_TOKEN: ADMIN_SECRET })]
    servers.push(await startServerProcess({ DATABASE_URL: db.url, ADMIN_TOKEN: ADMIN_SECRET }))
  }, 90_000)

  afterEach(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await db.cleanup()
  })

  const post = (i: number, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${servers[i % servers.length]?.url}/api/v1/instances/${teamId}/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${hrToken}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(body),
    })

  it('lets exactly one of many writers win each version, with a gapless linked chain', async () => {
    const winners: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const version = 1 + round
      const answers = await Promise.all(
        Array.from({ length: WRITERS }, (_, i) =>
          post(
            i,
            {
              type: 'ambitie.vastleggen',
              payload: { organisationId: orgA, text: `ronde ${round} schrijver ${i}` },
            },
            { 'if-match': `"${version}"` },
          ),
        ),
      )
      const statuses = answers.map((a) => a.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 412)).toHaveLength(WRITERS - 1)
      winners.push(statuses.indexOf(200))
    }
    // Without If-Match every writer succeeds, one after the other.
    const free = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        post(i, {
          type: 'belang.vastleggen',
          payload: { organisationId: orgA, text: `belang ${i}` },
        }),
      ),
    )
    expect(free.map((a) => a.status)).toEqual(Array(WRITERS).fill(200))
    console.log(`[race ${kind}] winners per round (writer index): ${winners.join(', ')}`)

    const rows = await db.store.db
      .selectFrom('events')
      .selectAll()
      .where('instance_id', '=', teamId)
      .orderBy('seq')
      .execute()
    const total = 1 + ROUNDS + WRITERS
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    expect(rows[0]?.prev_hash).toBe(ZERO_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash)
    const instance = await db.store.db
      .selectFrom('instances')
      .selectAll()
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow()
    expect(instance.version).toBe(total)
    expect(instance.head_hash).toBe(rows[rows.length - 1]?.hash)
    const verify = await fetch(`${servers[1]?.url}/api/v1/audit/verify?instanceId=${teamId}`, {
      headers: { authorization: `Bearer ${ADMIN_SECRET}` },
    })
    expect(await verify.json()).toMatchObject({ ok: true, events: total })
  })
})
