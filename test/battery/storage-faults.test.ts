import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { createApp } from '../../src/http/app.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { ADMIN_SECRET, Client, testApp } from '../support/app.ts'
import type { Response } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { storageFault } from './faults.ts'

const TABLES = [
  'organisations',
  'people',
  'affiliations',
  'tokens',
  'instances',
  'instance_organisations',
  'instance_people',
  'events',
  'pilots',
  'transitions',
  'idempotency_keys',
] as const

/** One write path: a request that succeeds every time it is sent on its own. */
interface WritePath {
  name: string
  /** Prepares what the request needs (without faults) and returns the request. */
  prepare: (n: number) => Promise<(client: Client) => Promise<Response>>
}

describe.each(DATABASES)('storage that fails at the N-th statement on %s', (kind) => {
  let db: TestDatabase
  let store: DbHandle
  let client: Client
  let world: World
  let failAt = 0
  let seen = 0

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const setup = await testApp(db.store)
    world = await buildWorld(setup.admin)
    store = createDb(db.url, {
      queryHook: () => {
        seen++
        if (seen === failAt) throw storageFault(kind)
      },
    })
    client = new Client(createApp({ store }), ADMIN_SECRET)
  })
  afterAll(async () => {
    await store.destroy()
    await db.cleanup()
  })

  const ok = async (res: Promise<Response>) => {
    const r = await res
    if (r.status >= 300) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }

  /** Row counts, every instance's head and every token's binding: what a partial write changes. */
  async function fingerprint(): Promise<string> {
    const counts: Record<string, number> = {}
    for (const table of TABLES) {
      const row = await db.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
      counts[table] = Number(row.n)
    }
    const heads = await db.store.db
      .selectFrom('instances')
      .select(['id', 'version', 'head_hash', 'snapshot'])
      .orderBy('id')
      .execute()
    // What binding or revoking a token changes in place.
    const tokens = await db.store.db
      .selectFrom('tokens')
      .select(['id', 'person_id', 'revoked_at'])
      .orderBy('id')
      .execute()
    return JSON.stringify({ counts, heads, tokens })
  }

  const paths: WritePath[] = [
    {
      name: 'POST /organisations',
      prepare: async (n) => (c) =>
        c.post('/api/v1/organisations', { name: `Stichting ${n}`, kind: 'school' }),
    },
    {
      name: 'POST /people',
      prepare: async (n) => (c) =>
        c.post('/api/v1/people', { name: `Persoon ${n}`, organisationId: world.orgA }),
    },
    {
      name: 'POST /tokens',
      prepare: async (n) => (c) =>
        c.post('/api/v1/tokens', {
          name: `hr ${n}`,
          role: 'hr',
          organisationIds: [world.orgA],
          personId: world.hrPerson,
        }),
    },
    {
      name: 'PUT /tokens/:id/person',
      prepare: async (n) => {
        const created = await ok(
          client.post('/api/v1/tokens', { name: `auditor ${n}`, role: 'auditor' }),
        )
        return (c) =>
          c.request('PUT', `/api/v1/tokens/${created.id}/person`, { personId: world.personA })
      },
    },
    {
      name: 'DELETE /tokens/:id',
      prepare: async (n) => {
        const created = await ok(
          client.post('/api/v1/tokens', { name: `weg ${n}`, role: 'auditor' }),
        )
        return (c) => c.delete(`/api/v1/tokens/${created.id}`)
      },
    },
    {
      name: 'POST /people/:id/affiliations',
      prepare: async (n) => {
        const person = await ok(
          client.post('/api/v1/people', { name: `Mentor ${n}`, organisationId: world.orgA }),
        )
        return (c) =>
          c.post(`/api/v1/people/${person.id}/affiliations`, {
            organisationId: world.orgB,
            functionTitle: 'mentor',
          })
      },
    },
    {
      name: 'POST /pilots',
      prepare: async (n) => (c) =>
        c.post('/api/v1/pilots', {
          name: `Pilot ${n}`,
          scenario: '1a',
          organisationIds: [world.orgA, world.orgB],
        }),
    },
    {
      name: 'POST /transitions',
      prepare: async (n) => {
        const person = await ok(
          client.post('/api/v1/people', { name: `Leraar ${n}`, organisationId: world.orgA }),
        )
        return (c) =>
          c.post('/api/v1/transitions', {
            personId: person.id,
            organisationId: world.orgA,
            newRole: 'schoolopleider',
            domain: 'leren-van-collegas',
            careerPath: 'andere-taken-en-rollen',
          })
      },
    },
    {
      name: 'POST /instances/:id/events',
      prepare: async (n) => (c) =>
        c.post(`/api/v1/instances/${world.teamId}/events`, {
          type: 'relatie.vastleggen',
          payload: { text: `Relatie ${n}` },
        }),
    },
    {
      name: 'POST /instances/:id/events with Idempotency-Key',
      // An interest is an organisation's own: its HR records it, admin may not.
      prepare: async (n) => (c) =>
        c
          .as(world.hrToken)
          .post(
            `/api/v1/instances/${world.teamId}/events`,
            { type: 'belang.vastleggen', payload: { organisationId: world.orgA, text: `B ${n}` } },
            { 'idempotency-key': `fault-${n}` },
          ),
    },
  ]

  let n = 0
  it.each(paths.map((p) => [p.name, p] as const))(
    '%s: 503 problem+json at every failing statement, nothing partial, then success',
    async (_name, path) => {
      // A clean run counts the statements this path sends. Twice: the first request to an
      // instance also reads what the engine then keeps in memory (its organisations).
      failAt = 0
      for (let run = 0; run < 2; run++) {
        const probe = await path.prepare(++n)
        seen = 0
        await ok(probe(client))
      }
      const statements = seen
      expect(statements).toBeGreaterThan(2)

      for (let at = 1; at <= statements; at++) {
        const request = await path.prepare(++n)
        const before = await fingerprint()
        seen = 0
        failAt = at
        const failed = await request(client)
        failAt = 0
        expect(failed.status, `statement ${at} of ${statements}`).toBe(503)
        expect(failed.headers.get('content-type')).toContain('application/problem+json')
        expect(await fingerprint(), `statement ${at} of ${statements}`).toBe(before)
        const retried = await request(client)
        expect(retried.status, `retry after statement ${at}`).toBeLessThan(300)
      }
      expect((await verifyChains(db.store)).ok).toBe(true)
      console.log(`[faults ${kind}] ${path.name}: ${statements} statements, each failed once`)
    },
  )
})
