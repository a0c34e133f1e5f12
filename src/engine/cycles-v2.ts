import type { OntwikkelteamV2Context as Context } from '../../machines/ontwikkelteam.v2.context.ts'
import { plannedBudgetCents } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import { evaluationLevels, phases } from '../../machines/vocabulary.ts'
import type { Phase } from '../../machines/vocabulary.ts'
import { daysPerPhase, periodOf } from './cycle-view.ts'
import type { CycleEvaluation, CycleView } from './cycle-view.ts'

// The cycles of an ontwikkelteam of version 2, side by side. Every record in the context names
// its cycle; what a closed cycle had beside that (its partners, places, ambition and design) is
// kept in `vorigeCycli` when the next one begins.

type Closed = Context['vorigeCycli'][number]
type Ontwerp = Context['ontwerp']

function ontwerpOf(ontwerp: Ontwerp): CycleView['ontwerp'] {
  if (ontwerp === null) return null
  const { text, collaboration, quality, document } = ontwerp
  return { text, collaboration, quality, document }
}

function evaluationsOf(context: Context, cycle: number): CycleEvaluation[] {
  const mine = context.evaluaties.filter((e) => e.cycle === cycle)
  return evaluationLevels.map((level) => {
    // A level evaluated twice counts with its latest evaluation.
    const e = mine.filter((x) => x.level === level).at(-1)
    return {
      level,
      judgement: e?.judgement ?? null,
      scores: e?.scores ?? null,
      aims: e?.aims ?? null,
      evaluatorIds: e?.evaluatorIds ?? [],
      leraarInAmsterdamPersonId: e?.leraarInAmsterdamPersonId ?? null,
      document: e?.document ?? null,
      at: e?.at ?? null,
    }
  })
}

function participantsOf(context: Context, cycle: number, places: number) {
  const mine = context.deelnemers.filter((d) => d.cycle === cycle)
  const count = (status: string) => mine.filter((d) => d.status === status).length
  return {
    places,
    enrolled: count('ingeschreven'),
    completed: count('afgerond'),
    withdrawn: count('teruggetrokken'),
  }
}

function budgetOf(context: Context, cycle: number, places: number) {
  const plannedCents = plannedBudgetCents(places)
  const spentCents = context.uitgaven
    .filter((u) => u.cycle === cycle)
    .reduce((sum, u) => sum + u.amountCents, 0)
  return { plannedCents, spentCents, balanceCents: plannedCents - spentCents }
}

/** How cycle `cycle` began: cycle 1 at verkennen; a later one as the renewal before it said. */
function startOf(before: Closed | undefined): CycleView['start'] {
  if (!before) return { phase: 'verkennen', reason: null }
  return { phase: before.startPhase, reason: before.startReason }
}

interface CycleFacts {
  cycle: number
  organisationIds: string[]
  places: number
  gedeeldeAmbitie: Context['gedeeldeAmbitie']
  ontwerp: Ontwerp
}

/**
 * One item per cycle of a team of version 2: the closed ones from `vorigeCycli`, then the current
 * one. `today` (YYYY-MM-DD) ends the phase the team is in now.
 */
export function compareCyclesV2(context: Context, today: string): CycleView[] {
  const facts: CycleFacts[] = [
    ...context.vorigeCycli.map((c) => ({
      cycle: c.cycle,
      organisationIds: c.organisationIds,
      places: c.places,
      gedeeldeAmbitie: c.gedeeldeAmbitie,
      ontwerp: c.ontwerp,
    })),
    {
      cycle: context.cycle,
      organisationIds: context.organisationIds,
      places: context.places,
      gedeeldeAmbitie: context.gedeeldeAmbitie,
      ontwerp: context.ontwerp,
    },
  ]
  return facts.map((f) => {
    const before = context.vorigeCycli.find((c) => c.cycle === f.cycle - 1)
    return {
      cycle: f.cycle,
      current: f.cycle === context.cycle,
      organisations: {
        ids: [...f.organisationIds],
        added: before ? [...before.added] : [],
        removed: before ? [...before.removed] : [],
      },
      // A cycle that began past delen or vormgeven goes on with the ambition or design before it.
      gedeeldeAmbitie: f.gedeeldeAmbitie?.text ?? null,
      ontwerp: ontwerpOf(f.ontwerp),
      evaluations: evaluationsOf(context, f.cycle),
      phaseDays: daysPerPhase(context.fasen, f.cycle, today, phases as readonly Phase[]),
      participants: participantsOf(context, f.cycle, f.places),
      budget: budgetOf(context, f.cycle, f.places),
      start: startOf(before),
      period: periodOf(context.fasen, f.cycle),
    }
  })
}
