import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { firstAndLastEvents } from '../../db/queries/event-moments.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { machines } from '../../machines/index.ts'
import { commit } from '../../src/engine/commit.ts'
import {
  BOOKKEEPING_TYPES,
  daysSince,
  momentOf,
  momentRecordedAt,
} from '../../src/engine/effective-moment.ts'
import { momentsOf } from '../../src/engine/instance-moments.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { snapshotOf } from '../../src/engine/snapshot.ts'
import { ADMIN, startSample } from '../audit/support.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'

// The moment an event counts from: its ingangsdatum where one is recorded, else the Amsterdam day
// it was recorded; and the first and last such moments of many instances in one read.

describe('the moment an event counts from', () => {
  it('is the ingangsdatum when one is recorded, and says it was backdated', () => {
    const m = momentOf({ effectiveDate: '2026-09-01', recordedAt: '2026-12-01T10:00:00.000Z' })
    expect(m).toEqual({
      day: '2026-09-01',
      recordedAt: '2026-12-01T10:00:00.000Z',
      effectiveDate: '2026-09-01',
      differs: true,
      backdated: true,
    })
  })

  it('is the Amsterdam day of the recording without one', () => {
    // 22:30 UTC on 31 August is already 1 September in Amsterdam.
    const m = momentOf({ effectiveDate: null, recordedAt: '2026-08-31T22:30:00.000Z' })
    expect(m).toMatchObject({ day: '2026-09-01', differs: false, backdated: false })
    const same = momentOf({ effectiveDate: '2026-09-01', recordedAt: '2026-08-31T22:30:00.000Z' })
    expect(same).toMatchObject({ day: '2026-09-01', differs: false, backdated: false })
  })

  it('says when an ingangsdatum lies ahead of the recording: differs, not backdated', () => {
    const m = momentOf({ effectiveDate: '2027-01-01', recordedAt: '2026-12-01T10:00:00.000Z' })
    expect(m).toMatchObject({ day: '2027-01-01', differs: true, backdated: false })
  })

  it('counts whole Amsterdam days from an ingangsdatum, exact time from a recording', () => {
    const backdated = momentOf({ effectiveDate: '2026-08-21', recordedAt: '2026-10-10T08:00:00Z' })
    expect(daysSince(backdated, new Date('2026-09-19T21:59:00Z'))).toBe(29)
    // 22:00 UTC is midnight in Amsterdam (summer time): the 30th day begins.
    expect(daysSince(backdated, new Date('2026-09-19T22:00:00Z'))).toBe(30)
    const recorded = momentOf({ effectiveDate: null, recordedAt: '2026-10-01T08:00:00.000Z' })
    expect(daysSince(recorded, new Date('2026-10-31T07:59:00.000Z'))).toBeLessThan(30)
    expect(daysSince(recorded, new Date('2026-10-31T08:00:00.000Z'))).toBe(30)
  })

  it('finds the event that wrote a record by its instant and type', () => {
    const events = [
      { type: 'pauzeren', recordedAt: '2026-01-01T10:00:00.000Z', effectiveDate: '2025-12-20' },
      { type: 'hervatten', recordedAt: '2026-02-01T10:00:00.000Z', effectiveDate: null },
      { type: 'pauzeren', recordedAt: '2026-03-01T10:00:00.000Z', effectiveDate: '2026-02-15' },
    ]
    const isPause = (t: string) => t === 'pauzeren'
    expect(momentRecordedAt(events, '2026-03-01T10:00:00.000Z', isPause).day).toBe('2026-02-15')
    // Not found (another type at that instant): the recording alone.
    const other = momentRecordedAt(events, '2026-02-01T10:00:00.000Z', isPause)
    expect(other).toMatchObject({ day: '2026-02-01', effectiveDate: null, differs: false })
  })
})

describe.each(DATABASES)('the first and last events of many instances (%s)', (kind) => {
  let db: TestDatabase
  let single: string
  let several: string
  let migrated: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-08-20T08:00:00.000Z'))
    single = await startSample(db.store, machines.rolovergang)
    several = await startSample(db.store, machines.rolovergang)
    migrated = await startSample(db.store, machines.rolovergang)
    vi.setSystemTime(new Date('2026-10-10T08:00:00.000Z'))
    await postEvent(db.store, ADMIN, several, { type: 'behandeling.starten' })
    await postEvent(db.store, ADMIN, migrated, { type: 'behandeling.starten' })
    vi.setSystemTime(new Date('2026-12-01T10:00:00.000Z'))
    await postEvent(db.store, ADMIN, several, {
      type: 'toegang.orientatie-starten',
      payload: { note: 'Meelopen.' },
      effectiveDate: '2026-11-01',
    })
    // A bookkeeping event after the last step of the process, as a migration writes one.
    await commit(db.store, ADMIN, async (w) => {
      const instance = await w.lock(migrated)
      if (!instance) throw new Error('instance vanished')
      const snapshot = snapshotOf(instance)
      await w.append(instance, snapshot.value, {
        type: 'definitie.gemigreerd',
        payload: {},
        reason: null,
        effectiveDate: null,
        stateAfter: snapshot.value,
        snapshot: instance.snapshot,
        status: instance.status,
      })
    })
    vi.useRealTimers()
  })
  afterAll(async () => {
    vi.useRealTimers()
    await db?.cleanup()
  })

  it('reads the first event and the latest one of each instance, unknown ids left out', async () => {
    const rows = await firstAndLastEvents(
      db.store.db,
      [single, several, 'trans-unknown', several],
      BOOKKEEPING_TYPES,
    )
    const seen = rows
      .map((r) => `${r.instance_id === single ? 'single' : 'several'} ${r.which} ${r.seq}`)
      .sort()
    expect(seen).toEqual(['several first 1', 'several last 3', 'single first 1', 'single last 1'])
    const last = rows.find((r) => r.instance_id === several && r.which === 'last')
    expect(last).toMatchObject({ effective_date: '2026-11-01', type: 'toegang.orientatie-starten' })
  })

  it('skips a migration: "sinds" and "stilgevallen" count from the last step itself', async () => {
    const instance = await getInstance(db.store.db, migrated)
    if (!instance) throw new Error('missing instance')
    expect(instance.version).toBe(3)
    const moments = (await momentsOf(db.store.db, [instance])).get(migrated)
    expect(moments?.last).toMatchObject({ day: '2026-10-10', effectiveDate: null })
    expect(moments?.begun).toMatchObject({ day: '2026-08-20' })
    const all = await firstAndLastEvents(db.store.db, [migrated], [])
    expect(all.find((r) => r.which === 'last')?.type).toBe('definitie.gemigreerd')
  })
})
