import type {
  AimOutcome,
  ConsultationSubject,
  DenktankAim,
} from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import type { EvaluationLevel } from '../../machines/vocabulary.ts'
import { type Cast, lid } from './cast.ts'
import type { DemoUser, Stream } from './demo-kit.ts'
import type { OrgKey, PersonKey } from './directory.ts'

// What the pilot scripts do with a team of version 2 beyond version 1: participants with their
// leervraag, expenses on the budget, the lead's consultations, and evaluations with who evaluated.

/**
 * Enrols each participant at the organisation they work at, with the leervraag they start with.
 * The events take effect on the stream's current day.
 */
export async function schrijfIn(
  cast: Cast,
  team: Stream,
  by: DemoUser,
  entries: readonly (readonly [PersonKey, string])[],
): Promise<void> {
  for (const [person, leervraag] of entries) {
    const { id, organisationId } = cast.dir.person[person]
    await team.send(by, 'deelnemer.inschrijven', { personId: id, organisationId, leervraag })
  }
}

/** Marks each participant as having completed the traject. */
export async function rondAf(
  cast: Cast,
  team: Stream,
  by: DemoUser,
  people: readonly PersonKey[],
): Promise<void> {
  for (const person of people) {
    await team.send(by, 'deelnemer.afronden', { personId: cast.dir.person[person].id })
  }
}

/** One line of the budget: what it is for, in whole euros, and why when it overspends. */
export interface Boeking {
  description: string
  euros: number
  /** Needed when the booking takes the balance below zero. */
  reason?: string
}

/** Books each expense on the team's budget, dated the stream's current day. */
export async function boek(team: Stream, by: DemoUser, lines: readonly Boeking[]): Promise<void> {
  for (const line of lines) {
    await team.send(
      by,
      'uitgave.boeken',
      { description: line.description, amountCents: line.euros * 100, date: team.day },
      { reason: line.reason },
    )
  }
}

/**
 * In a leiderorganisatie the lead decides after consulting the others: records, as the lead,
 * what each other organisation said about the current text of `subject`.
 */
export async function raadpleeg(
  cast: Cast,
  team: Stream,
  by: DemoUser,
  subject: ConsultationSubject,
  entries: readonly (readonly [OrgKey, string])[],
): Promise<void> {
  for (const [org, text] of entries) {
    await team.send(by, 'raadpleging.vastleggen', {
      organisationId: cast.dir.org[org].id,
      subject,
      text,
    })
  }
}

/** How far a pilot met each aim of the denktank, with a note where one says more. */
export type Doelen = Record<DenktankAim, AimOutcome | readonly [AimOutcome, string]>

export interface Evaluatie {
  level: EvaluationLevel
  judgement: string
  /** The team members who evaluated (with Leraar in Amsterdam). */
  evaluators: readonly PersonKey[]
  scores?: Record<
    | 'gedeeldeAmbities'
    | 'belangen'
    | 'relaties'
    | 'professioneelOrganiseren'
    | 'betekenisgevendProces',
    number
  >
  aims?: Doelen
  /** The evaluation report, attached to the event. */
  document?: Uint8Array
}

/**
 * Records an evaluation on one level, sent by a team member: the team evaluates together with
 * Leraar in Amsterdam (the demo's kwartiermaker), so both are named.
 */
export async function evalueer(
  cast: Cast,
  team: Stream,
  by: PersonKey,
  evaluatie: Evaluatie,
): Promise<void> {
  const payload: Record<string, unknown> = {
    level: evaluatie.level,
    judgement: evaluatie.judgement,
    evaluatorIds: evaluatie.evaluators.map((p) => cast.dir.person[p].id),
    leraarInAmsterdamPersonId: cast.dir.person.carla.id,
  }
  if (evaluatie.scores) payload['scores'] = evaluatie.scores
  if (evaluatie.aims) payload['aims'] = aimsOf(evaluatie.aims)
  await team.send(await lid(cast, by), 'evaluatie.vastleggen', payload, {
    document: evaluatie.document,
  })
}

function aimsOf(doelen: Doelen): { aim: string; outcome: string; note?: string }[] {
  return Object.entries(doelen).map(([aim, given]) =>
    typeof given === 'string'
      ? { aim, outcome: given }
      : { aim, outcome: given[0], note: given[1] },
  )
}
