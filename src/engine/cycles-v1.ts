import type { EventRow } from '../../db/database.ts'
import type { OntwikkelteamContext as Context } from '../../machines/ontwikkelteam.context.ts'
import { evaluationLevels, phases } from '../../machines/vocabulary.ts'
import type { Phase } from '../../machines/vocabulary.ts'
import { effectiveDay } from '../audit/effective-date.ts'
import { daysPerPhase, periodOf } from './cycle-view.ts'
import type { CycleEvaluation, CycleView, PhasePeriod } from './cycle-view.ts'

// The cycles of an ontwikkelteam of version 1, as far as version 1 knows them. It keeps no phase
// periods, so they are read from the history: each event that moves the team to another state
// ends one period and begins the next, on the day it takes effect. Version 1 records no
// participants, places, budget, denktank aims or evaluators; those stay null or empty.

export const V1_NOTE =
  'Dit team loopt op procesversie 1: deelnemers, plaatsen, begroting, de doelen van de denktank en wie evalueerde zijn daarin niet vastgelegd. De duur per fase komt uit de geschiedenis.'

const isPhase = (value: unknown): value is Phase =>
  typeof value === 'string' && (phases as readonly string[]).includes(value)

/** The phase periods of a history of version 1, oldest first. */
export function periodsFromHistory(rows: readonly EventRow[]): PhasePeriod[] {
  const periods: PhasePeriod[] = []
  let cycle = 1
  let open: PhasePeriod | null = null
  let state: string | null = null
  for (const row of rows) {
    const after = JSON.parse(row.state_after) as unknown
    const key = JSON.stringify(after)
    const renews = row.type === 'cyclus.vernieuwen'
    if (key === state && !renews) continue
    const day = effectiveDay(row)
    if (open) open.to = day
    if (renews) cycle++
    state = key
    open = isPhase(after) ? { phase: after, cycle, from: day, to: null } : null
    if (open) periods.push(open)
  }
  return periods
}

function evaluationsOf(context: Context, cycle: number): CycleEvaluation[] {
  const mine = context.evaluaties.filter((e) => e.cycle === cycle)
  return evaluationLevels.map((level) => {
    const e = mine.filter((x) => x.level === level).at(-1)
    return {
      level,
      judgement: e?.judgement ?? null,
      scores: e?.scores ?? null,
      aims: null,
      evaluatorIds: [],
      leraarInAmsterdamPersonId: null,
      document: null,
      at: e?.at ?? null,
    }
  })
}

type Ontwerp = Context['ontwerp']

const ontwerpOf = (o: Ontwerp): CycleView['ontwerp'] =>
  o === null
    ? null
    : { text: o.text, collaboration: o.collaboration, quality: o.quality, document: null }

/** One item per cycle of a team of version 1; its partners never change. */
export function compareCyclesV1(
  context: Context,
  history: readonly EventRow[],
  today: string,
): CycleView[] {
  const periods = periodsFromHistory(history)
  const facts = [
    ...context.vorigeCycli.map((c) => ({
      cycle: c.cycle,
      gedeeldeAmbitie: c.gedeeldeAmbitie,
      ontwerp: c.ontwerp,
    })),
    { cycle: context.cycle, gedeeldeAmbitie: context.gedeeldeAmbitie, ontwerp: context.ontwerp },
  ]
  return facts.map((f) => ({
    cycle: f.cycle,
    current: f.cycle === context.cycle,
    organisations: { ids: [...context.organisationIds], added: [], removed: [] },
    gedeeldeAmbitie: f.gedeeldeAmbitie?.text ?? null,
    ontwerp: ontwerpOf(f.ontwerp),
    evaluations: evaluationsOf(context, f.cycle),
    phaseDays: daysPerPhase(periods, f.cycle, today, phases),
    participants: null,
    budget: null,
    start: { phase: 'verkennen', reason: null },
    period: periodOf(periods, f.cycle),
  }))
}
