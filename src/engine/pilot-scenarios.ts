import type { OrganisationForm } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import type { OrganisationKind, Scenario } from '../../machines/vocabulary.ts'
import type { FieldError } from '../errors.ts'

// What each scenario asks of the organisations taking part: its organisation form, how many
// teams run it, how many places a team starts with, and which kinds must take part and how many.

export interface Requirement {
  kinds: readonly OrganisationKind[]
  min: number
  /** Dutch, singular and plural: "school (of bestuur)", "scholen (of besturen)". */
  label: readonly [string, string]
}

const opleidingsscholen = (min: number): Requirement => ({
  kinds: ['opleidingsschool'],
  min,
  label: ['opleidingsschool', 'opleidingsscholen'],
})
/** A bestuur takes part with its schools: it counts as a school. */
const scholen = (min: number): Requirement => ({
  kinds: ['school', 'bestuur'],
  min,
  label: ['school (of schoolbestuur)', 'scholen (of schoolbesturen)'],
})
const lerarenopleidingen = (min: number): Requirement => ({
  kinds: ['lerarenopleiding'],
  min,
  label: ['lerarenopleiding', 'lerarenopleidingen'],
})

export interface ScenarioRule {
  form: OrganisationForm
  teamNames: readonly string[]
  places: number
  /** The kind the lead organisation must be (leiderorganisatie only). */
  leadKind: OrganisationKind | null
  /** At least `min` participating organisations of one of `kinds`, for each requirement. */
  atLeast: readonly Requirement[]
  /** Dutch: who takes part, as the refusal says it. */
  reach: string
}

export const scenarioRules: Readonly<Record<Scenario, ScenarioRule>> = {
  '1a': {
    form: 'zelfregulerend-netwerk',
    teamNames: ['Ontwikkelteam'],
    places: 13,
    leadKind: null,
    atLeast: [opleidingsscholen(1), scholen(1)],
    reach: 'een ontwikkelteam binnen een opleidingsschool, met scholen daarvan',
  },
  '1b': {
    form: 'zelfregulerend-netwerk',
    teamNames: ['Ontwikkelteam 1', 'Ontwikkelteam 2'],
    places: 13,
    leadKind: null,
    atLeast: [opleidingsscholen(2), scholen(2)],
    reach: 'twee ontwikkelteams tussen en binnen opleidingsscholen, met scholen daarvan',
  },
  '2a': {
    form: 'leiderorganisatie',
    teamNames: ['Werkgroep'],
    places: 15,
    leadKind: 'huisacademie',
    atLeast: [opleidingsscholen(1), lerarenopleidingen(1)],
    reach:
      'een leergang voor opleiders van opleidingsscholen en lerarenopleidingen, geleid door een huisacademie',
  },
  '2b': {
    form: 'leiderorganisatie',
    teamNames: ['Werkgroep'],
    places: 15,
    leadKind: 'huisacademie',
    atLeast: [scholen(1)],
    reach: 'een leergang voor leraren van scholen, geleid door een huisacademie',
  },
}

const kindLabels: Record<OrganisationKind, [string, string]> = {
  bestuur: ['bestuur', 'besturen'],
  school: ['school', 'scholen'],
  opleidingsschool: ['opleidingsschool', 'opleidingsscholen'],
  huisacademie: ['huisacademie', 'huisacademies'],
  lerarenopleiding: ['lerarenopleiding', 'lerarenopleidingen'],
  gemeente: ['gemeente', 'gemeenten'],
}

const count = (n: number, [one, more]: readonly [string, string]) =>
  n === 0 ? `geen ${one}` : `${String(n)} ${n === 1 ? one : more}`

/**
 * Why these organisations (with their kinds) and this lead do not fit the scenario, each on the
 * field it concerns; empty when they fit. Each reason says what is missing, so it can be added.
 */
export function scenarioMisfit(
  scenario: Scenario,
  organisations: readonly { id: string; name: string; kind: string }[],
  leadOrganisationId: string | null,
): FieldError[] {
  const rule = scenarioRules[scenario]
  const reasons: FieldError[] = []
  const kinds = (message: string) => reasons.push({ path: 'organisationIds', message })
  const lead = (message: string) => reasons.push({ path: 'leadOrganisationId', message })
  for (const { kinds: allowed, min, label } of rule.atLeast) {
    const have = organisations.filter((o) => (allowed as readonly string[]).includes(o.kind)).length
    if (have < min) {
      kinds(
        `Scenario ${scenario} is ${rule.reach}: er ${have <= 1 ? 'neemt' : 'nemen'} ${count(have, label)} deel, nodig ${min === 1 ? 'is' : 'zijn'} er ten minste ${String(min)}. Voeg ${min - have === 1 ? `een ${label[0]}` : `${String(min - have)} ${label[1]}`} toe.`,
      )
    }
  }
  if (rule.leadKind === null) {
    if (leadOrganisationId !== null) {
      lead(
        `Scenario ${scenario} is een zelfregulerend netwerk: elke organisatie beslist mee en er is geen leidende organisatie. Laat leadOrganisationId weg.`,
      )
    }
    return reasons
  }
  if (leadOrganisationId === null) {
    lead(
      `Scenario ${scenario} is een leiderorganisatie: kies de ${kindLabels[rule.leadKind][0]} die de pilot leidt (leadOrganisationId).`,
    )
    return reasons
  }
  const leader = organisations.find((o) => o.id === leadOrganisationId)
  if (!leader) {
    lead('De leidende organisatie neemt zelf deel aan de pilot: zet haar bij de organisaties.')
  } else if (leader.kind !== rule.leadKind) {
    lead(
      `In scenario ${scenario} leidt een ${kindLabels[rule.leadKind][0]}; ${leader.name} is een ${kindLabels[leader.kind as OrganisationKind]?.[0] ?? leader.kind}.`,
    )
  }
  return reasons
}
