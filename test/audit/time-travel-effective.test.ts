import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getMachine } from '../../machines/index.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { ADMIN, startSample } from './support.ts'

// effectiveAt: the state on a date, counting each event from its ingangsdatum (effectiveDate),
// so a back-dated role start or recognition shows on the date it took effect.

const lopend = (regions: Record<string, string>) => ({
  lopend: {
    toegang: 'open',
    ondersteuning: 'open',
    facilitering: 'open',
    erkenning: 'open',
    rol: 'voorbereiding',
    ...regions,
  },
})

describe.each(DATABASES)('time travel by effective date (%s)', (kind) => {
  let db: TestDatabase
  let id: string
  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    const on = (day: string) => vi.setSystemTime(new Date(`${day}T09:00:00.000Z`))
    const send = (type: string, payload: Record<string, unknown> = {}, effectiveDate?: string) =>
      postEvent(db.store, ADMIN, id, { type, payload, ...(effectiveDate ? { effectiveDate } : {}) })
    on('2025-01-02')
    // A rolovergang of version 1, whose events these are (version 2 asks for an orientation first).
    const v1 = getMachine('rolovergang', 1)
    if (!v1) throw new Error('rolovergang version 1 is missing')
    id = await startSample(db.store, v1) // seq 1
    on('2025-01-03')
    await send('behandeling.starten') // 2
    on('2025-01-04')
    await send('toegang.toelaten', { method: 'selectie', note: 'Gesprek gevoerd.' }) // 3
    on('2025-01-06')
    await send('ondersteuning.afspreken', { forms: ['coaching'], note: 'Coach gevonden.' }) // 4
    on('2025-01-07')
    await send('erkenning.afspreken', { form: 'formeel', note: 'VELON.' }, '2025-02-05') // 5
    on('2025-03-01')
    await send('facilitering.afspreken', { hoursPerYear: 80, compensation: 'Taakuren' }) // 6
    on('2025-03-10')
    await send('rol.starten', { startDate: '2025-02-01' }, '2025-02-01') // 7
    on('2025-03-15')
    await send('erkenning.verlenen', { note: 'Geregistreerd.' }, '2025-02-15') // 8
    vi.useRealTimers()
  })
  afterAll(async () => {
    vi.useRealTimers()
    await db.cleanup()
  })

  it('counts a back-dated role start from its ingangsdatum, pulling in what it needs', async () => {
    const past = await stateAt(db.store, ADMIN, id, { effectiveAt: '2025-02-01' })
    expect(past.state).toEqual(
      lopend({
        toegang: 'toegelaten',
        ondersteuning: 'afgesproken',
        facilitering: 'afgesproken',
        rol: 'actief',
      }),
    )
    expect(past.pulledIn).toEqual([6])
    expect(past.notYetEffective).toEqual([5])
    expect(past.version).toBe(6)
    expect(past.lastEvent.seq).toBe(7)
  })

  it('shows a back-dated recognition on its date, and not the day before', async () => {
    const before = await stateAt(db.store, ADMIN, id, { effectiveAt: '2025-02-14' })
    expect(before.state).toMatchObject({ lopend: { erkenning: 'afgesproken', rol: 'actief' } })
    const on = await stateAt(db.store, ADMIN, id, { effectiveAt: '2025-02-15' })
    expect(on.state).toMatchObject({ lopend: { erkenning: 'verleend', rol: 'actief' } })
    expect(on.version).toBe(8)
  })

  it('by recorded time, the same date still shows the role in preparation', async () => {
    const past = await stateAt(db.store, ADMIN, id, { at: '2025-02-20T12:00:00Z' })
    expect(past.state).toEqual(
      lopend({ toegang: 'toegelaten', ondersteuning: 'afgesproken', erkenning: 'afgesproken' }),
    )
    expect(past.version).toBe(5)
  })

  it('takes an event without ingangsdatum from the Amsterdam date it was recorded', async () => {
    const past = await stateAt(db.store, ADMIN, id, { effectiveAt: '2025-01-04' })
    expect(past.version).toBe(3)
    expect(past.state).toEqual(lopend({ toegang: 'toegelaten' }))
  })

  it('answers 404 with the reason before anything took effect', async () => {
    await expect(stateAt(db.store, ADMIN, id, { effectiveAt: '2025-01-01' })).rejects.toMatchObject(
      {
        status: 404,
        detail: expect.stringContaining('de vroegste ingangsdatum is 2025-01-02'),
      },
    )
  })
})

describe.each(DATABASES)('GET /instances/:id/state (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('answers the state at a time, with state, context, status and version', async () => {
    const now = new Date().toISOString()
    const res = await admin.get(`/api/v1/instances/${world.transitionInstanceId}/state?at=${now}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: world.transitionInstanceId,
      state: 'aangevraagd',
      status: 'actief',
      version: 1,
    })
    expect(res.body.context.personId).toBe(world.teacherA)
  })

  it('answers 404 problem+json with a reason before the first event', async () => {
    const res = await admin.get(
      `/api/v1/instances/${world.transitionInstanceId}/state?at=2001-01-01T00:00:00Z`,
    )
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.detail).toContain('bestond proces')
    expect(res.body.first).toEqual(expect.any(String))
  })

  it('asks for exactly one of at and effectiveAt, and a valid one', async () => {
    const path = `/api/v1/instances/${world.transitionInstanceId}/state`
    expect((await admin.get(path)).status).toBe(400)
    expect((await admin.get(`${path}?at=2025-01-01T00:00:00Z&effectiveAt=2025-01-01`)).status).toBe(
      400,
    )
    expect((await admin.get(`${path}?at=yesterday`)).status).toBe(400)
    expect((await admin.get(`${path}?effectiveAt=2025-13-01`)).status).toBe(400)
  })

  it('answers 404 for an instance outside the caller’s scope', async () => {
    const eldersHr = await admin.post('/api/v1/people', {
      name: 'Els Elders',
      organisationId: world.orgC,
    })
    expect(eldersHr.status).toBe(201)
    const other = await tokenFor(db.store, {
      name: 'hr elders',
      role: 'hr',
      organisationIds: [world.orgC],
      personId: eldersHr.body.id,
    })
    const res = await admin
      .as(other)
      .get(`/api/v1/instances/${world.transitionInstanceId}/state?at=${new Date().toISOString()}`)
    expect(res.status).toBe(404)
  })
})
