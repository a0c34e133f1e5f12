import type { EventRow } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { EventNotPossibleError, getMachine } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import type { Principal } from '../access/principal.ts'
import { loadVisibleInstance } from '../engine/read-instances.ts'
import { replayStep } from '../engine/replay.ts'
import type { Replaying } from '../engine/replay.ts'
import type { Store } from '../engine/store.ts'
import { ProblemError } from '../errors.ts'
import { Slices } from '../workers/slices.ts'
import { effectiveDay } from './effective-date.ts'

/** The moment asked for: a recorded instant, or a date on which events take effect. */
export type Moment = { at: string } | { effectiveAt: string }

export interface StateAt {
  id: string
  machine: { id: string; version: number }
  at: string | null
  effectiveAt: string | null
  state: unknown
  status: string
  context: Record<string, unknown>
  /** Events applied. */
  version: number
  lastEvent: { seq: number; type: string; recordedAt: string; effectiveDate: string | null }
  /** effectiveAt: recorded before the last applied event, but not in effect yet on that date. */
  notYetEffective: number[]
  /**
   * effectiveAt: not in effect yet, yet applied because a back-dated event needs them; the first
   * event (seq 1) when an applied event takes effect before the instance began.
   */
  pulledIn: number[]
  /**
   * Applied events whose ingangsdatum lies before the day the instance began (the effective day
   * of its first event). Such dates are refused now; events stored before that are listed here.
   */
  effectiveBeforeStart: number[]
}

const BATCH = 1000

async function history(
  store: Store,
  id: string,
  until?: (row: EventRow) => boolean,
): Promise<EventRow[]> {
  const rows: EventRow[] = []
  const slices = new Slices()
  for (let after = 0; ;) {
    await slices.pause()
    const page = await listEvents(store.db, id, { after, limit: BATCH })
    for (const row of page) {
      if (until?.(row)) return rows
      rows.push(row)
    }
    const last = page[page.length - 1]
    if (!last || page.length < BATCH) return rows
    after = last.seq
  }
}

function notYet(detail: string, first: string | undefined): ProblemError {
  return new ProblemError(404, 'not-yet', 'Not found at that moment', detail, {
    ...(first ? { first } : {}),
  })
}

type Replayed =
  | { snapshot: StoredSnapshot; def: MachineDefinition | undefined }
  | { failed: EventRow; error: EventNotPossibleError }

/**
 * Replays `rows` (in seq order; the first must be `aangemaakt`), or says which one did not apply.
 * Each event is applied under the machine version it was recorded under; a
 * `definitie.gemigreerd` moves the snapshot to the next version. A long history is replayed in
 * slices, so that other requests are served meanwhile. `machineId` undefined: the beheer chain,
 * which has no machine.
 */
