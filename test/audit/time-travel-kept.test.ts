import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { listEvents } from '../../db/queries/events.ts'
import { KEEP_EVERY, listKeptSnapshots } from '../../db/queries/kept-snapshots.ts'
import type { KeptSnapshot } from '../../db/queries/kept-snapshots.ts'
import { getMachine } from '../../machines/index.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import type { Moment } from '../../src/audit/time-travel.service.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { answer, current, dropKept, seeded, walk } from './long-history.ts'
import { previousAnswer } from './time-travel-oracle.ts'
import type { Recorded } from './long-history.ts'
import { ADMIN, startSample } from './support.ts'

// Time travel starts from the nearest kept snapshot (one every KEEP_EVERY events, written with the
// event, or filled in by time travel for older histories). Kept snapshots are only a cache: every
// answer must be exactly the one time travel gave before them, reading and replaying every event.

const T0 = Date.parse('2025-03-20T09:00:00.000Z')
const HOURS = 2

const setKept = (db: TestDatabase, id: string, seq: number, change: Partial<KeptSnapshot>) =>
  db.store.db
    .updateTable('kept_snapshots')
    .set(change)
    .where('instance_id', '=', id)
    .where('seq', '=', seq)
    .execute()

/** Moments around every kept seq, some at random, and every day the history spans. */
function momentsOf(history: Recorded[], random: () => number): Moment[] {
  const at = (seq: number, ms = 0) => {
    const then = history[seq - 1]?.at as string
    return new Date(Date.parse(then) + ms).toISOString()
  }
  const last = history.length
  const seqs = [1, 2, last, last - 1]
  for (let k = KEEP_EVERY; k <= last; k += KEEP_EVERY) seqs.push(k - 1, k, k + 1)
  for (let i = 0; i < 20; i++) seqs.push(1 + Math.floor(random() * last))
  const moments: Moment[] = [{ at: new Date(T0 - 60_000).toISOString() }]
  for (const seq of seqs.filter((s) => s >= 1 && s <= last)) {
    moments.push({ at: at(seq) }, { at: at(seq, 500) })
  }
  const firstDay = Date.parse(`${amsterdamDate(at(1))}T12:00:00Z`)
  for (let d = firstDay - 86_400_000; d <= Date.parse(at(last)) + 7 * 86_400_000; d += 86_400_000) {
    moments.push({ effectiveAt: new Date(d).toISOString().slice(0, 10) })
  }
  return moments
}

