import type { DbHandle } from '../../db/create-db.ts'
import { affiliationsOf } from '../../db/queries/affiliations.ts'
import { listPeople } from '../../db/queries/people.ts'
import { getMachine } from '../../machines/index.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'
import { forbidden } from '../errors.ts'
import { organisationIdsOf } from './instance-organisations.ts'
import { permission } from './mandate.ts'
import { loadVisibleInstance } from './read-instances.ts'
import { snapshotOf } from './snapshot.ts'

/** Someone who could join a team: a person who works at one of its organisations. */
export interface Candidate {
  personId: string
  name: string
  organisationId: string
  functionTitle: string | null
}

/**
 * The people who may be added to a team (`lid.toevoegen`), for whoever may add them: everyone who
 * works at an organisation of the team and is not in it yet, once per organisation they work at
 * there. A coordinator cannot otherwise read these names; each listed person is access-logged.
 */
export async function memberCandidates(
  store: DbHandle,
  principal: Principal,
  instanceId: string,
  route: string,
): Promise<Candidate[]> {
  const instance = await loadVisibleInstance(store, principal, instanceId)
  const def = getMachine(instance.machine_id, instance.machine_version)
  const snapshot = snapshotOf(instance)
  const organisationIds = await organisationIdsOf(store.db, instanceId, instance.version)
  const on = def ? { instanceId, def, snapshot, organisationIds } : undefined
  if (!on || !permission(principal, on, 'lid.toevoegen').allowed) {
    throw forbidden('U mag aan dit proces geen leden toevoegen.')
  }
  const inTeam = new Set(on.def.parties(snapshot.context).people)
  const candidates = await peopleWorkingAt(store, principal, organisationIds, inTeam, route)
  return candidates.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
}

/**
 * Everyone who works at one of `organisationIds` (once per such organisation), but the people
 * left out and the erased; each person listed is access-logged under `route`.
 */
export async function peopleWorkingAt(
  store: DbHandle,
  principal: Principal,
  organisationIds: readonly string[],
  leaveOut: ReadonlySet<string>,
  route: string,
): Promise<Candidate[]> {
  const people = (
    await listPeople(store.db, { organisationIds, personId: null }, { limit: 2000 })
  ).filter((p) => p.erased_at === null && p.name !== null && !leaveOut.has(p.id))
  const affiliations = await affiliationsOf(
    store.db,
    people.map((p) => p.id),
  )
  await logPersonalDataRead(
    store,
    principal,
    people.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
    route,
  )
  const byId = new Map(people.map((p) => [p.id, p]))
  return affiliations
    .filter((a) => organisationIds.includes(a.organisation_id) && byId.has(a.person_id))
    .map((a) => ({
      personId: a.person_id,
      name: byId.get(a.person_id)?.name ?? '',
      organisationId: a.organisation_id,
      functionTitle: a.function_title,
    }))
}
