import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { KEEP_EVERY, listKeptSnapshots } from '../../db/queries/kept-snapshots.ts'
import { getMachine } from '../../machines/index.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import type { Moment } from '../../src/audit/time-travel.service.ts'
import { migrateInstances } from '../../src/engine/definitions/migrate-instances.service.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { answer, current, dropKept, seeded, walk } from './long-history.ts'
import type { Recorded } from './long-history.ts'
import { previousAnswer } from './time-travel-oracle.ts'
import { ADMIN, startSample } from './support.ts'

// A rolovergang that ran 150 events under version 1, then moved to version 2: the snapshot kept
// at 100 is one of version 1 and the replay from it crosses the migration; those kept at 200 and
// 300 are of version 2. Each kept row says its version, and time travel restores it under that one.

const T0 = Date.parse('2025-05-01T08:00:00.000Z')
const MIGRATED_AT = 150

describe.each(DATABASES)('time travel across a migration, from kept snapshots (%s)', (kind) => {
  let db: TestDatabase
  let id: string
  let history: Recorded[]
  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    let clock = T0
    const tick = () => {
      clock += 60_000
      vi.setSystemTime(clock)
      return new Date(clock).toISOString()
    }
    vi.setSystemTime(clock)
    const random = seeded(5)
    const v1 = getMachine('rolovergang', 1)
    if (!v1) throw new Error('rolovergang version 1 is missing')
    id = await startSample(db.store, v1)
    history = [await current(db.store, id)]
    // Afspraken that version 2 can take over (no admission without orientation, no 0 hours).
    const before = ['behandeling.starten', 'ondersteuning.afspreken', 'erkenning.afspreken']
    history.push(
      ...(await walk(db.store, 'rolovergang', id, MIGRATED_AT - 1, {
        tick,
        random,
        types: before,
      })),
    )
    tick()
    const report = await migrateInstances(db.store, ADMIN, {
      machine: 'rolovergang',
      to: 2,
      dryRun: false,
    })
    expect(report.moved, JSON.stringify(report.items)).toBe(1)
    history.push(await current(db.store, id))
    const after = ['ondersteuning.afspreken', 'erkenning.afspreken', 'facilitering.afspreken']
    history.push(
      ...(await walk(db.store, 'rolovergang', id, 3 * KEEP_EVERY + 20, {
        tick,
        random,
        types: after,
      })),
    )
  }, 600_000)
  afterAll(async () => {
    vi.useRealTimers()
    await db.cleanup()
  })

  it('keeps each snapshot with the version it was written under', async () => {
    const kept = await listKeptSnapshots(db.store.db, id)
    expect(kept.map((k) => [k.seq, k.machine_version])).toEqual([
      [100, 1],
      [200, 2],
      [300, 2],
    ])
    expect(history[MIGRATED_AT - 1]?.machineVersion).toBe(2)
  })

  it('restores a kept snapshot under the version it was kept under', async () => {
    // Kept at 100 (version 1) but holding the state after event 50: used as it is, under version 1.
    await db.store.db
      .updateTable('kept_snapshots')
      .set({ snapshot: JSON.stringify(history[49]?.snapshot) })
      .where('instance_id', '=', id)
      .where('seq', '=', 100)
      .execute()
    const past = await stateAt(db.store, ADMIN, id, { at: history[99]?.at as string })
    expect({ value: past.state, context: past.context }).toEqual(history[49]?.snapshot)
    expect(past.machine.version).toBe(1)
    await dropKept(db, id)
  })

  it('answers every recorded moment under the version in force then', async () => {
    for (const then of history) {
      const past = await stateAt(db.store, ADMIN, id, { at: then.at })
      expect(past.version).toBe(then.seq)
      expect(past.machine.version).toBe(then.machineVersion)
      expect({ value: past.state, context: past.context }).toEqual(then.snapshot)
    }
  }, 600_000)

  it('answers as the replay of every event from event 1 did, before and after the migration', async () => {
    const seqs = [99, 100, 101, 149, 150, 151, 199, 200, 201, 299, 300, history.length]
    const moments: Moment[] = seqs.flatMap((seq) => {
      const at = history[seq - 1]?.at as string
      return [{ at }, { at: new Date(Date.parse(at) + 30_000).toISOString() }]
    })
    moments.push({ effectiveAt: history[history.length - 1]?.at.slice(0, 10) as string })
    for (const moment of moments) {
      const before = await previousAnswer(db.store, id, moment)
      expect(await answer(db, id, moment), JSON.stringify(moment)).toEqual(before)
      await dropKept(db, id)
      expect(await answer(db, id, moment), JSON.stringify(moment)).toEqual(before)
    }
  }, 600_000)
})
