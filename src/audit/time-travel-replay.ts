import type { EventRow } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { listEventDates } from '../../db/queries/event-dates.ts'
import type { EventDates } from '../../db/queries/event-dates.ts'
import {
  KEEP_EVERY,
  insertKeptSnapshots,
  isKeptSeq,
  latestKeptSnapshot,
} from '../../db/queries/kept-snapshots.ts'
import type { NewKeptSnapshot } from '../../db/queries/kept-snapshots.ts'
import {
  EventNotPossibleError,
  InvalidSnapshotError,
  getMachine,
  restore,
  snapshotJson,
} from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { replayStep } from '../engine/replay.ts'
import type { Replaying } from '../engine/replay.ts'
import type { Store } from '../engine/store.ts'
import { Slices } from '../workers/slices.ts'

// Time travel replays from the nearest kept snapshot (one every KEEP_EVERY events) instead of from
// event 1, and reads the full rows only of the events it replays. Kept snapshots are a cache of
// the history: each counts only while the event it was taken after still has the hash it names.

const BATCH = 1000

/**
 * Rows in seq order after `from.after` (and at most up to seq `from.upTo`), page by page. Between
 * pages other requests are served.
 */
async function paged<T extends { seq: number }>(
  page: (after: number, limit: number) => Promise<T[]>,
  from: { after: number; upTo?: number },
): Promise<T[]> {
  const rows: T[] = []
  const slices = new Slices()
  for (let after = from.after; ;) {
    const limit = from.upTo === undefined ? BATCH : Math.min(BATCH, from.upTo - after)
    if (limit <= 0) return rows
    await slices.pause()
    const got = await page(after, limit)
    rows.push(...got)
    const last = got[got.length - 1]
    if (!last || got.length < limit) return rows
    after = last.seq
  }
}

/** The dates of all an instance's events, oldest first. */
export function eventDates(store: Store, id: string): Promise<EventDates[]> {
  return paged((after, limit) => listEventDates(store.db, id, { after, limit }), { after: 0 })
}

/** The full rows of the events with after < seq ≤ upTo. */
export function eventRows(
  store: Store,
  id: string,
  after: number,
  upTo: number,
): Promise<EventRow[]> {
  return paged((from, limit) => listEvents(store.db, id, { after: from, limit }), { after, upTo })
}

/** Where a replay starts: after event `seq`, with `replaying` (undefined: from nothing). */
export interface Start {
  seq: number
  replaying: Replaying | undefined
  /** Every event 1..seq is applied: the state is one the history recorded. */
  gapless: boolean
}

const FROM_NOTHING: Start = { seq: 0, replaying: undefined, gapless: true }

/**
 * Kept snapshots restored lately, by instance and seq, with the exact JSON text and version they
 * were restored from: time travel through one instance's history restores the same few again and
 * again. A hit is what restoring the row would give, since it is reused only while the row holds
 * that text; snapshots are never mutated, so one can start many replays.
 */
const restored = new Map<string, { json: string; version: number; start: Start }>()
let restoredChars = 0
const MAX_RESTORED_CHARS = 4 * 1024 * 1024

function remember(key: string, json: string, version: number, start: Start): void {
  const known = restored.get(key)
  if (known) restoredChars -= known.json.length
  restored.delete(key)
  if (json.length > MAX_RESTORED_CHARS / 8) return
  restored.set(key, { json, version, start })
  restoredChars += json.length
  // A Map iterates in insertion order: the one restored longest ago goes first.
  for (const [oldest, entry] of restored) {
    if (restoredChars <= MAX_RESTORED_CHARS) break
    restored.delete(oldest)
    restoredChars -= entry.json.length
  }
}

/**
 * The nearest kept snapshot at or before event `atMost`, restored under the machine version it
 * was kept under (which a later migration does not change). A stored snapshot is untrusted input:
 * one of an unknown version or that does not fit its machine is passed over, and the replay
 * starts from event 1.
 */
export async function keptStart(
  store: Store,
  machineId: string,
  id: string,
  atMost: number,
): Promise<Start> {
  if (atMost < KEEP_EVERY) return FROM_NOTHING
  const kept = await latestKeptSnapshot(store.db, id, atMost)
  const def = kept ? getMachine(machineId, kept.machine_version) : undefined
  if (!kept || !def) return FROM_NOTHING
  const key = `${id}\u0000${kept.seq}`
  const known = restored.get(key)
  if (known && known.json === kept.snapshot && known.version === def.version) return known.start
  try {
    const snapshot = JSON.parse(kept.snapshot) as StoredSnapshot
    // Checked and resolved once here; replaying on top of it reuses what restore worked out.
    restore(def, snapshot)
    const start = { seq: kept.seq, replaying: { def, snapshot }, gapless: true }
    remember(key, kept.snapshot, def.version, start)
    return start
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof InvalidSnapshotError) return FROM_NOTHING
    throw error
  }
}

export type Replayed =
  | { snapshot: StoredSnapshot; def: MachineDefinition | undefined }
  | { failed: EventRow; error: EventNotPossibleError }

/**
 * Replays `rows` (in seq order, all after `start.seq`; without a start the first must be
 * `aangemaakt`) on top of `start`, or says which one did not apply. Each event is applied under
 * the machine version it was recorded under; a `definitie.gemigreerd` moves the snapshot to the
 * next version. `machineId` undefined: the beheer chain, whose state is what its last event says.
 * While no event is left out, the snapshot after every KEEP_EVERY-th is put in `found`, to be
 * kept (a history written before snapshots were kept). `trail` gets where the replay stood after
 * each event, to resume from.
 */
export async function replayFrom(
  machineId: string | undefined,
  start: Start,
  rows: readonly EventRow[],
  found: Map<number, NewKeptSnapshot>,
  trail?: Start[],
): Promise<Replayed> {
  let current = start.replaying
  let snapshot = current?.snapshot
  let gapless = start.gapless
  let previous = start.seq
  const slices = new Slices()
  for (const row of rows) {
    if (slices.due) await slices.pause()
    if (!machineId) {
      snapshot = { value: JSON.parse(row.state_after) as StoredSnapshot['value'], context: {} }
      continue
    }
    try {
      current = replayStep(machineId, current, row)
    } catch (error) {
      if (error instanceof EventNotPossibleError) return { failed: row, error }
      throw error
    }
    snapshot = current.snapshot
    gapless &&= row.seq === previous + 1
    previous = row.seq
    trail?.push({ seq: row.seq, replaying: current, gapless })
    if (gapless && isKeptSeq(row.seq) && !found.has(row.seq)) {
      found.set(row.seq, {
        instance_id: row.instance_id,
        seq: row.seq,
        machine_version: current.def.version,
        snapshot: snapshotJson(current.snapshot),
        event_hash: row.hash,
      })
    }
  }
  if (!snapshot) throw new Error('nothing to replay')
  return { snapshot, def: current?.def }
}

/**
 * Keeps what a replay found. A cache that cannot be written (a read-only database, a lock held
 * too long) only makes the next time travel as slow as this one, so its failure fails no answer.
 */
export async function keepFound(store: Store, found: Map<number, NewKeptSnapshot>): Promise<void> {
  try {
    await insertKeptSnapshots(store.db, [...found.values()])
  } catch {
    // Nothing lost: the history holds everything a kept snapshot holds.
  }
}
