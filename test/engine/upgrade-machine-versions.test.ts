import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES } from '../support/db.ts'
import { fixtureRows, openFixture } from './release-fixture.ts'
import type { Opened, ReleaseFixture, Row } from './release-fixture.ts'

// The database the previous release (b502b00, `doorlopend demo`: event format 2, one version of
// every machine) wrote is opened by this release. Its transitions keep the rules of version 1
// until they are migrated; a dry run lists what would move and what stays, and changes nothing;
// the migration writes one definitie.gemigreerd per moved instance and nothing else; every
// chain verifies, on the server and offline; time travel before the migration shows version 1.

const FIXTURE = new URL('../fixtures/release-b502b00.sqlite', import.meta.url).pathname
const PREVIOUS_LAST_MIGRATION = '2026-12-02-sessions'
/** The tables of that release with rows, parents before children. */
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
  'meta',
] as const

const RELEASE: ReleaseFixture = {
  file: FIXTURE,
  tables: TABLES,
  lastMigration: PREVIOUS_LAST_MIGRATION,
}

interface Item {
  instanceId: string
  title: string
  from: number
  to: number
  outcome: 'verplaatst' | 'blijft'
  changes: string[]
  reasons: string[]
}

const transitionsByTitle = (rows: Row[]) =>
  new Map(
    rows
      .filter((r) => r['machine_id'] === 'rolovergang')
      .map((r) => [String(r['title']), r] as const),
  )

