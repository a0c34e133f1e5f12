import { getMachine } from '../../machines/index.ts'
import type { InstanceParties, StoredSnapshot } from '../../machines/types.ts'
import type { Scope } from '../access/policy.ts'

const NOBODY: InstanceParties = { people: [], coordinators: [], handledBy: [] }

/** Who an instance concerns, as its machine declares it (nobody for an unknown machine). */
export function partiesOf(machineId: string, snapshot: StoredSnapshot): InstanceParties {
  return getMachine(machineId)?.parties(snapshot.context) ?? NOBODY
}

/** The people an instance concerns: a team's members, a transition's teacher. */
export function peopleOf(machineId: string, snapshot: StoredSnapshot): string[] {
  return partiesOf(machineId, snapshot).people
}

/** The scope of an instance for reading it: every organisation it belongs to. */
export function instanceScope(
  machineId: string,
  snapshot: StoredSnapshot,
  organisationIds: readonly string[],
): Scope {
  const parties = partiesOf(machineId, snapshot)
  return { organisationIds, personIds: parties.people, coordinatorIds: parties.coordinators }
}

/** The scope of an instance for acting on it: only the organisations whose HR handles it. */
export function handlingScope(
  machineId: string,
  snapshot: StoredSnapshot,
  organisationIds: readonly string[],
): Scope {
  const parties = partiesOf(machineId, snapshot)
  return {
    organisationIds: parties.handledBy ?? organisationIds,
    personIds: parties.people,
    coordinatorIds: parties.coordinators,
  }
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((x) => set.has(x))
}
