import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getMachine } from '../../machines/index.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import { ADMIN } from '../audit/support.ts'
import { tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { DAY_MS, leergangV2 } from '../ui/team-v2.world.ts'
import type { LeergangV2 } from '../ui/team-v2.world.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'

// GET /api/v1/instances/:id/cycles puts a team's cycles side by side: a leergang of version 2
// with a closed cycle and a running one, and a team of version 1 with what version 1 knows.

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
const amsterdamToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())

describe.each(DATABASES)('GET /api/v1/instances/:id/cycles (%s)', (kind) => {
  let db: TestDatabase
  let world: LeergangV2
  let lead: Client
  let v1Team: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await leergangV2(db.store)
    lead = world.admin.as(world.tokens.lead)
    // A team of version 1, as teams created before version 2 still run: three days in verkennen.
    const v1 = getMachine('ontwikkelteam', 1)
    if (!v1) throw new Error('ontwikkelteam version 1 is not registered')
    const { academie, lyceum } = world.ids
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now() - 40 * DAY_MS
    vi.setSystemTime(start)
    v1Team = await commit(db.store, ADMIN, async (w) => {
      const created = await createInstance(w, v1, {
        title: 'Oude werkgroep',
        pilotId: world.ids.pilot,
        personId: null,
        organisationIds: [academie, lyceum],
        input: {
          pilotId: world.ids.pilot,
          teamName: 'Oude werkgroep',
          organisations: [
            { id: academie, name: 'Amstelscholen Academie' },
            { id: lyceum, name: 'Amstel Lyceum' },
          ],
        },
      })
      return created.instance.id
    })
    const hr = world.admin.as(world.tokens.hr)
    const send = async (by: Client, type: string, payload: object = {}) => {
      const res = await by.post(`/api/v1/instances/${v1Team}/events`, { type, payload })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    await send(hr, 'lid.toevoegen', {
      personId: world.ids.lead,
      role: 'coordinator',
      organisationId: academie,
    })
    for (const organisationId of [academie, lyceum]) {
      await send(hr, 'ambitie.vastleggen', { organisationId, text: 'Groeien.' })
      await send(hr, 'belang.vastleggen', { organisationId, text: 'Behouden.' })
    }
    vi.setSystemTime(start + 3 * DAY_MS)
    await send(world.admin, 'fase.volgende')
    vi.useRealTimers()
  }, 120_000)
  afterAll(async () => {
    vi.useRealTimers()
    await db?.cleanup()
  })

  it('gives the closed cycle of a leergang in full: partners, ambition, design, evaluation, days, participants, budget', async () => {
    const res = await lead.get(`/api/v1/instances/${world.ids.team}/cycles`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ instanceId: world.ids.team, machineVersion: 2, note: null })
    expect(res.body.items.map((c: { cycle: number }) => c.cycle)).toEqual([1, 2])
    const [first] = res.body.items
    const { academie, lyceum, college, zuidas } = world.ids
    expect(first).toMatchObject({
      cycle: 1,
      current: false,
      organisations: { ids: [academie, lyceum, college], added: [], removed: [] },
      gedeeldeAmbitie: 'Een leergang waarin leraren leren leiden vanuit de klas.',
      ontwerp: { text: 'Acht bijeenkomsten over een schooljaar, op de scholen.', document: null },
      participants: { places: 15, enrolled: 0, completed: 2, withdrawn: 1 },
      budget: { plannedCents: 2_500_000, spentCents: 125_000, balanceCents: 2_375_000 },
      start: { phase: 'verkennen', reason: null },
    })
    const total = Object.values(world.phaseDays).reduce((a, b) => a + b, 0)
    expect(first.period).toEqual({
      from: world.began,
      to: dayOf(Date.parse(`${world.began}T10:00:00Z`) + total * DAY_MS),
    })
    expect(first.phaseDays).toEqual(
      Object.entries(world.phaseDays).map(([phase, days]) => ({ phase, days })),
    )
    const byLevel = Object.fromEntries(
      first.evaluations.map((e: { level: string }) => [e.level, e]),
    )
    expect(Object.keys(byLevel)).toEqual([
      'doelstellingen',
      'samenwerking',
      'organisatievorm',
      'opbrengst',
    ])
    expect(byLevel.samenwerking.scores).toEqual({
      gedeeldeAmbities: 4,
      belangen: 3,
      relaties: 5,
      professioneelOrganiseren: 2,
      betekenisgevendProces: 4,
    })
    expect(byLevel.doelstellingen.aims).toHaveLength(6)
    expect(byLevel.doelstellingen.aims[1]).toEqual({
      aim: 'samenwerking',
      outcome: 'deels',
      note: 'Het college haakte later aan.',
    })
    for (const e of first.evaluations) {
      expect(e.evaluatorIds).toEqual([world.ids.lead])
      expect(e.leraarInAmsterdamPersonId).toBe(world.ids.lia)
    }
    // The second cycle began with a new school, at verkennen, which runs until today.
    const [, second] = res.body.items
    expect(second).toMatchObject({
      cycle: 2,
      current: true,
      organisations: { ids: [academie, lyceum, college, zuidas], added: [zuidas], removed: [] },
      gedeeldeAmbitie: null,
      ontwerp: null,
      participants: { places: 15, enrolled: 0, completed: 0, withdrawn: 0 },
      budget: { plannedCents: 2_500_000, spentCents: 0, balanceCents: 2_500_000 },
      period: { from: first.period.to, to: null },
    })
    expect(second.phaseDays).toEqual([
      { phase: 'verkennen', days: daysBetween(first.period.to, amsterdamToday()) },
    ])
    expect(second.evaluations.every((e: { judgement: unknown }) => e.judgement === null)).toBe(true)
  })

  it('answers a team of version 1 with what version 1 records, and says what it does not', async () => {
    const res = await world.admin.get(`/api/v1/instances/${v1Team}/cycles`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.machineVersion).toBe(1)
    expect(res.body.note).toContain('procesversie 1')
    expect(res.body.note).toContain('deelnemers')
    expect(res.body.items).toHaveLength(1)
    const [only] = res.body.items
    expect(only).toMatchObject({
      cycle: 1,
      current: true,
      participants: null,
      budget: null,
      gedeeldeAmbitie: null,
      start: { phase: 'verkennen', reason: null },
    })
    // The days come from the history: three in verkennen, delen since then.
    expect(only.phaseDays[0]).toEqual({ phase: 'verkennen', days: 3 })
    expect(only.phaseDays[1].phase).toBe('delen')
    expect(only.phaseDays[1].days).toBeGreaterThanOrEqual(36)
  })

  it('is read within scope only: 404 outside it and for a process that is no team, 401 without a token', async () => {
    const stranger = world.admin.as(
      await tokenFor(db.store, { name: 'iemand', role: 'member', personId: world.ids.lia }),
    )
    const before = await fingerprint(db.store)
    const outside = await stranger.get(`/api/v1/instances/${world.ids.team}/cycles`)
    expectProblem(outside, 404)
    expect(outside.body.detail).toContain('bestaat niet of valt buiten uw bereik')
    expectProblem(await world.admin.get('/api/v1/instances/bestaat_niet/cycles'), 404)
    expectProblem(
      await world.admin.as(undefined).get(`/api/v1/instances/${world.ids.team}/cycles`),
      401,
    )
    expect((await lead.get(`/api/v1/instances/${world.ids.team}/cycles`)).status).toBe(200)
    // A read writes nothing.
    expect(await fingerprint(db.store)).toBe(before)
    const transition = await world.admin.post('/api/v1/transitions', {
      personId: world.ids.repLyceum,
      organisationId: world.ids.lyceum,
      newRole: 'schoolopleider',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    })
    expect(transition.status, JSON.stringify(transition.body)).toBe(201)
    const notATeam = await world.admin.get(`/api/v1/instances/${transition.body.instanceId}/cycles`)
    expectProblem(notATeam, 404)
    expect(notATeam.body.detail).toMatch(/^Team '.+' bestaat niet/)
  })
})
