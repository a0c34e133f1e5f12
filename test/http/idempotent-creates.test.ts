import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../db/create-db.ts'
import { createApp } from '../../src/http/app.ts'
import { ADMIN_SECRET, Client, testApp, tokenFor } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { expectProblem } from './http.helpers.ts'

let counter = 0
/** A key no other test uses. */
const newKey = () => `key-${Date.now().toString(36)}-${++counter}`

async function count(store: DbHandle, table: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(store.db)
  return Number(rows[0]?.n)
}

describe.each(DATABASES)('Idempotency-Key on the POSTs that create (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const transition = () => ({
    personId: world.teacherA,
    organisationId: world.orgB,
    newRole: `rol ${++counter}`,
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
  })

  /** Each creating POST: its path and table, and a body that creates once. */
  const creates = (): { name: string; path: string; table: string; body: () => unknown }[] => [
    {
      name: 'organisation',
      path: '/api/v1/organisations',
      table: 'organisations',
      body: () => ({ name: `School ${++counter}`, kind: 'school' }),
    },
    {
      name: 'person',
      path: '/api/v1/people',
      table: 'people',
      body: () => ({ name: `Persoon ${++counter}`, organisationId: world.orgC }),
    },
    {
      name: 'pilot',
      path: '/api/v1/pilots',
      table: 'pilots',
      body: () => ({
        name: `Pilot ${++counter}`,
        scenario: '1a',
        organisationIds: [world.orgA, world.orgB],
      }),
    },
    { name: 'transition', path: '/api/v1/transitions', table: 'transitions', body: transition },
    {
      name: 'token',
      path: '/api/v1/tokens',
      table: 'tokens',
      body: () => ({ name: `token ${++counter}`, role: 'auditor' }),
    },
    {
      name: 'affiliation',
      path: `/api/v1/people/${world.personB}/affiliations`,
      table: 'affiliations',
      // One organisation per run: a second affiliation at the same one would be a 422.
      body: () => ({ organisationId: world.orgC, functionTitle: 'mentor' }),
    },
    {
      name: 'identity',
      path: `/api/v1/people/${world.personA}/identities`,
      table: 'person_identities',
      body: () => ({ provider: 'entree', subject: `sub-${++counter}` }),
    },
  ]

  it('the same key and body, sent again, answer as the first time and create nothing more', async () => {
    for (const create of creates()) {
      const key = newKey()
      const body = create.body()
      const rows = await count(db.store, create.table)
      const first = await admin.post(create.path, body, { 'idempotency-key': key })
      expect(first.status, `${create.name}: ${JSON.stringify(first.body)}`).toBe(201)
      expect(await count(db.store, create.table), create.name).toBe(rows + 1)
      const again = await admin.post(create.path, body, { 'idempotency-key': key })
      expect(await count(db.store, create.table), create.name).toBe(rows + 1)
      if (create.name === 'token') {
        // The secret is shown once and never stored: a replay names the token, not its secret.
        expectProblem(again, 409, create.name)
        expect(again.body.tokenId).toBe(first.body.id)
        expect(JSON.stringify(again.body)).not.toContain(first.body.token)
      } else {
        expect(again.status, create.name).toBe(201)
        expect(again.body, create.name).toEqual(first.body)
      }
    }
  })

  it('the same key with another body → 422 problem, and nothing is created', async () => {
    for (const create of creates().filter((c) => c.name !== 'affiliation')) {
      const key = newKey()
      expect(
        (await admin.post(create.path, create.body(), { 'idempotency-key': key })).status,
      ).toBe(201)
      const rows = await count(db.store, create.table)
      const other = await admin.post(create.path, create.body(), { 'idempotency-key': key })
      expectProblem(other, 422, create.name)
      expect(other.body.detail).toMatch(/al gebruikt voor een ander verzoek/)
      expect(await count(db.store, create.table), create.name).toBe(rows)
    }
  })

  it('a key used for one operation is refused for another (422)', async () => {
    const key = newKey()
    const pilot = {
      name: `Pilot ${++counter}`,
      scenario: '1a',
      organisationIds: [world.orgA, world.orgB],
    }
    expect((await admin.post('/api/v1/pilots', pilot, { 'idempotency-key': key })).status).toBe(201)
    const org = await admin.post(
      '/api/v1/organisations',
      { name: 'Andere school', kind: 'school' },
      { 'idempotency-key': key },
    )
    expectProblem(org, 422)
  })

  it('keys belong to one token: another token with the same key creates its own', async () => {
    const key = newKey()
    const otherAdmin = admin.as(await tokenFor(db.store, { name: 'tweede admin', role: 'admin' }))
    const body = { name: `Gedeelde sleutel ${++counter}`, kind: 'school' }
    const mine = await admin.post('/api/v1/organisations', body, { 'idempotency-key': key })
    const theirs = await otherAdmin.post('/api/v1/organisations', body, { 'idempotency-key': key })
    expect(mine.status).toBe(201)
    expect(theirs.status).toBe(201)
    expect(theirs.body.id).not.toBe(mine.body.id)
  })

  it('without a key, each POST creates anew (as before)', async () => {
    const body = transition()
    const rows = await count(db.store, 'transitions')
    expect((await admin.post('/api/v1/transitions', body)).status).toBe(201)
    expect((await admin.post('/api/v1/transitions', body)).status).toBe(201)
    expect(await count(db.store, 'transitions')).toBe(rows + 2)
  })

  it('two POST /transitions with one key create one transition and one instance', async () => {
    const key = newKey()
    const body = transition()
    const [transitions, instances] = [
      await count(db.store, 'transitions'),
      await count(db.store, 'instances'),
    ]
    const first = await admin.post('/api/v1/transitions', body, { 'idempotency-key': key })
    const second = await admin.post('/api/v1/transitions', body, { 'idempotency-key': key })
    expect(second.body).toEqual(first.body)
    expect(await count(db.store, 'transitions')).toBe(transitions + 1)
    expect(await count(db.store, 'instances')).toBe(instances + 1)
  })

  it('twenty concurrent POST /transitions with one key create one, and all get its answer', async () => {
    const key = newKey()
    const body = transition()
    const rows = await count(db.store, 'transitions')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin.post('/api/v1/transitions', body, { 'idempotency-key': key }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect(await count(db.store, 'transitions')).toBe(rows + 1)
  })

  it('two server processes racing for one key create one transition', async () => {
    // A second handle on the same database: its own pool and its own group committer, as a
    // second process behind a load balancer would have.
    const second = db.open()
    try {
      const elsewhere = new Client(createApp({ store: second }), ADMIN_SECRET)
      const key = newKey()
      const body = transition()
      const rows = await count(db.store, 'transitions')
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? admin : elsewhere).post('/api/v1/transitions', body, {
            'idempotency-key': key,
          }),
        ),
      )
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201))
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
      expect(await count(db.store, 'transitions')).toBe(rows + 1)
    } finally {
      await second.destroy()
    }
  })

  it('the idempotency table never holds a token secret', async () => {
    const created = await admin.post(
      '/api/v1/tokens',
      { name: `geheim ${++counter}`, role: 'auditor' },
      { 'idempotency-key': newKey() },
    )
    expect(created.status).toBe(201)
    const rows = await db.store.db.selectFrom('idempotency_keys').selectAll().execute()
    expect(rows.length).toBeGreaterThan(0)
    expect(JSON.stringify(rows)).not.toContain(created.body.token)
    expect(JSON.stringify(rows)).toContain(created.body.id)
  })

  it('a malformed key → 400, and nothing is created', async () => {
    const rows = await count(db.store, 'organisations')
    const res = await admin.post(
      '/api/v1/organisations',
      { name: 'Met spatie', kind: 'school' },
      { 'idempotency-key': 'met spatie' },
    )
    expectProblem(res, 400)
    expect(await count(db.store, 'organisations')).toBe(rows)
  })
})
