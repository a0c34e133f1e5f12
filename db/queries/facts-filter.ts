import { PostgresAdapter, sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import type { Database, Db } from '../database.ts'
import { knownReaches } from './fact-counts.ts'

// The filters lists and reports share, over `instance_facts as f`.

export interface FactsFilter {
  machineIds: readonly string[]
  /** `machineIds` are all machines with facts: no condition needed (lists then page by the key). */
  everyMachine?: boolean
  machineVersion?: number | undefined
  status?: string | undefined
  phase?: string | undefined
  /** Instances concerning one of these (a bestuur already expanded to its schools). */
  organisationIds?: readonly string[] | undefined
  pilotId?: string | undefined
  scenario?: string | undefined
  domain?: string | undefined
  careerPath?: string | undefined
  waitingOn?: string | undefined
  /** A rolovergang whose question (toegang, …) is open now. */
  openQuestion?: string | undefined
  /** true: stilgevallen as of `since` (see stalledSince); false: the others. */
  stalled?: { is: boolean; since: StalledSince } | undefined
  /** Begun within these days (inclusive). */
  startedFrom?: string | undefined
  startedTo?: string | undefined
  /** Text in the title, or (`searchNames`) in the name of the person it concerns. */
  q?: string | undefined
  searchNames?: boolean
  /** Only instances concerning one of these organisations (null: no restriction). */
  scopeOrganisationIds: readonly string[] | null
  /** Only instances concerning this person (null: no restriction). */
  scopePersonId: string | null
  /**
   * The reaches (see reachOf) that meet both organisation conditions above, resolved by
   * withReaches: when set, they stand for those conditions and an index answers them.
   */
  reaches?: readonly string[] | undefined
}

/**
 * Where "stilgevallen" begins: a step with an ingangsdatum of its own on or before `day`, or one
 * without recorded on or before `instant` (30 days to the hour).
 */
export interface StalledSince {
  day: string
  instant: string
}

type Eb = ExpressionBuilder<Database & { f: Database['instance_facts'] }, 'f'>

/**
 * Running, as the partial indexes of running instances are defined: written out (not bound) so
 * that SQLite's planner sees the condition implies theirs.
 */
export const RUNNING_FACTS = sql<boolean>`f.status in ('actief', 'gepauzeerd')`

/** A LIKE pattern for text a person typed: wildcards are dropped rather than escaped. */
export const containsPattern = (text: string) =>
  `%${text.toLocaleLowerCase('nl').replace(/[%_\\]/g, '')}%`

function concerning(eb: Eb, column: 'organisation_id', ids: readonly string[]) {
  return eb(
    'f.instance_id',
    'in',
    eb.selectFrom('instance_organisations').select('instance_id').where(column, 'in', ids),
  )
}

/**
 * The reaches as a table of one column (`r.column1`), for a read that loops over them first and
 * finds each one's rows by an index that begins with the reach (CROSS JOIN keeps SQLite to that
 * order; a long IN list lets its planner pick an index without the reach).
 */
export function reachTable(reaches: readonly string[]) {
  return sql<{ column1: string }>`(values ${sql.join(reaches.map((r) => sql`(${r})`))})`.as('r')
}

/**
 * How the reaches are asked: `index` as a condition the planner may drive by; `joined` not at all
 * (reachTable already joined them); `check` as a condition on each row only, for a sorted page
 * that walks its sort index (on SQLite the unary plus keeps the planner from the reach index,
 * which would sort every row in reach for one page).
 */
export type ReachUse = 'index' | 'joined' | 'check'

export const reachCheck = (db: Db): 'index' | 'check' =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'index' : 'check'

/** The reach condition alone, asked as `use` says (see ReachUse). */
export const reachWhere = (eb: Eb, reaches: readonly string[], use: 'index' | 'check') =>
  use === 'index'
    ? eb('f.reach', 'in', reaches)
    : eb(sql<string>`+${sql.ref('f.reach')}`, 'in', reaches)

/** The filter as conditions on `f`; false when it can match nothing (an empty scope). */
export function factsWhere(eb: Eb, filter: FactsFilter, reach: ReachUse = 'index') {
  const and = filter.everyMachine ? [] : [eb('f.machine_id', 'in', filter.machineIds)]
  const equal = [
    ['f.machine_version', filter.machineVersion],
    ['f.status', filter.status],
    ['f.phase', filter.phase],
    ['f.scenario', filter.scenario],
    ['f.domain', filter.domain],
    ['f.career_path', filter.careerPath],
    ['f.waiting_on', filter.waitingOn],
  ] as const
  for (const [column, value] of equal) if (value !== undefined) and.push(eb(column, '=', value))
  if (filter.pilotId) {
    const pilotId = filter.pilotId
    and.push(
      eb(
        'f.instance_id',
        'in',
        eb.selectFrom('instances').select('id').where('pilot_id', '=', pilotId),
      ),
    )
  }
  if (filter.openQuestion) {
    const part = filter.openQuestion
    and.push(
      eb(
        'f.instance_id',
        'in',
        eb
          .selectFrom('instance_periods')
          .select('instance_id')
          .where('part', '=', part)
          .where('left_on', 'is', null),
      ),
    )
  }
  if (filter.reaches) {
    if (reach !== 'joined') and.push(reachWhere(eb, filter.reaches, reach))
  } else {
    if (filter.organisationIds) and.push(concerning(eb, 'organisation_id', filter.organisationIds))
    if (filter.scopeOrganisationIds) {
      and.push(concerning(eb, 'organisation_id', filter.scopeOrganisationIds))
    }
  }
  if (filter.scopePersonId) {
    const person = filter.scopePersonId
    and.push(
      eb(
        'f.instance_id',
        'in',
        eb.selectFrom('instance_people').select('instance_id').where('person_id', '=', person),
      ),
    )
  }
  if (filter.stalled) {
    const since = filter.stalled.since
    const stalled = eb.and([
      RUNNING_FACTS,
      eb.or([
        eb.and([eb('f.last_dated', '=', 1), eb('f.last_on', '<=', since.day)]),
        eb.and([eb('f.last_dated', '=', 0), eb('f.last_at', '<=', since.instant)]),
      ]),
    ])
    and.push(filter.stalled.is ? stalled : eb.not(stalled))
  }
  if (filter.startedFrom) and.push(eb('f.started_on', '>=', filter.startedFrom))
  if (filter.startedTo) and.push(eb('f.started_on', '<=', filter.startedTo))
  if (filter.q) {
    const pattern = containsPattern(filter.q)
    const title = eb('f.title_key', 'like', pattern)
    and.push(
      filter.searchNames
        ? eb.or([
            title,
            eb(
              'f.instance_id',
              'in',
              eb
                .selectFrom('instances')
                .innerJoin('people', 'people.id', 'instances.person_id')
                .select('instances.id')
                .where((p) => p(p.fn('lower', ['people.name']), 'like', pattern)),
            ),
          ])
        : title,
    )
  }
  return eb.and(and)
}

/**
 * True when the filter asks for every instance of its machines and nothing else: then the periods
 * of the machine's parts answer alone, without a join to the facts.
 */
export function onlyMachines(filter: FactsFilter): boolean {
  return filter.scopeOrganisationIds === null && onlyReach(filter) && !filter.reaches
}

/**
 * True when the filter asks for every instance of its machines within its resolved reaches (or
 * all) and nothing else: the periods and counts, which carry the reach, answer alone.
 */
export function onlyReach(filter: FactsFilter): boolean {
  const {
    machineIds,
    everyMachine,
    scopeOrganisationIds,
    organisationIds,
    reaches,
    scopePersonId,
    searchNames,
    ...rest
  } = filter
  void [machineIds, everyMachine, searchNames]
  const organisations = reaches !== undefined || (!organisationIds && !scopeOrganisationIds)
  return (
    organisations &&
    scopePersonId === null &&
    Object.values(rest).every((value) => value === undefined)
  )
}

/** True when the filter's scope is empty: nothing to read. */
export const emptyScope = (filter: FactsFilter) =>
  (filter.scopeOrganisationIds !== null && filter.scopeOrganisationIds.length === 0) ||
  (filter.organisationIds !== undefined && filter.organisationIds.length === 0) ||
  (filter.reaches !== undefined && filter.reaches.length === 0)

/**
 * The filter with its organisation conditions resolved to the reaches that meet them: an instance
 * concerns one of the organisations exactly when its reach names one.
 */
export async function withReaches(db: Db, filter: FactsFilter): Promise<FactsFilter> {
  const scope = filter.scopeOrganisationIds
  const asked = filter.organisationIds
  if (filter.reaches || (!scope && !asked)) return filter
  const meets = (reach: string, ids: readonly string[] | null | undefined) =>
    !ids || reach.split(' ').some((id) => ids.includes(id))
  const known = await knownReaches(db, filter.machineIds)
  return { ...filter, reaches: known.filter((r) => r !== '' && meets(r, scope) && meets(r, asked)) }
}

export type FactsQuery<O> = SelectQueryBuilder<Database & { f: Database['instance_facts'] }, 'f', O>
