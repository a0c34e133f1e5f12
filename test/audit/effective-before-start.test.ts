import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getInstance } from '../../db/queries/instances.ts'
import { machines, step } from '../../machines/index.ts'
import { rolovergang } from '../../machines/rolovergang.machine.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import { commit } from '../../src/engine/commit.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { keepSnapshot, snapshotOf } from '../../src/engine/snapshot.ts'
import type { Store } from '../../src/engine/store.ts'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { expectProblem, fingerprint } from '../http/http.helpers.ts'
import { Browser } from '../ui/support/session.ts'
import { ADMIN, startSample } from './support.ts'

// An ingangsdatum (effectiveDate) before the instance began would make time travel show the
// instance on a date it did not exist yet. Such a date is refused; an event stored with one
// before that (by an older release) is named in the time-travel answer.

const on = (day: string) => vi.setSystemTime(new Date(`${day}T09:00:00.000Z`))

/**
 * Appends an event the way postEvent did before it checked the ingangsdatum: the same writer,
 * the same hash chain, only without the check.
 */
async function appendUnchecked(
  store: Store,
  id: string,
  type: string,
  payload: Record<string, unknown>,
  effectiveDate: string,
): Promise<void> {
  const def = rolovergang
  await commit(store, ADMIN, async (w) => {
    const instance = await w.lock(id)
    if (!instance) throw new Error('instance vanished')
    const snapshot = snapshotOf(instance)
    const outcome = step(def, snapshot, {
      type,
      payload,
      reason: null,
      at: w.now,
      actor: { tokenId: ADMIN.tokenId, role: ADMIN.role, personId: ADMIN.personId },
    })
    if (!outcome.ok) throw new Error(outcome.reasons.join(' '))
    await w.append(instance, snapshot.value, {
      type,
      payload,
      reason: null,
      effectiveDate,
      stateAfter: outcome.next.value,
      snapshot: keepSnapshot(instance.id, outcome.next),
      status: def.statusOf(outcome.next),
    })
  })
}

describe.each(DATABASES)('an ingangsdatum before the instance began (%s)', (kind) => {
  let db: TestDatabase
  let id: string
  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    on('2025-01-10')
    id = await startSample(db.store, machines.rolovergang)
    on('2025-01-11')
  })
  afterAll(async () => {
    vi.useRealTimers()
    await db.cleanup()
  })

  it('is refused with 422, naming the earliest allowed date, and nothing is stored', async () => {
    const send = (effectiveDate: string) =>
      postEvent(db.store, ADMIN, id, { type: 'behandeling.starten', effectiveDate })
    await expect(send('2025-01-09')).rejects.toMatchObject({
      status: 422,
      detail: expect.stringContaining('de vroegste toegestane ingangsdatum is 2025-01-10'),
      extra: { earliestEffectiveDate: '2025-01-10' },
    })
    expect((await getInstance(db.store.db, id))?.version).toBe(1)
    // The day the instance began is allowed.
    const posted = await send('2025-01-10')
    expect(posted.event.seq).toBe(2)
  })
})

describe.each(DATABASES)('POST /instances/:id/events with an early effectiveDate (%s)', (kind) => {
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

  it('answers 422 problem+json with the earliest allowed date and changes nothing', async () => {
    const path = `/api/v1/instances/${world.transitionInstanceId}/events`
    const events = await admin.get(`${path}?limit=1`)
    const start = amsterdamDate(events.body.items[0].recordedAt as string)
    const before = await fingerprint(db.store)
    const res = await admin.post(path, { type: 'behandeling.starten', effectiveDate: '2001-01-01' })
    expectProblem(res, 422)
    expect(res.body.detail).toContain(`de vroegste toegestane ingangsdatum is ${start}`)
    expect(res.body.earliestEffectiveDate).toBe(start)
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'effectiveDate' })])
    expect(await fingerprint(db.store)).toBe(before)
    const onStart = await admin.post(path, { type: 'behandeling.starten', effectiveDate: start })
    expect(onStart.status).toBe(200)
  })
})

describe.each(DATABASES)('an event stored with an ingangsdatum before the start (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let id: string
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    vi.useFakeTimers({ toFake: ['Date'] })
    on('2025-01-10')
    // A version-1 transition: facilitering below is agreed as version 1 agrees it.
    id = await startSample(db.store, rolovergang) // seq 1
    on('2025-01-11')
    await appendUnchecked(db.store, id, 'behandeling.starten', {}, '2024-12-01') // 2
    on('2025-01-12')
    await postEvent(db.store, ADMIN, id, {
      type: 'toegang.orientatie-starten',
      payload: { note: 'Meeloopdag.' },
      effectiveDate: '2025-01-20',
    }) // 3
    on('2025-01-13')
    await postEvent(db.store, ADMIN, id, {
      type: 'facilitering.afspreken',
      payload: { hoursPerYear: 40, compensation: 'Taakuren' },
    }) // 4
    vi.useRealTimers()
  })
  afterAll(async () => {
    vi.useRealTimers()
    await db.cleanup()
  })

  it('lists the first event as pulled in on a date before the instance began', async () => {
    const then = await stateAt(db.store, ADMIN, id, { effectiveAt: '2024-12-15' })
    expect(then.pulledIn).toEqual([1])
    expect(then.effectiveBeforeStart).toEqual([2])
    expect(then.version).toBe(2)
    expect(then.lastEvent.seq).toBe(2)
  })

  it('names it on every date and at every moment it is applied', async () => {
    const later = await stateAt(db.store, ADMIN, id, { effectiveAt: '2025-01-15' })
    expect(later.pulledIn).toEqual([])
    expect(later.effectiveBeforeStart).toEqual([2])
    expect(later.notYetEffective).toEqual([3])
    expect(later.version).toBe(3)
    expect(later.lastEvent.seq).toBe(4)
    const recorded = await stateAt(db.store, ADMIN, id, { at: new Date().toISOString() })
    expect(recorded.effectiveBeforeStart).toEqual([2])
    const first = await stateAt(db.store, ADMIN, id, { at: '2025-01-10T12:00:00Z' })
    expect(first.effectiveBeforeStart).toEqual([])
  })

  it('says so through the API and on the auditor’s page', async () => {
    const res = await admin.get(`/api/v1/instances/${id}/state?effectiveAt=2024-12-15`)
    expect(res.status).toBe(200)
    expect(res.body.pulledIn).toEqual([1])
    expect(res.body.effectiveBeforeStart).toEqual([2])

    const auditor = new Browser(admin.app)
    await auditor.login(await tokenFor(db.store, { name: 'Auditor', role: 'auditor' }))
    const page = await auditor.get(`/audit/${id}?datum=2024-12-15`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(
      'Meegenomen omdat een teruggedateerde gebeurtenis ze nodig heeft: #1.',
    )
    expect(page.text).toMatch(/vóór het begin van dit proces[^<]*: #2\./)
    expect(page.text).toContain('id="gebeurtenis-2"')
    // On a later date: every event in effect is listed, the one not in effect yet is not.
    const later = await auditor.get(`/audit/${id}?datum=2025-01-15`)
    expect(later.text).toMatch(/vóór het begin van dit proces[^<]*: #2\./)
    for (const seq of [1, 2, 4]) expect(later.text).toContain(`id="gebeurtenis-${seq}"`)
    expect(later.text).not.toContain('id="gebeurtenis-3"')
  })
})
