import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES } from '../support/db.ts'
import { fixtureRows, openFixture } from './release-fixture.ts'
import type { Opened, ReleaseFixture } from './release-fixture.ts'

// The database the previous release (3d9c924, `doorlopend demo`: machine versions, every team on
// ontwikkelteam version 1) wrote is opened by this release. Its pilots read with the form their
// scenario has; its teams keep running on version 1 until migrated; the migration moves the
// netwerk teams without evaluations and leaves the werkgroepen and the evaluated team on 1; a
// moved team takes version 2's events (participants, budget); every chain verifies.

const RELEASE: ReleaseFixture = {
  file: new URL('../fixtures/release-3d9c924.sqlite', import.meta.url).pathname,
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
  ],
  lastMigration: '2026-12-03-machine-versions',
}

describe.each(DATABASES)('a database of the previous release on ontwikkelteam 2 (%s)', (kind) => {
  let db: Opened
  let admin: Client
  const before = fixtureRows(RELEASE)
  const teams = (before['instances'] ?? []).filter((r) => r['machine_id'] === 'ontwikkelteam')
  const idOf = (titleEnd: string) =>
    String(teams.find((r) => String(r['title']).endsWith(titleEnd))?.['id'])
  const oneA = () => idOf('in de klas — Ontwikkelteam')
  const evaluated = () => idOf('tussen opleidingsscholen — Ontwikkelteam 1')
  const blocked = () => idOf('tussen opleidingsscholen — Ontwikkelteam 2')
  const werkgroep2b = () => idOf('Leiderschap van Leraren — Werkgroep')

  beforeAll(async () => {
    db = await openFixture(RELEASE, kind)
    await migrateToLatest(db.store.db)
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('reads the old pilots with the form of their scenario and no recorded lead', async () => {
    const pilots = (await admin.get('/api/v1/pilots?limit=100')).body.items
    expect(pilots).toHaveLength(4)
    for (const pilot of pilots) {
      const form = pilot.scenario.startsWith('1') ? 'zelfregulerend-netwerk' : 'leiderorganisatie'
      expect(pilot.organisationForm).toBe(form)
      expect(pilot.leadOrganisationId).toBeNull()
      // Version 1 teams know no budget or places.
      expect(pilot.teams.every((t: { budget: unknown }) => t.budget === null)).toBe(true)
    }
  })

  it('keeps every team on version 1, with version 1’s rules', async () => {
    expect(teams).toHaveLength(5)
    for (const row of teams) {
      const res = await admin.get(`/api/v1/instances/${String(row['id'])}`)
      expect(res.body.machine).toEqual({ id: 'ontwikkelteam', version: 1 })
    }
    const v2 = await admin.post(`/api/v1/instances/${oneA()}/events`, {
      type: 'uitgave.boeken',
      payload: { description: 'Zaalhuur', amountCents: 100, date: '2026-01-05' },
    })
    expect(v2.status).toBe(422)
    expect(v2.body.detail).toContain('hoort bij versie 2')
  })

  it('moves the netwerk teams without evaluations, and leaves the rest on version 1', async () => {
    const dry = await admin.post('/api/v1/machines/ontwikkelteam/migrations', {
      to: 2,
      dryRun: true,
    })
    expect(dry.status, JSON.stringify(dry.body)).toBe(200)
    const outcome = (id: string) => dry.body.items.find((i: any) => i.instanceId === id)
    expect(outcome(oneA()).outcome).toBe('verplaatst')
    expect(outcome(blocked()).outcome).toBe('verplaatst')
    expect(outcome(evaluated()).outcome).toBe('blijft')
    expect(outcome(evaluated()).reasons.join(' ')).toContain('wie evalueerde')
    expect(outcome(werkgroep2b()).outcome).toBe('blijft')
    expect(outcome(werkgroep2b()).reasons.join(' ')).toContain('leidende organisatie')

    const res = await admin.post('/api/v1/machines/ontwikkelteam/migrations', { to: 2 })
    expect(res.status).toBe(200)
    expect(res.body.moved).toBe(2)
    const moved = (await admin.get(`/api/v1/instances/${oneA()}`)).body
    expect(moved.machine.version).toBe(2)
    expect(moved.state).toBe('vormgeven')
    expect(moved.context).toMatchObject({ organisationForm: 'zelfregulerend-netwerk', places: 13 })
    expect((await admin.get(`/api/v1/instances/${werkgroep2b()}`)).body.machine.version).toBe(1)
  })

  it('lets a moved team book on its budget, and an unmoved one go on under version 1', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const booked = await admin.post(`/api/v1/instances/${oneA()}/events`, {
      type: 'uitgave.boeken',
      payload: { description: 'Zaalhuur', amountCents: 38_000, date: today },
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(200)
    const pilot = (await admin.get(`/api/v1/pilots/${String(booked.body.instance.pilotId)}`)).body
    expect(pilot.budget).toEqual({
      plannedCents: 2_300_000,
      spentCents: 38_000,
      balanceCents: 2_262_000,
    })
    const stayed = await admin.post(`/api/v1/instances/${evaluated()}/events`, {
      type: 'evaluatie.vastleggen',
      payload: { level: 'opbrengst', judgement: 'Goed.' },
    })
    expect(stayed.status, JSON.stringify(stayed.body)).toBe(200)
    expect(stayed.body.instance.machine.version).toBe(1)
  })

  it('verifies every chain, on the server and offline', async () => {
    expect((await verifyChains(db.store)).breaks).toEqual([])
    const exported = await admin.get('/api/v1/audit/export')
    const offline = await verifyRecords(exportRecords([exported.body as string]))
    expect(offline.breaks).toEqual([])
    expect(offline.ok).toBe(true)
  })
})
