import { start } from '../../machines/index.ts'
import type { MachineDefinition } from '../../machines/types.ts'
import type { Appended, Writer } from './commit.ts'
import { newId } from './ids.ts'
import { peopleOf } from './scope.ts'

export interface CreateInstanceInput {
  title: string
  pilotId: string | null
  personId: string | null
  organisationIds: readonly string[]
  input: Record<string, unknown>
  /** The organisation the creator acts for (HR opening a transition at its organisation). */
  actingFor?: string | null
  /** The day the instance took effect, when it is recorded later; default: the day recorded. */
  effectiveDate?: string | null
}

/** For a service that starts instances: they took effect on an earlier day than recorded. */
export interface StartOptions {
  effectiveDate?: string | undefined
}

/**
 * Starts an instance of `def`. Its first event, `aangemaakt`, carries the machine input, so the
 * history alone replays to the snapshot.
 */
export async function createInstance(
  w: Writer,
  def: MachineDefinition,
  spec: CreateInstanceInput,
): Promise<Appended> {
  const snapshot = start(def, spec.input, w.now, spec.effectiveDate ?? null)
  return w.create(
    {
      id: newId('inst'),
      machineId: def.id,
      machineVersion: def.version,
      title: spec.title,
      pilotId: spec.pilotId,
      personId: spec.personId,
      organisationIds: spec.organisationIds,
    },
    {
      type: 'aangemaakt',
      payload: spec.input,
      reason: null,
      effectiveDate: spec.effectiveDate ?? null,
      stateAfter: snapshot.value,
      snapshot: JSON.stringify(snapshot),
      status: def.statusOf(snapshot),
      people: peopleOf(def.id, snapshot),
      actingFor: spec.actingFor ?? null,
    },
  )
}
