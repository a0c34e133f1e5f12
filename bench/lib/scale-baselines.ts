// The plain SQL the scale case holds the engine against: for each list, report and inbox, one
// statement over the same rows that does comparable work (the same filter and reach, one
// aggregate or one page), without the engine's views, checks and bookkeeping.

export interface Baseline {
  sql: string
  params: unknown[]
}

const MACHINES = `f.machine_id in ('ontwikkelteam', 'rolovergang')`

/** The reach of an hr principal, or a bestuur filter: instances concerning these organisations. */
function concerning(ids: readonly string[] | null): Baseline {
  if (!ids) return { sql: '', params: [] }
  const marks = ids.map(() => '?').join(', ')
  return {
    sql: ` and f.instance_id in (select instance_id from instance_organisations where organisation_id in (${marks}))`,
    params: [...ids],
  }
}

export interface ListShape {
  phase?: string
  stalledOn?: string
  name?: string
  latestFirst?: boolean
  /** Page 2 by title: after this title and id. */
  titleAfter?: [string, string]
}

/** One page of 101 facts rows, as the list reads them before it adds the instances. */
export function listBaseline(scope: readonly string[] | null, shape: ListShape): Baseline {
  const reach = concerning(scope)
  const where: string[] = [MACHINES]
  const params: unknown[] = []
  let from = 'instance_facts f'
  let order = 'f.instance_id'
  if (shape.phase) {
    where.push('f.phase = ?')
    params.push(shape.phase)
  }
  if (shape.stalledOn) {
    where.push(`f.status in ('actief', 'gepauzeerd') and f.last_on <= ?`)
    params.push(shape.stalledOn)
  }
  if (shape.name) {
    // The people first (CROSS JOIN keeps SQLite to this order): few match, each by index.
    from =
      'people p cross join instances i on i.person_id = p.id cross join instance_facts f on f.instance_id = i.id'
    where.push('lower(p.name) like ?')
    params.push(`%${shape.name.toLowerCase()}%`)
  }
  if (shape.latestFirst) order = 'f.last_on desc, f.instance_id desc'
  if (shape.titleAfter) {
    where.push('(f.title_key > ? or (f.title_key = ? and f.instance_id > ?))')
    params.push(shape.titleAfter[0], shape.titleAfter[0], shape.titleAfter[1])
    order = 'f.title_key, f.instance_id'
  }
  return {
    sql: `select f.* from ${from} where ${where.join(' and ')}${reach.sql} order by ${order} limit 101`,
    params: [...params, ...reach.params],
  }
}

const PERIODS = 'instance_periods p join instance_facts f on f.instance_id = p.instance_id'
const SCORES = [
  'score_gedeelde_ambities',
  'score_belangen',
  'score_relaties',
  'score_professioneel_organiseren',
  'score_betekenisgevend_proces',
]

/** The one GROUP BY that answers most of a report, per report id. */
interface Aggregate {
  from: string
  select: string
  where?: string
  group: string
}
const REPORT_SQL: Record<string, Aggregate> = {
  'doorlooptijd-fasen': {
    from: PERIODS,
    select: 'p.part, count(*), avg(p.days)',
    group: 'p.part',
  },
  'doorlooptijd-vragen': {
    from: PERIODS,
    select: 'p.part, count(*), avg(p.days)',
    group: 'p.part',
  },
  'trechter-teams': {
    from: PERIODS,
    select: 'p.part, count(distinct p.instance_id)',
    group: 'p.part',
  },
  'trechter-rolovergangen': {
    from: PERIODS,
    select: 'p.part, count(distinct p.instance_id)',
    group: 'p.part',
  },
  rolovergangen: {
    from: 'instance_facts f',
    select: 'f.domain, f.status, f.outcome, count(*)',
    group: 'f.domain, f.status, f.outcome',
  },
  evaluaties: {
    from: 'instance_facts f',
    select: `f.scenario, f.organisation_form, count(*), sum(f.scored), ${SCORES.map((s) => `avg(f.${s})`).join(', ')}`,
    where: 'f.scored > 0',
    group: 'f.scenario, f.organisation_form',
  },
  budget: {
    from: 'instance_facts f join instances i on i.id = f.instance_id',
    select:
      'i.pilot_id, count(*), sum(f.planned_cents), sum(f.spent_cents), sum(f.places), sum(f.enrolled), sum(f.completed)',
    where: 'f.planned_cents is not null',
    group: 'i.pilot_id',
  },
}
const ANY_REPORT: Aggregate = {
  from: 'instance_facts f',
  select: 'f.status, count(*)',
  group: 'f.status',
}

/** The report's aggregate with the report's machine, reach, organisation and period. */
export function reportBaseline(
  id: string,
  machine: string,
  organisations: readonly string[] | null,
  period: { van?: string | undefined; tot?: string | undefined },
): Baseline {
  const shape = REPORT_SQL[id] ?? ANY_REPORT
  const where = ['f.machine_id = ?', ...(shape.where ? [shape.where] : [])]
  const params: unknown[] = [machine]
  // Lead times count from when a part was entered; the other reports from when the instance began.
  const day =
    shape.from === PERIODS && id.startsWith('doorlooptijd') ? 'p.entered_on' : 'f.started_on'
  if (period.van) {
    where.push(`${day} >= ?`)
    params.push(period.van)
  }
  if (period.tot) {
    where.push(`${day} <= ?`)
    params.push(period.tot)
  }
  const reach = concerning(organisations)
  return {
    sql: `select ${shape.select} from ${shape.from} where ${where.join(' and ')}${reach.sql} group by ${shape.group}`,
    params: [...params, ...reach.params],
  }
}

/** The inbox's counts: instances in reach per machine, phase, whose move and status. */
export function inboxBaseline(scope: readonly string[] | null): Baseline {
  const reach = concerning(scope)
  return {
    sql: `select f.machine_id, f.phase, f.waiting_on, f.status, count(*) from instance_facts f where ${MACHINES}${reach.sql} group by f.machine_id, f.phase, f.waiting_on, f.status`,
    params: reach.params,
  }
}
