import { getMachine } from '../../machines/index.ts'
import type { Principal } from '../access/principal.ts'
import { loadVisibleInstance } from '../engine/read-instances.ts'
import type { Store } from '../engine/store.ts'
import { badRequest } from '../errors.ts'
import { isCalendarDay } from './effective-days.ts'
import { byEffectiveDate, byRecordedTime } from './time-travel-moments.ts'
import type { Travel } from './time-travel-moments.ts'

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

/**
 * The state, context, status and version of an instance at a moment, by replaying its history:
 * `at` counts the events recorded at or before that instant (the longest such prefix);
 * `effectiveAt` the events in effect on that date (see byEffectiveDate).
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
  const travelling = { store, id, machineId, version: instance.version }
  let travel: Travel
  if ('at' in moment) {
    travel = await byRecordedTime(travelling, new Date(moment.at).toISOString())
  } else if (isCalendarDay(moment.effectiveAt)) {
    travel = await byEffectiveDate(travelling, moment.effectiveAt)
  } else {
    throw badRequest(
      `${moment.effectiveAt} is geen bestaande datum: geef effectiveAt als JJJJ-MM-DD, bijvoorbeeld 2025-03-01.`,
      [{ path: 'effectiveAt', message: 'Geef een bestaande datum (JJJJ-MM-DD).' }],
    )
  }
  const { last, snapshot, def } = travel
  return {
    id,
    // The version in force at that moment, which a later migration does not change.
    machine: { id: instance.machine_id, version: def?.version ?? instance.machine_version },
    at: 'at' in moment ? new Date(moment.at).toISOString() : null,
    effectiveAt: 'effectiveAt' in moment ? moment.effectiveAt : null,
    state: snapshot.value,
    status: def ? def.statusOf(snapshot) : 'actief',
    context: snapshot.context,
    version: travel.applied,
    lastEvent: {
      seq: last.seq,
      type: last.type,
      recordedAt: last.recorded_at,
      effectiveDate: last.effective_date,
    },
    notYetEffective: travel.notYetEffective,
    pulledIn: travel.pulledIn,
    effectiveBeforeStart: travel.effectiveBeforeStart,
  }
}
