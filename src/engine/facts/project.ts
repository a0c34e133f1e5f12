import type { Db, Instance } from '../../../db/database.ts'
import { closePeriods, openPeriods, upsertFacts } from '../../../db/queries/facts.ts'
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

/** Moves the periods of an instance along one event: what it closes, what it opens. */
export async function projectPeriods(
  db: Db,
  instance: Pick<Instance, 'id' | 'machine_id'>,
  event: ProjectedEvent,
): Promise<void> {
  const day = dayOf(event)
  const before =
    event.seq === 1 ? [] : openParts(instance.machine_id, event.versionBefore, event.stateBefore)
  const after = openParts(instance.machine_id, event.versionAfter, event.stateAfter)
  await closePeriods(
    db,
    instance.id,
    before.filter((p) => !after.includes(p)),
    day,
  )
  await openPeriods(
    db,
    instance.id,
    after.filter((p) => !before.includes(p)),
    event.seq,
    day,
  )
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
  await projectPeriods(db, instance, event)
  const row = factsOfInstance(instance, {
    seq: event.seq,
    pilot: event.seq === 1 ? await pilotFactsOf(db, instance.pilot_id) : null,
    startedOn: dayOf(event),
    last: momentOf(event),
  })
  await upsertFacts(db, row, BOOKKEEPING_TYPES.includes(event.type))
}
