import type { DbHandle } from '../../db/create-db.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPeople } from '../../db/queries/people.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'

/** The actor of an event as the API shows it: the hashed ids, and the names behind them. */
export interface ActorView {
  tokenId: string
  role: string
  /** Format 2: the person the token was bound to; null for format 1 and service tokens. */
  personId: string | null
  /** Format 2: the organisation the act was done for, or null. */
  organisationId: string | null
  /** The person's name; null when there is no person or the person was erased. */
  name: string | null
  /** The person was erased: the history keeps the id, the name is gone ("persoon gewist"). */
  erased: boolean
  /** The name of the organisation acted for, or null. */
  organisationName: string | null
}

type Unnamed = Pick<ActorView, 'tokenId' | 'role' | 'personId' | 'organisationId'>

/**
 * Names the actors of one page of a history. Names live only in the people table; reading them
 * is a read of personal data, logged once per person per page (not per row).
 */
export async function nameActors<T extends { actor: Unnamed }>(
  store: DbHandle,
  principal: Principal,
  events: readonly T[],
  route: string,
): Promise<(Omit<T, 'actor'> & { actor: ActorView })[]> {
  const personIds = [
    ...new Set(events.flatMap((e) => (e.actor.personId ? [e.actor.personId] : []))),
  ]
  const orgIds = [
    ...new Set(events.flatMap((e) => (e.actor.organisationId ? [e.actor.organisationId] : []))),
  ]
  const [people, organisations] = await Promise.all([
    getPeople(store.db, personIds),
    getOrganisations(store.db, orgIds),
  ])
  const personById = new Map(people.map((p) => [p.id, p]))
  const orgName = new Map(organisations.map((o) => [o.id, o.name]))
  const named = people.filter((p) => p.erased_at === null)
  if (named.length > 0) {
    await logPersonalDataRead(
      store,
      principal,
      named.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
      route,
    )
  }
  return events.map((e) => {
    const person = e.actor.personId ? personById.get(e.actor.personId) : undefined
    return {
      ...e,
      actor: {
        tokenId: e.actor.tokenId,
        role: e.actor.role,
        personId: e.actor.personId,
        organisationId: e.actor.organisationId,
        name: person && person.erased_at === null ? person.name : null,
        erased: person !== undefined && person.erased_at !== null,
        organisationName: e.actor.organisationId
          ? (orgName.get(e.actor.organisationId) ?? null)
          : null,
      },
    }
  })
}
