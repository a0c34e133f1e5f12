import type { StoredSnapshot } from '../../machines/types.ts'
import type { Scope } from '../access/policy.ts'

interface Member {
  personId: string
  role: string
}

function members(snapshot: StoredSnapshot): Member[] {
  const list = snapshot.context['members']
  return Array.isArray(list) ? (list as Member[]) : []
}

/** The people an instance concerns: a team's members, a transition's teacher. */
export function peopleOf(machineId: string, snapshot: StoredSnapshot): string[] {
  if (machineId === 'ontwikkelteam') return members(snapshot).map((m) => m.personId)
  const personId = snapshot.context['personId']
  return typeof personId === 'string' ? [personId] : []
}

/** The scope of an instance for the policy table. */
export function instanceScope(
  machineId: string,
  snapshot: StoredSnapshot,
  organisationIds: readonly string[],
): Scope {
  return {
    organisationIds,
    personIds: peopleOf(machineId, snapshot),
    coordinatorIds: members(snapshot)
      .filter((m) => m.role === 'coordinator')
      .map((m) => m.personId),
  }
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((x) => set.has(x))
}
