import type { Db, Instance } from '../../../db/database.ts'
import {
  closePeriods,
  openPeriods,
  reachOf,
  setFactsReach,
  upsertFacts,
} from '../../../db/queries/facts.ts'
import { moveOpenCounts } from '../../../db/queries/fact-counts.ts'
import { getInstanceOrganisationIds } from '../../../db/queries/instances.ts'
import { getPilot } from '../../../db/queries/pilots.ts'
import { amsterdamDate } from '../../audit/effective-date.ts'
import { machines } from '../../../machines/index.ts'
import { BOOKKEEPING_TYPES, momentOf } from '../effective-moment.ts'
import { factsOfInstance, type PilotFacts } from './instance-facts.ts'
import { openParts } from './open-parts.ts'

/** The processes that have facts: not the beheer stream. */
export const FACT_MACHINES: readonly string[] = Object.keys(machines)
export const hasFacts = (machineId: string) => FACT_MACHINES.includes(machineId)

/** One event as the projection needs it. */
export interface ProjectedEvent {
  seq: number
  type: string
  effectiveDate: string | null
  recordedAt: string
  stateBefore: unknown
  /** The machine version the instance ran before the event (a migration changes it). */
  versionBefore: number
  stateAfter: unknown
  versionAfter: number
}

/** The day an event counts from: its ingangsdatum, else the Amsterdam day it was recorded. */
export const dayOf = (event: { effectiveDate: string | null; recordedAt: string }) =>
  event.effectiveDate ?? amsterdamDate(event.recordedAt)

export async function pilotFactsOf(db: Db, pilotId: string | null): Promise<PilotFacts | null> {
  if (!pilotId) return null
  const pilot = await getPilot(db, pilotId)
  if (!pilot) return null
  return {
    scenario: pilot.scenario,
    organisationForm: pilot.organisation_form,
    leadOrganisationId: pilot.lead_organisation_id,
  }
}

/** The reach of an instance as its organisations now stand (see reachOf). */
export async function instanceReach(db: Db, instanceId: string): Promise<string> {
  return reachOf(await getInstanceOrganisationIds(db, instanceId))
}

/** After an event changed an instance's organisations: its facts follow, in that transaction. */
export async function followReach(db: Db, instanceId: string): Promise<void> {
  await setFactsReach(db, instanceId, await instanceReach(db, instanceId))
}

/** Moves the periods of an instance along one event: what it closes, what it opens. */
export async function projectPeriods(
  db: Db,
  instance: Pick<Instance, 'id' | 'machine_id'> & { reach: string; startedOn: string | null },
  event: ProjectedEvent,
): Promise<void> {
  const day = dayOf(event)
  const before =
    event.seq === 1 ? [] : openParts(instance.machine_id, event.versionBefore, event.stateBefore)
  const after = openParts(instance.machine_id, event.versionAfter, event.stateAfter)
  const closed = await closePeriods(
    db,
    instance.id,
    before.filter((p) => !after.includes(p)),
    day,
  )
  const opened = after.filter((p) => !before.includes(p))
  await openPeriods(db, instance, opened, event.seq, day)
  await moveOpenCounts(db, [
    ...closed.map((part) => ({ part, reach: instance.reach, delta: -1 })),
    ...opened.map((part) => ({ part, reach: instance.reach, delta: 1 })),
  ])
}

/**
 * Keeps the facts and periods of `instance` (its new head) in step with one appended event, in
 * the event's transaction.
 */
export async function projectEvent(
  db: Db,
  instance: Instance,
  event: ProjectedEvent,
): Promise<void> {
  if (!hasFacts(instance.machine_id)) return
  const reach = await instanceReach(db, instance.id)
  // Its periods so far move with it first, should its organisations have changed unseen.
  const key = await setFactsReach(db, instance.id, reach)
  const startedOn = event.seq === 1 ? dayOf(event) : null
  await projectPeriods(db, { ...instance, reach, startedOn }, event)
  const row = factsOfInstance(instance, {
    reach,
    seq: event.seq,
    pilot: event.seq === 1 ? await pilotFactsOf(db, instance.pilot_id) : null,
    startedOn: dayOf(event),
    last: momentOf(event),
  })
  await upsertFacts(db, row, BOOKKEEPING_TYPES.includes(event.type), key)
}
