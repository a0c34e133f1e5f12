import { getOrganisations, listOrganisations } from '../../db/queries/organisations.ts'
import { getPeople } from '../../db/queries/people.ts'
import { getMachine } from '../../machines/index.ts'
import { authorize } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'
import { forbidden, notFound } from '../errors.ts'
import { organisationIdsOf } from './instance-organisations.ts'
import { permission } from './mandate.ts'
import { peopleWorkingAt } from './member-candidates.service.ts'
import { loadVisibleInstance } from './read-instances.ts'
import { instanceScope } from './scope.ts'
import { snapshotOf } from './snapshot.ts'
import type { Store } from './store.ts'

// People a team of version 2 names besides its members: the participants of its leergang, the
// evaluators and the person of Leraar in Amsterdam. Their names are read here, for whoever may
// read the team's members or may send the event that names them; every name read is logged.

/** Someone who works at one of a team's organisations. */
export interface TeamPerson {
  personId: string
  name: string
  organisationId: string
  organisationName: string
  functionTitle: string | null
}

interface Deelnemer {
  personId: string
  cycle: number
  status: string
}

async function teamInstance(store: Store, principal: Principal, instanceId: string) {
  const instance = await loadVisibleInstance(store, principal, instanceId)
  if (instance.machine_id !== 'ontwikkelteam') throw notFound('Team', instanceId)
  const snapshot = snapshotOf(instance)
  const organisationIds = await organisationIdsOf(store.db, instanceId, instance.version)
  return { instance, snapshot, organisationIds }
}

/**
 * The people who work at the team's organisations, for a caller who may send `type` on the team
 * (to choose whom to enrol, or who of Leraar in Amsterdam evaluated). For `deelnemer.inschrijven`
 * those who hold a place in this cycle are left out. For `evaluatie.vastleggen` the people of the
 * gemeente come first: Leraar in Amsterdam is the city's programme, outside the team.
 */
export async function teamPeopleFor(
  store: Store,
  principal: Principal,
  instanceId: string,
  type: 'deelnemer.inschrijven' | 'evaluatie.vastleggen',
  route: string,
): Promise<TeamPerson[]> {
  const { instance, snapshot, organisationIds } = await teamInstance(store, principal, instanceId)
  const def = getMachine(instance.machine_id, instance.machine_version)
  const on = def ? { instanceId, def, snapshot, organisationIds } : undefined
  if (!on || !Object.hasOwn(on.def.events, type) || !permission(principal, on, type).allowed) {
    throw forbidden('U mag bij dit team niemand kiezen voor deze stap.')
  }
  const context = snapshot.context as { cycle?: number; deelnemers?: Deelnemer[] }
  const placed = new Set(
    type === 'deelnemer.inschrijven'
      ? (context.deelnemers ?? [])
          .filter((d) => d.cycle === context.cycle && d.status !== 'teruggetrokken')
          .map((d) => d.personId)
      : [],
  )
  const city =
    type === 'evaluatie.vastleggen'
      ? (await listOrganisations(store.db, null, { limit: 2000 }))
          .filter((o) => o.kind === 'gemeente' && !organisationIds.includes(o.id))
          .map((o) => o.id)
      : []
  const where = [...city, ...organisationIds]
  const people = await peopleWorkingAt(store, principal, where, placed, route)
  const orgNames = new Map((await getOrganisations(store.db, where)).map((o) => [o.id, o.name]))
  const rank = (org: string) => (city.includes(org) ? 0 : 1)
  return people
    .map((p) => ({ ...p, organisationName: orgNames.get(p.organisationId) ?? '' }))
    .sort(
      (a, b) =>
        rank(a.organisationId) - rank(b.organisationId) || a.name.localeCompare(b.name, 'nl'),
    )
}

/** Every person id a team's context names outside its members. */
function namedIn(context: Record<string, unknown>): string[] {
  const ids = new Set<string>()
  for (const d of (context['deelnemers'] ?? []) as { personId: string }[]) ids.add(d.personId)
  const evaluaties = (context['evaluaties'] ?? []) as {
    evaluatorIds?: string[]
    leraarInAmsterdamPersonId?: string
  }[]
  for (const e of evaluaties) {
    for (const id of e.evaluatorIds ?? []) ids.add(id)
    if (e.leraarInAmsterdamPersonId) ids.add(e.leraarInAmsterdamPersonId)
  }
  return [...ids]
}

/**
 * The names of the participants, evaluators and Leraar in Amsterdam a team names, for whoever
 * may know the team's members (the same rule): they work on the team's leergang together.
 * An erased person has no name (absent from the map).
 */
export async function teamPeopleNames(
  store: Store,
  principal: Principal,
  instanceId: string,
  route: string,
): Promise<Map<string, string>> {
  const { instance, snapshot, organisationIds } = await teamInstance(store, principal, instanceId)
  const scope = instanceScope(instance.machine_id, snapshot, organisationIds)
  authorize(principal, 'team.members', scope, { what: 'Team', id: instanceId })
  const people = await getPeople(store.db, namedIn(snapshot.context))
  const named = people.filter((p) => p.name !== null && p.erased_at === null)
  await logPersonalDataRead(
    store,
    principal,
    named.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
    route,
  )
  return new Map(named.map((p) => [p.id, p.name ?? '']))
}
