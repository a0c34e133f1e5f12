import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely'
import type { Database } from '../database.ts'

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

const RUNNING = ['actief', 'gepauzeerd']

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

/** The filter as conditions on `f`; false when it can match nothing (an empty scope). */
export function factsWhere(eb: Eb, filter: FactsFilter) {
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
  if (filter.organisationIds) and.push(concerning(eb, 'organisation_id', filter.organisationIds))
  if (filter.scopeOrganisationIds) {
    and.push(concerning(eb, 'organisation_id', filter.scopeOrganisationIds))
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
      eb('f.status', 'in', RUNNING),
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
  const { machineIds, everyMachine, scopeOrganisationIds, scopePersonId, searchNames, ...rest } =
    filter
  void machineIds
  void everyMachine
  void searchNames
  return (
    scopeOrganisationIds === null &&
    scopePersonId === null &&
    Object.values(rest).every((value) => value === undefined)
  )
}

/** True when the filter's scope is empty: nothing to read. */
export const emptyScope = (filter: FactsFilter) =>
  (filter.scopeOrganisationIds !== null && filter.scopeOrganisationIds.length === 0) ||
  (filter.organisationIds !== undefined && filter.organisationIds.length === 0)

export type FactsQuery<O> = SelectQueryBuilder<Database & { f: Database['instance_facts'] }, 'f', O>