describe.each(DATABASES)('time travel from kept snapshots (%s)', (kind) => {
  let db: TestDatabase
  let team: string
  let history: Recorded[]
  let written: KeptSnapshot[]
  beforeAll(async () => {
    db = await freshDatabase(kind)
    vi.useFakeTimers({ toFake: ['Date'] })
    let clock = T0
    const tick = () => {
      clock += HOURS * 3_600_000
      vi.setSystemTime(clock)
      return new Date(clock).toISOString()
    }
    vi.setSystemTime(clock)
    const random = seeded(12)
    const def = getMachine('ontwikkelteam', 1)
    if (!def) throw new Error('ontwikkelteam version 1 is missing')
    team = await startSample(db.store, def)
    const start = amsterdamDate(new Date(T0).toISOString())
    history = [await current(db.store, team)]
    // One event in six takes effect on another day: up to a week earlier (never before the start)
    // or later.
    const effectiveDate = (at: string) => {
      if (random() > 1 / 6) return undefined
      const day = Date.parse(at) + Math.floor(random() * 14 - 7) * 86_400_000
      const date = amsterdamDate(new Date(day).toISOString())
      return date < start ? start : date
    }
    history.push(
      ...(await walk(db.store, 'ontwikkelteam', team, 3 * KEEP_EVERY + 30, {
        tick,
        random,
        effectiveDate,
        forward: ['fase.volgende', 'cyclus.vernieuwen'],
      })),
    )
    written = await listKeptSnapshots(db.store.db, team)
  }, 600_000)
  afterAll(async () => {
    vi.useRealTimers()
    await db.cleanup()
  })

  it('keeps the snapshot of every KEEP_EVERY-th event as it writes it', async () => {
    const events = await listEvents(db.store.db, team, { after: 0, limit: 10_000 })
    expect(written.map((k) => k.seq)).toEqual([100, 200, 300])
    for (const kept of written) {
      expect(JSON.parse(kept.snapshot)).toEqual(history[kept.seq - 1]?.snapshot)
      expect(kept.machine_version).toBe(1)
      expect(kept.event_hash).toBe(events[kept.seq - 1]?.hash)
    }
  })

  it('answers every moment exactly as the replay of every event from event 1 did', async () => {
    const moments = momentsOf(history, seeded(7))
    const answers: unknown[] = []
    for (const moment of moments) {
      const before = await previousAnswer(db.store, team, moment)
      answers.push(before)
      expect(await answer(db, team, moment), JSON.stringify(moment)).toEqual(before)
      // Without kept snapshots the replay starts at event 1 (and keeps them again).
      await dropKept(db, team)
      expect(await answer(db, team, moment), JSON.stringify(moment)).toEqual(before)
    }
    // Recorded instants give what the instance stored then.
    for (const then of history) {
      const past = await stateAt(db.store, ADMIN, team, { at: then.at })
      expect({ value: past.state, context: past.context }).toEqual(then.snapshot)
      expect(past.version).toBe(then.seq)
    }
    // Some of the days pull in events not yet in effect, and some leave later ones out.
    const days = answers.filter((a) => (a as { effectiveAt?: string }).effectiveAt)
    expect(days.some((a) => (a as { pulledIn: number[] }).pulledIn.some((s) => s > 1))).toBe(true)
    expect(days.some((a) => (a as { notYetEffective: number[] }).notYetEffective.length > 0)).toBe(
      true,
    )
  }, 600_000)

  it('fills in the kept snapshots of an older history as time travel passes them', async () => {
    await dropKept(db, team)
    await stateAt(db.store, ADMIN, team, { at: history[250 - 1]?.at as string })
    const filled = await listKeptSnapshots(db.store.db, team)
    expect(parsed(filled)).toEqual(parsed(written.filter((k) => k.seq <= 250)))

    // By date only as far as every earlier event is in effect: after a gap it is no recorded
    // state. A day with such a gap before a kept seq that is replayed past:
    let found: { day: string; unbroken: number } | undefined
    for (const moment of momentsOf(history, seeded(3))) {
      if (!('effectiveAt' in moment)) continue
      const then = await answer(db, team, moment)
      if (!then || typeof then !== 'object' || !('notYetEffective' in then)) continue
      const { notYetEffective, lastEvent } = then as {
        notYetEffective: number[]
        lastEvent: { seq: number }
      }
      const unbroken = (notYetEffective[0] ?? lastEvent.seq + 1) - 1
      if (written.some((k) => k.seq > unbroken && k.seq <= lastEvent.seq)) {
        found = { day: moment.effectiveAt, unbroken }
        break
      }
    }
    if (!found) throw new Error('no day with a gap before a kept seq: choose another walk')
    await dropKept(db, team)
    await stateAt(db.store, ADMIN, team, { effectiveAt: found.day })
    const byDate = await listKeptSnapshots(db.store.db, team)
    const unbroken = found.unbroken
    expect(parsed(byDate)).toEqual(parsed(written.filter((k) => k.seq <= unbroken)))
    await stateAt(db.store, ADMIN, team, { at: history[history.length - 1]?.at as string })
    expect(parsed(await listKeptSnapshots(db.store.db, team))).toEqual(parsed(written))
  })

  it('starts from a kept snapshot only while its event hash is the stored one', async () => {
    const at = (seq: number) => ({ at: history[seq - 1]?.at as string })
    const truth = [await answer(db, team, at(200)), await answer(db, team, at(250))]
    const both = async () => [await answer(db, team, at(200)), await answer(db, team, at(250))]
    // Kept at 200 but holding the state after event 100: used as it is, with its hash ...
    const wrong = written.find((k) => k.seq === 100)?.snapshot as string
    await setKept(db, team, 200, { snapshot: wrong })
    const used = await stateAt(db.store, ADMIN, team, at(200))
    expect({ value: used.state, context: used.context }).toEqual(history[99]?.snapshot)
    // ... and passed over with any other hash.
    await setKept(db, team, 200, { event_hash: 'f'.repeat(64) })
    expect(await both()).toEqual(truth)
    // One that does not fit its machine, or is no JSON at all, is passed over too.
    const hash = written.find((k) => k.seq === 200)?.event_hash as string
    for (const snapshot of ['{"value":"bestaat-niet","context":{}}', 'geen json']) {
      await setKept(db, team, 200, { snapshot, event_hash: hash })
      expect(await both()).toEqual(truth)
    }
    await dropKept(db, team)
  })
})

/** Kept rows with their snapshot parsed: JSON texts of equal snapshots may order keys apart. */
function parsed(rows: readonly KeptSnapshot[]) {
  return rows.map((k) => ({ ...k, snapshot: JSON.parse(k.snapshot) as unknown }))
}
