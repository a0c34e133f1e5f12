import type { Store } from '../engine/store.ts'
import { ruleFor } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { listVisibleOrganisations } from '../engine/organisations.service.ts'
import type { OrganisationView } from '../engine/organisations.service.ts'
import { listVisiblePeople, readPerson } from '../engine/people.service.ts'
import type { PersonView } from '../engine/people.service.ts'
import { teamMembers } from '../engine/team-members.service.ts'
import { listAllTokens } from '../engine/tokens.service.ts'
import { ProblemError } from '../errors.ts'
import { idsUnder } from './views/names.ts'

/**
 * Names for ids, as far as the caller may read them (the same services and policy as the API). A
 * name the caller may not read stays unknown; pages then show what they do know (role,
 * organisation) instead of a name.
 */
export class Directory {
  private organisationList: Promise<OrganisationView[]> | undefined
  private readonly people = new Map<string, Promise<PersonView | undefined>>()

  constructor(
    private readonly store: Store,
    private readonly principal: Principal,
  ) {}

  /** The organisations the caller may read (none for roles without organisation.read). */
  organisations(): Promise<OrganisationView[]> {
    this.organisationList ??= (async () => {
      if (!ruleFor(this.principal.role, 'organisation.read')) return []
      const all: OrganisationView[] = []
      let after: string | undefined
      for (;;) {
        const page = await listVisibleOrganisations(this.store, this.principal, {
          limit: 500,
          after,
        })
        all.push(...page.items)
        if (!page.next) return all
        after = page.next
      }
    })()
    return this.organisationList
  }

  async organisationNames(): Promise<Map<string, string>> {
    return new Map((await this.organisations()).map((o) => [o.id, o.name]))
  }

  person(id: string): Promise<PersonView | undefined> {
    let found = this.people.get(id)
    if (!found) {
      found = readPerson(this.store, this.principal, id, 'ui').catch((error: unknown) => {
        if (error instanceof ProblemError) return undefined
        throw error
      })
      this.people.set(id, found)
    }
    return found
  }

  /** Names of these people, where the caller may read them. */
  async personNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>()
    for (const id of new Set(ids)) {
      const person = await this.person(id)
      if (person?.name) names.set(id, person.name)
    }
    return names
  }

  /** Token names by id, for roles that may read tokens (admin); others see ids. */
  async tokenNames(): Promise<Map<string, string>> {
    if (!ruleFor(this.principal.role, 'token.read')) return new Map()
    return new Map((await listAllTokens(this.store, this.principal)).map((t) => [t.id, t.name]))
  }

  /**
   * Names of everyone a process names (its context and its events' payloads), where readable;
   * names in `known` are kept and not read (nor access-logged) again.
   */
  async namesIn(
    context: unknown,
    events: readonly { payload: unknown }[],
    known: ReadonlyMap<string, string> = new Map(),
  ): Promise<Map<string, string>> {
    const keys = ['personId', 'agreedByPersonId']
    const ids = [...idsUnder([context, events.map((e) => e.payload)], keys)]
    const read = await this.personNames(ids.filter((id) => !known.has(id)))
    return new Map([...known, ...read])
  }

  /** The names of a team's members, for everyone who may read the team (members included). */
  async teamMemberNames(instanceId: string): Promise<Map<string, string>> {
    try {
      const members = await teamMembers(this.store, this.principal, instanceId, 'ui team')
      return new Map(members.flatMap((m) => (m.name ? [[m.personId, m.name] as const] : [])))
    } catch (error) {
      if (error instanceof ProblemError) return new Map()
      throw error
    }
  }

  /** The people who work at one organisation, as far as the caller may read them (≤ 500). */
  async peopleAt(organisationId: string): Promise<PersonView[]> {
    if (!ruleFor(this.principal.role, 'person.read')) return []
    const query = { organisationId, limit: 500 }
    return (await listVisiblePeople(this.store, this.principal, query, 'ui')).items
  }

  /** Every person the caller may read (admin: all; hr: its organisations; others: themself). */
  async everyone(): Promise<PersonView[]> {
    if (!ruleFor(this.principal.role, 'person.read')) return []
    const all: PersonView[] = []
    let after: string | undefined
    for (;;) {
      const page = await listVisiblePeople(this.store, this.principal, { limit: 500, after }, 'ui')
      all.push(...page.items)
      if (!page.next) return all
      after = page.next
    }
  }
}
