import type { EventRow } from '../../db/database.ts'
import {
  firstRecordedAfter,
  listEventDates,
  seqsEffectiveAfter,
  seqsEffectiveBefore,
} from '../../db/queries/event-dates.ts'
import type { NewKeptSnapshot } from '../../db/queries/kept-snapshots.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import type { Store } from '../engine/store.ts'
import { ProblemError } from '../errors.ts'
import { effectiveDay } from './effective-date.ts'
import { amsterdamDayStart, dayAfter } from './effective-days.ts'
import { eventDates, eventRows, keepFound, keptStart, replayFrom } from './time-travel-replay.ts'
import type { Start } from './time-travel-replay.ts'

// The two kinds of moment. Both ask the database which events a moment applies, read in full only
// the events after the nearest kept snapshot, and replay those on top of it.

/** What a moment applies, and the state it gives. */
export interface Travel {
  /** How many events are applied. */
  applied: number
  /** The last event applied, in full. */
  last: EventRow
  snapshot: StoredSnapshot
  def: MachineDefinition | undefined
  notYetEffective: number[]
  pulledIn: number[]
  effectiveBeforeStart: number[]
}

/** The instance the moment is asked of: `machineId` undefined for the beheer chain. */
export interface Travelling {
  store: Store
  id: string
  machineId: string | undefined
  /** The events the instance had when it was read: later ones are no part of the answer. */
  version: number
}

function notYet(detail: string, first: string | undefined): ProblemError {
  return new ProblemError(404, 'not-yet', 'Not found at that moment', detail, {
    ...(first ? { first } : {}),
  })
}

/** Where a replay up to event `upTo` starts: the beheer chain's state is its last event's. */
function startFor(t: Travelling, atMost: number, upTo: number): Promise<Start> {
  if (t.machineId) return keptStart(t.store, t.machineId, t.id, atMost)
  return Promise.resolve({ seq: upTo - 1, replaying: undefined, gapless: false })
}

/** The applied events (of 1..upTo, less `left out`) that take effect before the instance began. */
async function beforeStart(t: Travelling, upTo: number, leftOut: ReadonlySet<number>) {
  const [first] = await listEventDates(t.store.db, t.id, { after: 0, limit: 1 })
  if (!first) return []
  const day = effectiveDay(first)
  const seqs = await seqsEffectiveBefore(t.store.db, t.id, upTo, {
    day,
    start: amsterdamDayStart(day),
  })
  return seqs.filter((seq) => !leftOut.has(seq))
}

/** `at`: the events recorded at or before that instant (the longest such prefix). */
export async function byRecordedTime(t: Travelling, at: string): Promise<Travel> {
  const stop = await firstRecordedAfter(t.store.db, t.id, at)
  const n = Math.min(stop === undefined ? t.version : stop - 1, t.version)
  if (n < 1) {
    const [first] = await listEventDates(t.store.db, t.id, { after: 0, limit: 1 })
    throw notYet(
      `Op ${at} bestond proces '${t.id}' nog niet: de eerste gebeurtenis is vastgelegd op ${first?.recorded_at ?? 'onbekend'}.`,
      first?.recorded_at,
    )
  }
  const start = await startFor(t, n, n)
  const rows = await eventRows(t.store, t.id, Math.max(0, start.seq - 1), n)
  const found = new Map<number, NewKeptSnapshot>()
  const result = await replayFrom(t.machineId, start, after(rows, start.seq), found)
  if ('failed' in result) throw result.error
  await keepFound(t.store, found)
  return {
    applied: n,
    last: rows[rows.length - 1] as EventRow,
    ...result,
    notYetEffective: [],
    pulledIn: [],
    effectiveBeforeStart: await beforeStart(t, n, new Set()),
  }
}

/**
 * `effectiveAt`: which events are in effect on `day`, and the state they give. Events apply in
 * recorded order; one not in effect yet is skipped, unless a later event that is in effect cannot
 * be applied without it (a back-dated role start needs the facilitering recorded before it): then
 * the nearest skipped event before the one that failed is applied too, until it applies. Those
 * are listed in `pulledIn`, as is the first event when an event in effect predates the instance.
 * The replay starts from the nearest kept snapshot all of whose events are in effect.
 */
export async function byEffectiveDate(t: Travelling, day: string): Promise<Travel> {
  const later = await seqsEffectiveAfter(t.store.db, t.id, t.version, {
    day,
    nextDayStart: amsterdamDayStart(dayAfter(day)),
  })
  const skipped = new Set(later)
  if (skipped.size >= t.version) {
    const first = (await eventDates(t.store, t.id)).map(effectiveDay).sort()[0]
    throw notYet(
      `Op ${day} was nog geen gebeurtenis van proces '${t.id}' van kracht: de vroegste ingangsdatum is ${first ?? 'onbekend'}.`,
      first,
    )
  }
  const pulledIn: number[] = []
  // An event presupposes its instance: one dated before the instance began brings it along.
  if (skipped.delete(1)) pulledIn.push(1)
  let lastSeq = t.version
  while (skipped.has(lastSeq)) lastSeq--
  const unbroken = (later.find((seq) => skipped.has(seq)) ?? lastSeq + 1) - 1
  const start = await startFor(t, unbroken, lastSeq)
  const rows = await eventRows(t.store, t.id, Math.max(0, start.seq - 1), lastSeq)
  const found = new Map<number, NewKeptSnapshot>()
  const trail: Start[] = []
  for (let from = start; ;) {
    const applying = after(rows, from.seq).filter((r) => !skipped.has(r.seq))
    const result = await replayFrom(t.machineId, from, applying, found, trail)
    if ('snapshot' in result) {
      await keepFound(t.store, found)
      const notYetEffective = later.filter((seq) => skipped.has(seq) && seq < lastSeq)
      return {
        applied: lastSeq - notYetEffective.length,
        last: rows[rows.length - 1] as EventRow,
        ...result,
        notYetEffective,
        pulledIn: pulledIn.sort((a, b) => a - b),
        effectiveBeforeStart: await beforeStart(t, lastSeq, skipped),
      }
    }
    // Every skipped event lies after `unbroken`, so after the start: its row was read.
    const nearest = later.filter((seq) => skipped.has(seq) && seq < result.failed.seq).pop()
    // With every earlier event applied it is the recorded history, which applied once.
    if (nearest === undefined) throw result.error
    skipped.delete(nearest)
    pulledIn.push(nearest)
    // What was applied before the pulled-in event stands: resume from there.
    while ((trail[trail.length - 1]?.seq ?? 0) > nearest) trail.pop()
    from = trail[trail.length - 1] ?? start
  }
}

function after(rows: readonly EventRow[], seq: number): EventRow[] {
  return rows.filter((r) => r.seq > seq)
}
