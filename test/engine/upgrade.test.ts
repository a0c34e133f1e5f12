import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate.ts'
import { explain, getMachine, sampleEvents } from '../../machines/index.ts'
import type { StoredSnapshot } from '../../machines/types.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES } from '../support/db.ts'
import { fixtureRows, openFixture } from './release-fixture.ts'
import type { Opened, ReleaseFixture } from './release-fixture.ts'

// A database written by the previous release (0.1.0: `doorlopend demo`, before affiliations and
// event format 2; test/fixtures/README.md) is opened by this release: on SQLite the file itself,
// on PostgreSQL its rows loaded into a schema at the 0.1.0 migrations. The schema is brought up to
// date in place; every chain still verifies, on the server and offline; every open instance takes
// a new event; old events show their actor as before, and new ones name a person and organisation.

const FIXTURE = new URL('../fixtures/release-0.1.0.sqlite', import.meta.url).pathname
const RELEASE_0_1_0_LAST_MIGRATION = '2026-11-24-audit'
/** The tables of 0.1.0, parents before children. */
const TABLES = [
  'organisations',
  'people',
  'tokens',
  'instances',
  'instance_organisations',
  'instance_people',
  'events',
  'pilots',
  'transitions',
  'idempotency_keys',
  'access_log',
  'meta',
] as const

const RELEASE: ReleaseFixture = {
  file: FIXTURE,
  tables: TABLES,
  lastMigration: RELEASE_0_1_0_LAST_MIGRATION,
}

describe.each(DATABASES)('upgrading a database written by release 0.1.0 (%s)', (kind) => {
  let db: Opened
  let admin: Client
  const before = fixtureRows(RELEASE)

  beforeAll(async () => {
    db = await openFixture(RELEASE, kind)
    await migrateToLatest(db.store.db)
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('verifies every chain after the upgrade, on the server and offline', async () => {
    const report = await verifyChains(db.store)
    expect(report.breaks).toEqual([])
    expect(report.events).toBeGreaterThanOrEqual(before['events']?.length ?? 0)
    const res = await admin.get('/api/v1/audit/verify')
    expect(res.body).toMatchObject({ ok: true, breaks: [] })
    const exported = await admin.get('/api/v1/audit/export')
    const offline = await verifyRecords(exportRecords([exported.body as string]))
    expect(offline.breaks).toEqual([])
    expect(offline.ok).toBe(true)
  })

  it('gives everyone the affiliation they were created with', async () => {
    const people = before['people'] ?? []
    const affiliations = await db.store.db.selectFrom('affiliations').selectAll().execute()
    expect(affiliations).toHaveLength(people.length)
    for (const p of people) {
      expect(affiliations).toContainEqual(
        expect.objectContaining({ person_id: p['id'], organisation_id: p['organisation_id'] }),
      )
    }
  })

  it('shows every old event with its actor as before (format 1, no person, no organisation)', async () => {
    for (const row of before['events'] ?? []) {
      const res = await admin.get(
        `/api/v1/instances/${String(row['instance_id'])}/events?after=${Number(row['seq']) - 1}&limit=1`,
      )
      const [event] = res.body.items
      expect(event).toMatchObject({
        format: 1,
        seq: row['seq'],
        hash: row['hash'],
        actor: {
          tokenId: row['actor_token_id'],
          role: row['actor_role'],
          personId: null,
          organisationId: null,
        },
      })
    }
  })

  it('lets every open instance take a new event, in format 3 (machine version 1), on top of its old chain', async () => {
    const instances = before['instances'] ?? []
    let open = 0
    for (const instance of instances) {
      const id = String(instance['id'])
      const def = getMachine(String(instance['machine_id']), Number(instance['machine_version']))
      if (!def) continue
      const snapshot = JSON.parse(String(instance['snapshot'])) as StoredSnapshot
      if (explain(def, snapshot).possible.length === 0) continue
      open++
      // Something admin may send on any open instance: not an act for an organisation.
      const event = sampleEvents(def, snapshot).find(
        (e) => !def.rules[e.type]?.namens && !def.rules[e.type]?.affiliated,
      )
      expect(event, `an event admin may send to ${id}`).toBeDefined()
      if (!event) continue
      const res = await admin.post(`/api/v1/instances/${id}/events`, {
        type: event.type,
        payload: event.payload,
        ...(event.reason ? { reason: event.reason } : {}),
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.event.seq).toBe(Number(instance['version']) + 1)
      const history = await admin.get(`/api/v1/instances/${id}/events?limit=500`)
      const items = history.body.items as {
        format: number
        machineVersion: number
        prevHash: string
        hash: string
      }[]
      const last = items[items.length - 1]
      expect(last?.format).toBe(3)
      expect(last?.machineVersion).toBe(1)
      expect(last?.prevHash).toBe(instance['head_hash'])
    }
    expect(open).toBeGreaterThan(5)
    expect((await verifyChains(db.store)).breaks).toEqual([])
  })

  it('keeps the old tokens working', async () => {
    const res = await admin.get('/api/v1/tokens')
    const ids = (res.body.items as { id: string }[]).map((t) => t.id)
    for (const t of before['tokens'] ?? []) expect(ids).toContain(t['id'])
  })
})
