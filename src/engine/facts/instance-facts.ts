import type { Instance } from '../../../db/database.ts'
import type { InstanceFactsTable } from '../../../db/facts-tables.ts'
import type { collaborationElements } from '../../../machines/vocabulary.ts'
import type { EffectiveMoment } from '../effective-moment.ts'
import { teamView } from '../pilot-view.ts'
import { snapshotOf } from '../snapshot.ts'
import { phaseOf } from './open-parts.ts'

// One instance's row of facts, computed from its snapshot alone (and, for a team, its pilot):
// the same function runs on the write path and when the projection is rebuilt from the history.

/** What a team's facts take from its pilot. */
export interface PilotFacts {
  scenario: string
  organisationForm: string | null
  leadOrganisationId: string | null
}

export interface FactsInput {
  instanceId: string
  machineId: string
  machineVersion: number
  seq: number
  status: string
  title: string
  value: unknown
  context: Record<string, unknown>
  pilot: PilotFacts | null
  /** The organisations it concerns (see reachOf). */
  reach: string
  startedOn: string
  /** The moment of the last step of the process itself (not bookkeeping). */
  last: EffectiveMoment
}

type Scores = Pick<
  InstanceFactsTable,
  | 'scored'
  | 'score_gedeelde_ambities'
  | 'score_belangen'
  | 'score_relaties'
  | 'score_professioneel_organiseren'
  | 'score_betekenisgevend_proces'
>

export const SCORE_COLUMNS = {
  gedeeldeAmbities: 'score_gedeelde_ambities',
  belangen: 'score_belangen',
  relaties: 'score_relaties',
  professioneelOrganiseren: 'score_professioneel_organiseren',
  betekenisgevendProces: 'score_betekenisgevend_proces',
} as const satisfies Record<(typeof collaborationElements)[number], keyof Scores>

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** The mean score per crucial element over the team's scored evaluations (all cycles). */
function scoresOf(context: Record<string, unknown>): Scores {
  const evaluaties = Array.isArray(context['evaluaties']) ? context['evaluaties'] : []
  const scored = evaluaties
    .map((e) => (e as { scores?: Record<string, unknown> | null }).scores)
    .filter((s): s is Record<string, number> => typeof s === 'object' && s !== null)
  const mean = (key: string) =>
    scored.length === 0 ? null : scored.reduce((sum, s) => sum + (s[key] ?? 0), 0) / scored.length
  return {
    scored: scored.length,
    score_gedeelde_ambities: mean('gedeeldeAmbities'),
    score_belangen: mean('belangen'),
    score_relaties: mean('relaties'),
    score_professioneel_organiseren: mean('professioneelOrganiseren'),
    score_betekenisgevend_proces: mean('betekenisgevendProces'),
  }
}

/** Whose move it is in a rolovergang: HR's, or the teacher's where an afspraak awaits her word. */
function transitionWaitsOn(version: number, value: unknown, status: string): string | null {
  if (status !== 'actief') return null
  if (value === 'aangevraagd') return 'hr'
  const lopend = (value as { lopend?: Record<string, unknown> }).lopend ?? {}
  const awaitsTeacher = version >= 2 && Object.values(lopend).includes('afgesproken')
  return awaitsTeacher ? 'leraar' : 'hr'
}

function teamFacts(input: FactsInput) {
  const team = teamView(input.instanceId, input.context)
  const cycle = typeof input.context['cycle'] === 'number' ? input.context['cycle'] : 1
  return {
    waiting_on: input.status === 'actief' || input.status === 'gepauzeerd' ? 'team' : null,
    organisation_id: input.pilot?.leadOrganisationId ?? null,
    scenario: input.pilot?.scenario ?? null,
    organisation_form: input.pilot?.organisationForm ?? null,
    domain: null,
    career_path: null,
    new_role: null,
    outcome: null,
    cycle,
    planned_cents: team.budget?.plannedCents ?? null,
    spent_cents: team.budget?.spentCents ?? null,
    places: team.places?.places ?? null,
    enrolled: team.places?.enrolled ?? null,
    completed: team.places?.completed ?? null,
  }
}

function transitionFacts(input: FactsInput) {
  const c = input.context
  const uitkomst = c['uitkomst'] as { outcome?: unknown } | null | undefined
  return {
    waiting_on: transitionWaitsOn(input.machineVersion, input.value, input.status),
    organisation_id: text(c['organisationId']),
    scenario: null,
    organisation_form: null,
    domain: text(c['domain']),
    career_path: text(c['careerPath']),
    new_role: text(c['newRole']),
    outcome: text(uitkomst?.outcome),
    cycle: 1,
    planned_cents: null,
    spent_cents: null,
    places: null,
    enrolled: null,
    completed: null,
  }
}

export function factsOf(input: FactsInput): InstanceFactsTable {
  const team = input.machineId === 'ontwikkelteam'
  return {
    instance_id: input.instanceId,
    machine_id: input.machineId,
    machine_version: input.machineVersion,
    seq: input.seq,
    status: input.status,
    phase: phaseOf(input.value),
    title_key: input.title.toLocaleLowerCase('nl'),
    reach: input.reach,
    started_on: input.startedOn,
    last_on: input.last.day,
    last_at: input.last.recordedAt,
    last_dated: input.last.differs ? 1 : 0,
    ...(team ? teamFacts(input) : transitionFacts(input)),
    ...(team ? scoresOf(input.context) : scoresOf({})),
  }
}

/** An instance's facts from its row as it now stands (the snapshot read through its cache). */
export function factsOfInstance(
  instance: Instance,
  at: Pick<FactsInput, 'seq' | 'pilot' | 'reach' | 'startedOn' | 'last'>,
): InstanceFactsTable {
  const snapshot = snapshotOf(instance)
  return factsOf({
    instanceId: instance.id,
    machineId: instance.machine_id,
    machineVersion: instance.machine_version,
    status: instance.status,
    title: instance.title,
    value: snapshot.value,
    context: snapshot.context,
    ...at,
  })
}
