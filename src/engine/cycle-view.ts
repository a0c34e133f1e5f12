import type { DocumentRef } from '../../machines/fields.ts'
import type { AimOutcome, DenktankAim } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import type { CollaborationElement, EvaluationLevel, Phase } from '../../machines/vocabulary.ts'

// One cycle of an ontwikkelteam as the comparison shows it, side by side with the others. Fields
// a version of the machine does not record are null, never guessed.

/** What one level of the evaluation recorded in a cycle (the latest, if it was done twice). */
export interface CycleEvaluation {
  level: EvaluationLevel
  /** Null: this level was not evaluated in the cycle. */
  judgement: string | null
  scores: Record<CollaborationElement, number> | null
  aims: { aim: DenktankAim; outcome: AimOutcome; note: string | null }[] | null
  /** Team members who evaluated (version 2; empty in version 1, which did not record them). */
  evaluatorIds: string[]
  leraarInAmsterdamPersonId: string | null
  document: DocumentRef | null
  at: string | null
}

export interface CycleView {
  cycle: number
  /** The cycle the team is in now (or ended in). */
  current: boolean
  organisations: {
    ids: string[]
    /** Joined at the start of this cycle (empty for the first). */
    added: string[]
    /** Left at the start of this cycle. */
    removed: string[]
  }
  gedeeldeAmbitie: string | null
  ontwerp: {
    text: string
    collaboration: string
    quality: string
    document: DocumentRef | null
  } | null
  /** One entry per level, in the order of the four levels. */
  evaluations: CycleEvaluation[]
  /** Days spent per phase (by effective dates; a phase still open counts up to today). */
  phaseDays: { phase: Phase; days: number }[]
  /** Null for version 1, which knows no places or participants. */
  participants: { places: number; enrolled: number; completed: number; withdrawn: number } | null
  /** Null for version 1, which knows no budget. Amounts in cents. */
  budget: { plannedCents: number; spentCents: number; balanceCents: number } | null
  start: { phase: Phase; reason: string | null }
  /** The first and last day of the cycle (last: null while it runs). */
  period: { from: string | null; to: string | null }
}

export interface CycleComparison {
  instanceId: string
  machineVersion: number
  /** Dutch: what this version of the process does not record, or null when it records all. */
  note: string | null
  items: CycleView[]
}

/** A phase period: the days a team spent in one phase. */
export interface PhasePeriod {
  phase: Phase
  cycle: number
  from: string
  /** Null: still in it. */
  to: string | null
}

const DAY_MS = 86_400_000
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)

/** Days spent in each phase of `cycle`, summed over its periods, in the order of `phases`. */
export function daysPerPhase(
  periods: readonly PhasePeriod[],
  cycle: number,
  today: string,
  phases: readonly Phase[],
): CycleView['phaseDays'] {
  const totals = new Map<Phase, number>()
  for (const p of periods) {
    if (p.cycle !== cycle) continue
    // A backdated event may end a period before it began: it counts as no days, not as fewer.
    const days = Math.max(0, dayNumber(p.to ?? today) - dayNumber(p.from))
    totals.set(p.phase, (totals.get(p.phase) ?? 0) + days)
  }
  return phases
    .filter((phase) => totals.has(phase))
    .map((phase) => ({
      phase,
      days: totals.get(phase) ?? 0,
    }))
}

/** The first and last day of a cycle's periods. */
export function periodOf(periods: readonly PhasePeriod[], cycle: number): CycleView['period'] {
  const mine = periods.filter((p) => p.cycle === cycle)
  const first = mine[0]
  const last = mine[mine.length - 1]
  return { from: first?.from ?? null, to: last ? last.to : null }
}
