import { getPeople } from '../../db/queries/people.ts'
import { authorize } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'
import { notFound } from '../errors.ts'
import { organisationIdsOf } from './instance-organisations.ts'
import { loadVisibleInstance } from './read-instances.ts'
import { instanceScope } from './scope.ts'
import { snapshotOf } from './snapshot.ts'
import type { Store } from './store.ts'

export interface TeamMemberView {
  personId: string
  /** null once the person is erased. */
  name: string | null
  role: string
  organisationId: string
}

interface Member {
  personId: string
  role: string
  organisationId: string
}

/**
 * Who is in a team, by name: whoever may read the team may know its members (a team works
 * together). Every name resolved is written to the access log.
 */
export async function teamMembers(
  store: Store,
  principal: Principal,
  instanceId: string,
  route = 'unknown',
): Promise<TeamMemberView[]> {
  const instance = await loadVisibleInstance(store, principal, instanceId)
  if (instance.machine_id !== 'ontwikkelteam') throw notFound('Team', instanceId)
  const snapshot = snapshotOf(instance)
  const scope = instanceScope(
    instance.machine_id,
    snapshot,
    await organisationIdsOf(store.db, instanceId, instance.version),
  )
  authorize(principal, 'team.members', scope, { what: 'Team', id: instanceId })
  const members = (snapshot.context['members'] ?? []) as Member[]
  const people = new Map(
    (
      await getPeople(
        store.db,
        members.map((m) => m.personId),
      )
    ).map((p) => [p.id, p]),
  )
  await logPersonalDataRead(
    store,
    principal,
    [...people.values()].map((p) => ({ id: p.id, organisationId: p.organisation_id })),
    route,
  )
  return members.map((m) => ({
    personId: m.personId,
    name: people.get(m.personId)?.name ?? null,
    role: m.role,
    organisationId: m.organisationId,
  }))
}
