import { sql, type SelectQueryBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import type { ReportReadTable } from '../facts-tables.ts'
import { keptCounts } from './fact-counts.ts'
import { emptyScope, factsWhere, onlyReach, reachTable, type FactsFilter } from './facts-filter.ts'

// The aggregates reports are made of: one GROUP BY each over the facts, never a row per instance.

const n = (value: unknown) => Number(value ?? 0)

type FactsFrom = SelectQueryBuilder<Database & { f: Database['instance_facts'] }, 'f', object>
type PeriodsFrom = SelectQueryBuilder<Database & { p: Database['instance_periods'] }, 'p', object>

/**
 * The facts the filter leaves. With reaches, the reaches come first and each finds its facts by
 * the index that begins with the reach.
 */
function factsIn(db: Db, filter: FactsFilter): FactsFrom {
  const reaches = filter.reaches
  if (!reaches) return db.selectFrom('instance_facts as f').where((eb) => factsWhere(eb, filter))
  const joined = db
    .selectFrom(reachTable(reaches))
    .crossJoin('instance_facts as f')
    .whereRef('f.reach', '=', 'r.column1')
  return (joined as unknown as FactsFrom).where((eb) => factsWhere(eb, filter, 'joined'))
}

/**
 * The periods of `parts` (a machine's phases or questions), joined to the facts only when the
 * filter needs them: every instance of a machine, or of the reaches a scope resolved to, reads
 * from the periods' indexes alone. Joined, the facts the filter leaves come first (CROSS JOIN
 * keeps SQLite to that order) and each reads its periods by its own index.
 */
function periodsOf(db: Db, filter: FactsFilter, parts: readonly string[]): PeriodsFrom {
  if (!onlyReach(filter)) {
    const joined = factsIn(db, filter)
      .crossJoin('instance_periods as p')
      .whereRef('p.instance_id', '=', 'f.instance_id')
    return (joined as unknown as PeriodsFrom).where('p.part', 'in', parts)
  }
  const reaches = filter.reaches
  if (!reaches) return db.selectFrom('instance_periods as p').where('p.part', 'in', parts)
  const joined = db
    .selectFrom(reachTable(reaches))
    .crossJoin('instance_periods as p')
    .whereRef('p.reach', '=', 'r.column1')
  return (joined as unknown as PeriodsFrom).where('p.part', 'in', parts)
}

/** How many periods of each part closed after how many days (entered within the period). */
export async function closedPeriodDays(
  db: Db,
  filter: FactsFilter,
  parts: readonly string[],
  entered: { from?: string | undefined; to?: string | undefined },
) {
  if (emptyScope(filter)) return []
  let query = periodsOf(db, filter, parts)
    .select(['p.part', 'p.days', (eb) => eb.fn.countAll().as('count')])
    .where('p.days', 'is not', null)
    .groupBy(['p.part', 'p.days'])
  if (entered.from) query = query.where('p.entered_on', '>=', entered.from)
  if (entered.to) query = query.where('p.entered_on', '<=', entered.to)
  const rows = await query.execute()
  return rows.map((r) => ({ part: r.part, days: n(r.days), count: n(r.count) }))
}

/**
 * The periods still open, per part and day entered: how long each has waited so far. Only a
 * running instance has an open period (finishing closes every part), so no status is asked.
 */
export async function openPeriodDays(db: Db, filter: FactsFilter, parts: readonly string[]) {
  if (emptyScope(filter)) return []
  const rows = await periodsOf(db, filter, parts)
    .select(['p.part', 'p.entered_on', (eb) => eb.fn.countAll().as('count')])
    .where('p.left_on', 'is', null)
    .groupBy(['p.part', 'p.entered_on'])
    .execute()
  return rows.map((r) => ({ part: r.part, enteredOn: r.entered_on, count: n(r.count) }))
}

/**
 * How many instances ever entered each part: their first periods of it. The day they began is on
 * the periods too, so a filter of reach and that day alone reads the periods' indexes only.
 */
export async function reachedParts(db: Db, filter: FactsFilter, parts: readonly string[]) {
  if (emptyScope(filter)) return []
  const { startedFrom, startedTo, ...rest } = filter
  const alone = onlyReach(rest)
  let query = periodsOf(db, alone ? rest : filter, parts)
    .select(['p.part', (eb) => eb.fn.countAll().as('count')])
    .where('p.first_entry', '=', 1)
    .groupBy('p.part')
  if (alone && startedFrom) query = query.where('p.started_on', '>=', startedFrom)
  if (alone && startedTo) query = query.where('p.started_on', '<=', startedTo)
  const rows = await query.execute()
  return rows.map((r) => ({ part: r.part, count: n(r.count) }))
}

/** Instances per status, phase and outcome; `renewed`: teams past their first cycle. */
export async function statusCounts(db: Db, filter: FactsFilter) {
  if (emptyScope(filter)) return []
  if (onlyReach(filter)) return keptCounts(db, filter.machineIds, filter.reaches)
  const rows = await factsIn(db, filter)
    .select([
      'f.status',
      'f.phase',
      sql<number>`case when f.cycle > 1 then 1 else 0 end`.as('renewed'),
      (eb) => eb.fn.countAll().as('count'),
    ])
    .groupBy(['f.status', 'f.phase', sql`case when f.cycle > 1 then 1 else 0 end`])
    .execute()
  return rows.map((r) => ({
    status: r.status,
    phase: r.phase,
    renewed: n(r.renewed) === 1,
    count: n(r.count),
  }))
}

export type TransitionGroup = 'domain' | 'career_path' | 'new_role'

/** Rolovergangen per group value, status and outcome. */
export async function transitionOutcomes(db: Db, filter: FactsFilter, by: TransitionGroup) {
  if (emptyScope(filter)) return []
  const rows = await factsIn(db, filter)
    .select([`f.${by} as key`, 'f.status', 'f.outcome', (eb) => eb.fn.countAll().as('count')])
    .groupBy([`f.${by}`, 'f.status', 'f.outcome'])
    .execute()
  return rows.map((r) => ({
    key: r.key ?? '',
    status: r.status,
    outcome: r.outcome,
    count: n(r.count),
  }))
}

const SCORES = [
  'score_gedeelde_ambities',
  'score_belangen',
  'score_relaties',
  'score_professioneel_organiseren',
  'score_betekenisgevend_proces',
] as const
export type ScoreColumn = (typeof SCORES)[number]

/** Mean scores per scenario and organisation form, over teams with scored evaluations. */
export async function evaluationScores(db: Db, filter: FactsFilter) {
  if (emptyScope(filter)) return []
  const rows = await factsIn(db, filter)
    .select((eb) => [
      'f.scenario',
      'f.organisation_form',
      eb.fn.countAll().as('teams'),
      eb.fn.sum('f.scored').as('evaluations'),
      ...SCORES.map((column) => eb.fn.avg(`f.${column}`).as(column)),
    ])
    .where('f.scored', '>', 0)
    .groupBy(['f.scenario', 'f.organisation_form'])
    .execute()
  return rows.map((r) => ({
    scenario: r.scenario,
    organisationForm: r.organisation_form,
    teams: n(r.teams),
    evaluations: n(r.evaluations),
    scores: Object.fromEntries(SCORES.map((c) => [c, Number(r[c])])) as Record<ScoreColumn, number>,
  }))
}

/** Budget and places summed per pilot, with each pilot's scenario and name. */
export async function budgetPerPilot(db: Db, filter: FactsFilter) {
  if (emptyScope(filter)) return []
  const rows = await factsIn(db, filter)
    .innerJoin('instances as i', 'i.id', 'f.instance_id')
    .innerJoin('pilots as pl', 'pl.id', 'i.pilot_id')
    .select((eb) => [
      'pl.id',
      'pl.name',
      'pl.scenario',
      eb.fn.countAll().as('teams'),
      eb.fn.sum('f.planned_cents').as('planned'),
      eb.fn.sum('f.spent_cents').as('spent'),
      eb.fn.sum('f.places').as('places'),
      eb.fn.sum('f.enrolled').as('enrolled'),
      eb.fn.sum('f.completed').as('completed'),
    ])
    .where('f.planned_cents', 'is not', null)
    .groupBy(['pl.id', 'pl.name', 'pl.scenario'])
    .orderBy('pl.name')
    .execute()
  return rows.map((r) => ({
    pilotId: r.id,
    name: r.name,
    scenario: r.scenario,
    teams: n(r.teams),
    plannedCents: n(r.planned),
    spentCents: n(r.spent),
    places: n(r.places),
    enrolled: n(r.enrolled),
    completed: n(r.completed),
  }))
}

export async function insertReportRead(db: Db, row: ReportReadTable): Promise<void> {
  await db.insertInto('report_reads').values(row).execute()
}

export async function listReportReads(db: Db, limit: number, after?: string) {
  let query = db.selectFrom('report_reads').selectAll().orderBy('id').limit(limit)
  if (after) query = query.where('id', '>', after)
  return query.execute()
}