async function replayRows(
  machineId: string | undefined,
  rows: readonly EventRow[],
): Promise<Replayed> {
  let current: Replaying | undefined
  let snapshot: StoredSnapshot | undefined
  const slices = new Slices()
  for (const row of rows) {
    if (slices.due) await slices.pause()
    if (!machineId) {
      // The beheer chain has no machine: its state is what its events say.
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
  }
  if (!snapshot) throw new Error('nothing to replay')
  return { snapshot, def: current?.def }
}

/**
 * Which events are in effect on `day`, and the state they give. Events apply in recorded order;
 * one not in effect yet is skipped, unless a later event that is in effect cannot be applied
 * without it (a back-dated role start needs the facilitering recorded before it): then the
 * nearest skipped event before the one that failed is applied too, until it applies. Those are
 * listed in `pulledIn`, as is the first event when an event in effect predates the instance.
 */
async function effectiveReplay(
  machineId: string | undefined,
  rows: readonly EventRow[],
  day: string,
) {
  const included = new Set(rows.filter((r) => effectiveDay(r) <= day).map((r) => r.seq))
  if (included.size === 0) return undefined
  const pulledIn: number[] = []
  // An event presupposes its instance: one dated before the instance began brings it along.
  if (!included.has(1)) {
    included.add(1)
    pulledIn.push(1)
  }
  for (;;) {
    const applied = rows.filter((r) => included.has(r.seq))
    const result = await replayRows(machineId, applied)
    if ('snapshot' in result) {
      const sorted = pulledIn.sort((a, b) => a - b)
      return { applied, snapshot: result.snapshot, def: result.def, pulledIn: sorted }
    }
    const skipped = rows.filter((r) => r.seq < result.failed.seq && !included.has(r.seq))
    const nearest = skipped[skipped.length - 1]
    // With every earlier event applied it is the recorded history, which applied once.
    if (!nearest) throw result.error
    included.add(nearest.seq)
    pulledIn.push(nearest.seq)
  }
}

/** The recorded history replays; a failure means the machine changed under it. */
async function replayAll(
  machineId: string | undefined,
  rows: readonly EventRow[],
): Promise<{ snapshot: StoredSnapshot; def: MachineDefinition | undefined }> {
  const result = await replayRows(machineId, rows)
  if ('failed' in result) throw result.error
  return result
}

/**
 * The state, context, status and version of an instance at a moment, by replaying its history:
 * `at` counts the events recorded at or before that instant (the longest such prefix);
 * `effectiveAt` the events in effect on that date (see effectiveReplay).
 */
export async function stateAt(
  store: Store,
  principal: Principal,
  id: string,
  moment: Moment,
): Promise<StateAt> {
  const instance = await loadVisibleInstance(store, principal, id)
  // The beheer chain has no machine of its own.
  const machineId = getMachine(instance.machine_id) ? instance.machine_id : undefined
  let applied: EventRow[]
  let pulledIn: number[] = []
  let snapshot: StoredSnapshot
  let def: MachineDefinition | undefined
  if ('at' in moment) {
    const at = new Date(moment.at).toISOString()
    applied = await history(store, id, (row) => row.recorded_at > at)
    if (applied.length === 0) {
      const [first] = await listEvents(store.db, id, { after: 0, limit: 1 })
      throw notYet(
        `Op ${at} bestond proces '${id}' nog niet: de eerste gebeurtenis is vastgelegd op ${first?.recorded_at ?? 'onbekend'}.`,
        first?.recorded_at,
      )
    }
    ;({ snapshot, def } = await replayAll(machineId, applied))
  } else {
    const rows = await history(store, id)
    const result = await effectiveReplay(machineId, rows, moment.effectiveAt)
    if (!result) {
      const first = rows.map(effectiveDay).sort()[0]
      throw notYet(
        `Op ${moment.effectiveAt} was nog geen gebeurtenis van proces '${id}' van kracht: de vroegste ingangsdatum is ${first ?? 'onbekend'}.`,
        first,
      )
    }
    ;({ applied, snapshot, pulledIn, def } = result)
  }
  const last = applied[applied.length - 1] as EventRow
  const appliedSeqs = new Set(applied.map((r) => r.seq))
  const start = effectiveDay(applied[0] as EventRow)
  return {
    id,
    // The version in force at that moment, which a later migration does not change.
    machine: { id: instance.machine_id, version: def?.version ?? instance.machine_version },
    at: 'at' in moment ? new Date(moment.at).toISOString() : null,
    effectiveAt: 'effectiveAt' in moment ? moment.effectiveAt : null,
    state: snapshot.value,
    status: def ? def.statusOf(snapshot) : 'actief',
    context: snapshot.context,
    version: applied.length,
    lastEvent: {
      seq: last.seq,
      type: last.type,
      recordedAt: last.recorded_at,
      effectiveDate: last.effective_date,
    },
    notYetEffective:
      'effectiveAt' in moment
        ? Array.from({ length: last.seq }, (_, i) => i + 1).filter((s) => !appliedSeqs.has(s))
        : [],
    pulledIn,
    effectiveBeforeStart: applied.filter((r) => effectiveDay(r) < start).map((r) => r.seq),
  }
}
