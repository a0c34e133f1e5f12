import { memberCandidates } from '../../engine/member-candidates.service.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import { teamPeopleFor, teamPeopleNames } from '../../engine/team-people.service.ts'
import type { TeamPerson } from '../../engine/team-people.service.ts'
import { ProblemError } from '../../errors.ts'
import type { Directory } from '../directory.ts'
import type { UiDeps, Who } from '../env.ts'
import type { KnownChoices, Option } from '../forms/fields.ts'
import { valueLabel } from '../labels.ts'

// The choices a team's forms offer, so nobody types an id: organisations by name, members,
// participants and the people who work at the team's organisations.

interface TeamContext {
  organisations?: { id: string; name: string }[]
  organisationIds?: string[]
  members?: { personId: string; role: string }[]
  leadOrganisationId?: string | null
  cycle?: number
  deelnemers?: { personId: string; organisationId: string; cycle: number; status: string }[]
}

type Someone = Omit<TeamPerson, 'organisationName'> & { organisationName?: string }

/** "Name — Organisation (function)", one option per person. */
function personOptions(people: Someone[], orgNames: Map<string, string>): Option[] {
  const byPerson = new Map<string, string[]>()
  for (const p of people) {
    const org = orgNames.get(p.organisationId) ?? p.organisationName ?? ''
    const where = `${org}${p.functionTitle ? ` (${p.functionTitle})` : ''}`
    byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? [p.name]), where])
  }
  return [...byPerson].map(([value, [name, ...where]]) => ({
    value,
    label: `${name ?? value} — ${where.join(', ')}`,
  }))
}

type PeopleType = 'deelnemer.inschrijven' | 'evaluatie.vastleggen'

/**
 * The people a team page names beyond its members, read once per request (each read is
 * access-logged): participants, evaluators and Leraar in Amsterdam by name, and whom the caller
 * may choose in a form. What the caller may not read stays out.
 */
export class TeamPeople {
  private names: Promise<Map<string, string>> | undefined
  private readonly choosable = new Map<PeopleType, Promise<TeamPerson[]>>()

  constructor(
    private readonly deps: UiDeps,
    private readonly who: Who,
    readonly directory: Directory,
  ) {}

  /** Names of the team's participants, evaluators and Leraar in Amsterdam. */
  namesOf(teamId: string): Promise<Map<string, string>> {
    this.names ??= teamPeopleNames(this.deps.store, this.who.principal, teamId, 'UI team').catch(
      (error: unknown) => {
        if (error instanceof ProblemError) return new Map<string, string>()
        throw error
      },
    )
    return this.names
  }

  /** The people the caller may choose for `type`, or none when the caller may not send it. */
  choosableFor(view: CallerInstanceView, type: PeopleType): Promise<TeamPerson[]> {
    if (!view.allowed.some((a) => a.type === type)) return Promise.resolve([])
    let found = this.choosable.get(type)
    if (!found) {
      found = teamPeopleFor(this.deps.store, this.who.principal, view.id, type, `UI ${type}`).catch(
        (error: unknown) => {
          if (error instanceof ProblemError) return []
          throw error
        },
      )
      this.choosable.set(type, found)
    }
    return found
  }
}

/** The choices for the events only version 2 has, or that name people it adds. */
async function v2Known(
  people: TeamPeople,
  view: CallerInstanceView,
  type: string,
  organisations: Option[],
): Promise<KnownChoices | undefined> {
  const context = view.context as TeamContext
  const orgNames = new Map((context.organisations ?? []).map((o) => [o.id, o.name]))
  const others = organisations.filter((o) => o.value !== context.leadOrganisationId)
  if (type === 'deelnemer.inschrijven') {
    const personId = personOptions(await people.choosableFor(view, type), orgNames)
    return { organisationId: organisations, personId }
  }
  if (type === 'deelnemer.terugtrekken' || type === 'deelnemer.afronden') {
    const names = await people.namesOf(view.id)
    const enrolled = (context.deelnemers ?? []).filter(
      (d) => d.cycle === context.cycle && d.status === 'ingeschreven',
    )
    const personId = enrolled.map((d) => ({
      value: d.personId,
      label: `${names.get(d.personId) ?? 'Deelnemer (naam afgeschermd)'} — ${orgNames.get(d.organisationId) ?? ''}`,
    }))
    return { personId }
  }
  if (type === 'evaluatie.vastleggen') {
    const members = await people.directory.teamMemberNames(view.id)
    const evaluatorIds = (context.members ?? []).map((m) => ({
      value: m.personId,
      label: `${members.get(m.personId) ?? 'Teamlid (naam afgeschermd)'} (${valueLabel(m.role)})`,
    }))
    // Leraar in Amsterdam evaluates with the team: someone the caller can name, at one of the
    // team's organisations or (for beheer and HR) anyone they may read.
    const atTeam = personOptions(await people.choosableFor(view, type), orgNames)
    const known = new Set(atTeam.map((p) => p.value))
    const readable = (await people.directory.everyone())
      .filter((p) => p.name && !known.has(p.id))
      .map((p) => ({ value: p.id, label: p.name ?? p.id }))
    return { evaluatorIds, leraarInAmsterdamPersonId: [...atTeam, ...readable] }
  }
  if (type === 'raadpleging.vastleggen') return { organisationId: others }
  if (type === 'cyclus.vernieuwen') {
    const inTeam = new Set(context.organisationIds ?? [])
    const joinable = (await people.directory.organisations())
      .filter((o) => !inTeam.has(o.id))
      .map((o) => ({ value: o.id, label: o.name }))
    return {
      removeOrganisationIds: others,
      ...(joinable.length > 0 ? { id: joinable } : {}),
    }
  }
  return undefined
}

/**
 * The choices a team's forms offer: for an act for an organisation only those the caller may act
 * for (the engine says which, in `view.allowed`); its members; people who work at its
 * organisations, to add or enrol.
 */
export async function teamKnown(
  deps: UiDeps,
  who: Who,
  people: TeamPeople,
  view: CallerInstanceView,
  type: string,
): Promise<KnownChoices> {
  const directory = people.directory
  const context = view.context as TeamContext
  const mayActFor = view.allowed.find((a) => a.type === type)?.organisationIds ?? null
  const organisations: Option[] = (context.organisations ?? [])
    .filter((o) => mayActFor === null || mayActFor.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }))
  const members = context.members ?? []
  if (view.machine.version >= 2) {
    const own = await v2Known(people, view, type, organisations)
    if (own) return own
  }
  if (type === 'lid.verwijderen') {
    const names = await directory.teamMemberNames(view.id)
    const options = members.map((m) => ({
      value: m.personId,
      label: `${names.get(m.personId) ?? m.personId} (${valueLabel(m.role)})`,
    }))
    return { organisationId: organisations, personId: options }
  }
  if (type === 'lid.toevoegen') {
    if (!view.allowed.some((a) => a.type === type)) return { organisationId: organisations }
    const names = new Map(organisations.map((o) => [o.value, o.label]))
    const candidates = await memberCandidates(
      deps.store,
      who.principal,
      view.id,
      'UI lid toevoegen',
    )
    // One option per person: a person who works at two of the team's organisations is listed once,
    // with both; the organisation is chosen beside it.
    const options = personOptions(candidates, names)
    return options.length > 0
      ? { organisationId: organisations, personId: options }
      : { organisationId: organisations }
  }
  return { organisationId: organisations }
}
