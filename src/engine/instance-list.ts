import type { DbHandle } from '../../db/create-db.ts'
import type { InstanceFacts } from '../../db/facts-tables.ts'
import { withReaches, type FactsFilter, type StalledSince } from '../../db/queries/facts-filter.ts'
import {
  listInstanceFacts,
  SORT_COLUMNS,
  type Keyset,
  type ListSort,
  type SortKey,
} from '../../db/queries/instance-list.ts'
import { withDescendants } from '../../db/queries/organisations.ts'
import { machines } from '../../machines/index.ts'
import { amsterdamDate } from '../audit/effective-date.ts'
import { authorizeRole, ruleFor } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { badRequest } from '../errors.ts'
import { STIL_DAYS } from './questions.ts'
import { momentsOf, recordedMomentsOf } from './instance-moments.ts'
import { viewInstance } from './instance-view.ts'
import { listScope, type Page } from './paging.ts'
import type { ListedInstanceView } from './read-instances.ts'
import { hasFacts } from './facts/project.ts'

/** Where an instance stands, as lists show and filter it. */
export interface InstanceOverview {
  phase: string
  waitingOn: string | null
  stalled: boolean
  startedOn: string
  lastOn: string
  organisationId: string | null
  scenario: string | null
  domain: string | null
  careerPath: string | null
}

export interface ListedWithOverview extends ListedInstanceView {
  overview: InstanceOverview
}

export interface InstanceListQuery {
  machine?: string | undefined
  status?: string | undefined
  state?: string | undefined
  organisationId?: string | undefined
  scenario?: string | undefined
  domain?: string | undefined
  careerPath?: string | undefined
  waitingOn?: string | undefined
  openQuestion?: string | undefined
  stalled?: boolean | undefined
  q?: string | undefined
  sort?: string | undefined
  limit: number
  after?: string | undefined
}

/** The columns a list sorts by, as the API names them. */
export const SORT_KEYS = Object.keys(SORT_COLUMNS) as SortKey[]

const DAY_MS = 86_400_000

/**
 * Since when a running instance counts as stilgevallen now: its last step's ingangsdatum on or
 * before `day` (whole Amsterdam days), or without one recorded on or before `instant` (30 days to
 * the hour), as isStilgevallen says for one instance.
 */
export function stalledSince(now = new Date()): StalledSince {
  const today = Date.parse(`${amsterdamDate(now.toISOString())}T00:00:00Z`)
  return {
    day: new Date(today - STIL_DAYS * DAY_MS).toISOString().slice(0, 10),
    instant: new Date(now.getTime() - STIL_DAYS * DAY_MS).toISOString(),
  }
}

/** Whether an instance's facts say it is stilgevallen as of `since`. */
export function isStalled(f: InstanceFacts, since: StalledSince): boolean {
  if (f.status !== 'actief' && f.status !== 'gepauzeerd') return false
  return f.last_dated === 1 ? f.last_on <= since.day : f.last_at <= since.instant
}

/** `titel` or `-laatst` → the column and direction; 400 for anything else. */
export function parseSort(sort: string | undefined): ListSort {
  if (!sort) return { key: null, desc: false }
  const desc = sort.startsWith('-')
  return { key: (desc ? sort.slice(1) : sort) as SortKey, desc }
}

const encode = (keyset: Keyset) =>
  Buffer.from(JSON.stringify([keyset.value, keyset.id])).toString('base64url')

function decodeAfter(after: string | undefined, sorted: boolean): Keyset | null {
  if (!after) return null
  if (!sorted) return { value: null, id: after }
  try {
    const [value, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown[]
    if ((typeof value === 'string' || value === null) && typeof id === 'string')
      return { value, id }
  } catch {
    // Falls through to the refusal below.
  }
  throw badRequest('Deze vervolgpagina hoort bij een andere sortering of is beschadigd.', [
    {
      path: 'after',
      message: 'Gebruik de waarde van "next" uit het vorige antwoord, met dezelfde sortering.',
    },
  ])
}

export function overviewOf(f: InstanceFacts, since: StalledSince): InstanceOverview {
  return {
    phase: f.phase,
    waitingOn: f.waiting_on,
    stalled: isStalled(f, since),
    startedOn: f.started_on,
    lastOn: f.last_on,
    organisationId: f.organisation_id,
    scenario: f.scenario,
    domain: f.domain,
    careerPath: f.career_path,
  }
}

/** The filter a list query and a caller's reach make together. */
export async function factsFilterOf(
  store: DbHandle,
  principal: Principal,
  query: Omit<InstanceListQuery, 'limit' | 'after' | 'sort'>,
  now = new Date(),
): Promise<FactsFilter> {
  const rule = authorizeRole(principal, 'instance.read')
  const personRule = ruleFor(principal.role, 'person.read')
  return withReaches(store.db, {
    machineIds: query.machine ? [query.machine] : Object.keys(machines).filter(hasFacts),
    everyMachine: !query.machine,
    status: query.status,
    phase: query.state,
    organisationIds: query.organisationId
      ? await withDescendants(store.db, [query.organisationId])
      : undefined,
    scenario: query.scenario,
    domain: query.domain,
    careerPath: query.careerPath,
    waitingOn: query.waitingOn,
    openQuestion: query.openQuestion,
    stalled:
      query.stalled === undefined ? undefined : { is: query.stalled, since: stalledSince(now) },
    q: query.q,
    // Names are searched only by whoever may read the people of the whole list.
    searchNames: personRule === 'all' || personRule === 'organisations',
    ...listScope(principal, rule),
  })
}

export async function listInstancesWithOverview(
  store: DbHandle,
  principal: Principal,
  query: InstanceListQuery,
  now = new Date(),
): Promise<Page<ListedWithOverview>> {
  const filter = await factsFilterOf(store, principal, query, now)
  const sort = parseSort(query.sort)
  const rows = await listInstanceFacts(store.db, filter, sort, {
    limit: query.limit + 1,
    after: decodeAfter(query.after, sort.key !== null),
  })
  const items = rows.slice(0, query.limit)
  const moments = await momentsOf(store.db, items)
  const since = stalledSince(now)
  const last = items[items.length - 1]
  const next =
    rows.length > query.limit && last
      ? sort.key
        ? encode({ value: String(last.facts[SORT_COLUMNS[sort.key]]), id: last.id })
        : last.id
      : null
  return {
    items: items.map((r) => ({
      ...viewInstance(r),
      moments: moments.get(r.id) ?? recordedMomentsOf(r),
      overview: overviewOf(r.facts, since),
    })),
    next,
  }
}