describe.each(DATABASES)('a database of the previous release on machine versions (%s)', (kind) => {
  let db: Opened
  let admin: Client
  const before = fixtureRows(RELEASE)
  const byTitle = transitionsByTitle(before['instances'] ?? [])
  const idOf = (title: string) => String(byTitle.get(title)?.['id'])
  let dryRun: { moved: number; refused: number; items: Item[] }
  let beforeMigration = ''
  const eventCount = async () =>
    Number(
      (
        await db.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    db = await openFixture(RELEASE, kind)
    await migrateToLatest(db.store.db)
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('keeps every transition on version 1, with version 1’s rules', async () => {
    for (const row of (before['instances'] ?? []).filter(
      (r) => r['machine_id'] === 'rolovergang',
    )) {
      const res = await admin.get(`/api/v1/instances/${String(row['id'])}`)
      expect(res.body.machine).toEqual({ id: 'rolovergang', version: 1 })
    }
    // Version 1 agrees facilitering as hours and compensation; version 2 would refuse this.
    const open = idOf('curriculumontwikkelaar')
    const agreed = await admin.post(`/api/v1/instances/${open}/events`, {
      type: 'facilitering.afspreken',
      payload: { hoursPerYear: 40, compensation: 'Taakuren' },
    })
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200)
    expect(agreed.body.instance.machine.version).toBe(1)
    // An event of version 2 is refused, naming both versions.
    const v2 = await admin.post(`/api/v1/instances/${open}/events`, {
      type: 'startniveau.vastleggen',
      payload: { level: 'startend' },
    })
    expect(v2.status).toBe(422)
    expect(v2.body.detail).toContain('hoort bij versie 2')
    expect(v2.body.detail).toContain('loopt op versie 1')
  })

  it('a dry run lists what would move and what stays, and changes nothing', async () => {
    const count = await eventCount()
    const res = await admin.post('/api/v1/machines/rolovergang/migrations', {
      to: 2,
      dryRun: true,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    dryRun = res.body
    expect(await eventCount()).toBe(count)
    const outcome = (title: string) =>
      dryRun.items.find((i) => i.instanceId === idOf(title))?.outcome
    expect(outcome('decaan')).toBe('verplaatst')
    expect(outcome('curriculumontwikkelaar')).toBe('verplaatst')
    expect(outcome('MR-lid')).toBe('blijft')
    expect(outcome('schoolopleider')).toBe('blijft')
    const closed = dryRun.items.find((i) => i.instanceId === idOf('schoolopleider'))
    expect(closed?.reasons.join(' ')).toMatch(/afgesloten/i)
    const transitions = (before['instances'] ?? []).filter((r) => r['machine_id'] === 'rolovergang')
    expect(dryRun.items).toHaveLength(transitions.length)
    for (const item of dryRun.items) {
      if (item.outcome === 'blijft') expect(item.reasons.length).toBeGreaterThan(0)
      else expect(item.changes.length).toBeGreaterThan(0)
    }
    expect(dryRun.moved).toBeGreaterThanOrEqual(3)
    expect(dryRun.refused).toBeGreaterThanOrEqual(4)
  })

  it('refuses an unknown version and an older one, changing nothing', async () => {
    const count = await eventCount()
    const unknown = await admin.post('/api/v1/machines/rolovergang/migrations', { to: 7 })
    expect(unknown.status).toBe(422)
    expect(unknown.body.detail).toContain('Bekende versies: 1, 2')
    expect(await eventCount()).toBe(count)
  })

  it('moves what the dry run said, one definitie.gemigreerd each, and nothing else', async () => {
    await new Promise((r) => setTimeout(r, 5))
    beforeMigration = new Date().toISOString()
    await new Promise((r) => setTimeout(r, 5))
    const count = await eventCount()
    const res = await admin.post('/api/v1/machines/rolovergang/migrations', { to: 2 })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.moved).toBe(dryRun.moved)
    expect(res.body.items).toEqual(dryRun.items)
    expect(await eventCount()).toBe(count + dryRun.moved)
    for (const item of dryRun.items) {
      const instance = await admin.get(`/api/v1/instances/${item.instanceId}`)
      const history = await admin.get(`/api/v1/instances/${item.instanceId}/events?limit=500`)
      const last = history.body.items[history.body.items.length - 1]
      if (item.outcome === 'verplaatst') {
        expect(instance.body.machine.version).toBe(2)
        expect(last).toMatchObject({
          type: 'definitie.gemigreerd',
          format: 3,
          machineVersion: 2,
          payload: { from: 1, to: 2, changes: item.changes },
        })
      } else {
        expect(instance.body.machine.version).toBe(1)
        expect(last.type).not.toBe('definitie.gemigreerd')
      }
    }
    // Run again: nothing left to move, nothing written.
    const again = await admin.post('/api/v1/machines/rolovergang/migrations', { to: 2 })
    expect(again.body.moved).toBe(0)
    expect(await eventCount()).toBe(count + dryRun.moved)
  })

  it('lets moved instances take version 2’s events and unmoved ones version 1’s', async () => {
    const moved = await admin.post(`/api/v1/instances/${idOf('decaan')}/events`, {
      type: 'startniveau.vastleggen',
      payload: { level: 'startend' },
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const stayed = await admin.post(`/api/v1/instances/${idOf('MR-lid')}/events`, {
      type: 'erkenning.afspreken',
      payload: { form: 'formeel', note: 'Registratie als MR-lid.' },
    })
    expect(stayed.status, JSON.stringify(stayed.body)).toBe(200)
    expect(stayed.body.instance.machine.version).toBe(1)
  })

  it('verifies every chain, on the server, in the export and offline', async () => {
    const report = await verifyChains(db.store)
    expect(report.breaks).toEqual([])
    const res = await admin.get('/api/v1/audit/verify')
    expect(res.body).toMatchObject({ ok: true, breaks: [] })
    const exported = await admin.get('/api/v1/audit/export')
    const offline = await verifyRecords(exportRecords([exported.body as string]))
    expect(offline.breaks).toEqual([])
    expect(offline.ok).toBe(true)
  })

  it('time travel gives the state under the version in force at that moment', async () => {
    const id = idOf('curriculumontwikkelaar')
    const then = await admin.get(`/api/v1/instances/${id}/state?at=${beforeMigration}`)
    expect(then.status, JSON.stringify(then.body)).toBe(200)
    expect(then.body.machine.version).toBe(1)
    expect(then.body.context.facilitering).toMatchObject({
      hoursPerYear: 40,
      compensation: 'Taakuren',
    })
    const now = await admin.get(`/api/v1/instances/${id}/state?at=${new Date().toISOString()}`)
    const current = await admin.get(`/api/v1/instances/${id}`)
    expect(now.body.machine.version).toBe(2)
    expect(now.body.state).toEqual(current.body.state)
    expect(now.body.context).toEqual(current.body.context)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    )
    const effective = await admin.get(`/api/v1/instances/${id}/state?effectiveAt=${today}`)
    expect(effective.body.machine.version).toBe(2)
    expect(effective.body.context).toEqual(current.body.context)
  })

  it('notices an instance that says another version than its history (server verify)', async () => {
    const id = idOf('decaan')
    await db.store.db
      .updateTable('instances')
      .set({ machine_version: 1 })
      .where('id', '=', id)
      .execute()
    const report = await verifyChains(db.store, [id])
    expect(report.ok).toBe(false)
    expect(report.breaks[0]?.reason).toContain('runs machine version 1')
    await db.store.db
      .updateTable('instances')
      .set({ machine_version: 2 })
      .where('id', '=', id)
      .execute()
    expect((await verifyChains(db.store, [id])).ok).toBe(true)
  })
})
