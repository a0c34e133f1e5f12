import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate.ts'
import { catchUpFacts } from '../../src/engine/facts/catch-up.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES } from '../support/db.ts'
import { fixtureRows, openFixture } from './release-fixture.ts'
import type { Opened, ReleaseFixture } from './release-fixture.ts'

// The database the previous release (c77940e, `doorlopend demo`) wrote is opened by this one:
// the facts lists and reports read did not exist then, and are rebuilt from the history at
// startup; every chain still verifies and the old instances keep running.

const RELEASE: ReleaseFixture = {
  file: new URL('../fixtures/release-c77940e.sqlite', import.meta.url).pathname,
  tables: [
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
    'meta',
    'kept_snapshots',
    'documents',
    'instance_documents',
  ],
  lastMigration: '2026-12-05-documents',
}

describe.each(DATABASES)('a database of the previous release, facts rebuilt (%s)', (kind) => {
  let db: Opened
  let admin: Client
  let rebuilt = 0
  const before = fixtureRows(RELEASE)
  const processes = (before['instances'] ?? []).filter((r) => r['machine_id'] !== 'beheer')

  beforeAll(async () => {
    db = await openFixture(RELEASE, kind)
    await migrateToLatest(db.store.db)
    rebuilt = await catchUpFacts(db.store)
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('rebuilds the facts of every process once, and finds nothing behind after', async () => {
    expect(rebuilt).toBe(processes.length)
    expect(await catchUpFacts(db.store)).toBe(0)
    const facts = await db.store.db
      .selectFrom('instance_facts')
      .select(['instance_id', 'seq'])
      .execute()
    expect(facts.map((f) => [f.instance_id, f.seq]).sort()).toEqual(
      processes.map((p) => [p['id'], p['version']]).sort(),
    )
  })

  it('lists the old requests by their state, and every chain verifies', async () => {
    const requested = await admin.get('/api/v1/instances?state=aangevraagd&limit=100')
    expect(requested.status).toBe(200)
    const want = processes.filter((p) => JSON.parse(String(p['snapshot'])).value === 'aangevraagd')
    expect(requested.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      want.map((p) => p['id']).sort(),
    )
    expect(want.length).toBeGreaterThan(0)
    expect((await verifyChains(db.store)).ok).toBe(true)
  })

  it('keeps an old transition running, and its facts follow the new event', async () => {
    const id = String(
      processes.find((p) => p['status'] === 'actief' && p['machine_id'] === 'rolovergang')?.['id'],
    )
    const facts = () =>
      db.store.db
        .selectFrom('instance_facts')
        .select('seq')
        .where('instance_id', '=', id)
        .executeTakeFirstOrThrow()
    const seq = (await facts()).seq
    const posted = await admin.post(`/api/v1/instances/${id}/events`, {
      type: 'overgang.intrekken',
      reason: 'De leraar ziet af van de rol.',
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(200)
    expect((await facts()).seq).toBe(seq + 1)
  })
})
