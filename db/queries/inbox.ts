import type { Db } from '../database.ts'
import { keptCounts, openCounts } from './fact-counts.ts'
import {
  emptyScope,
  factsWhere,
  onlyReach,
  reachCheck,
  reachWhere,
  RUNNING_FACTS,
  type FactsFilter,
  type StalledSince,
} from './facts-filter.ts'

export interface InboxCounts {
  /** Instances in reach per machine, phase, whose move it is and status. */
  standing: {
    machine: string
    phase: string
    waitingOn: string | null
    status: string
    count: number
  }[]
  /** Running instances stilgevallen as of the given moment, per machine. */
  stalled: { machine: string; count: number }[]
}

/**
 * What the start page counts. A filter of machines and reach alone adds up the kept counts (a few
 * rows per reach) and counts the stilgevallen ones along their own index; any other filter reads
 * the facts it leaves.
 */
export async function inboxCounts(
  db: Db,
  filter: FactsFilter,
  since: StalledSince,
): Promise<InboxCounts> {
  if (emptyScope(filter)) return { standing: [], stalled: [] }
  const kept = onlyReach(filter)
  const [standing, stalled] = await Promise.all([
    kept ? keptCounts(db, filter.machineIds, filter.reaches) : factCounts(db, filter),
    stalledCounts(db, filter, since, kept),
  ])
  return { standing, stalled }
}

async function factCounts(db: Db, filter: FactsFilter): Promise<InboxCounts['standing']> {
  const rows = await db
    .selectFrom('instance_facts as f')
    .select(['f.machine_id', 'f.phase', 'f.waiting_on', 'f.status'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where((eb) => factsWhere(eb, filter))
    .groupBy(['f.machine_id', 'f.phase', 'f.waiting_on', 'f.status'])
    .execute()
  return rows.map((r) => ({
    machine: r.machine_id,
    phase: r.phase,
    waitingOn: r.waiting_on,
    status: r.status,
    count: Number(r.count),
  }))
}

/**
 * Stilgevallen per machine: running, with a last step on or before `since` (see StalledSince),
 * counted along the running instances' own indexes, once per way the last step counts.
 */
async function stalledCounts(
  db: Db,
  filter: FactsFilter,
  since: StalledSince,
  kept: boolean,
): Promise<InboxCounts['stalled']> {
  const counted = new Map<string, number>()
  for (const dated of [1, 0] as const) {
    let query = db
      .selectFrom('instance_facts as f')
      .select('f.machine_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('f.machine_id', 'in', filter.machineIds)
      .where(RUNNING_FACTS)
      .where('f.last_dated', '=', dated)
      .where(dated ? 'f.last_on' : 'f.last_at', '<=', dated ? since.day : since.instant)
      .groupBy('f.machine_id')
    if (!kept) query = query.where((eb) => factsWhere(eb, filter))
    else if (filter.reaches) {
      const reaches = filter.reaches
      query = query.where((eb) => reachWhere(eb, reaches, reachCheck(db)))
    }
    for (const r of await query.execute()) {
      counted.set(r.machine_id, (counted.get(r.machine_id) ?? 0) + Number(r.count))
    }
  }
  return [...counted].map(([machine, count]) => ({ machine, count }))
}

/**
 * Questions open now in transitions in reach, per question (only a running transition has an
 * open one).
 */
export async function openQuestions(db: Db, filter: FactsFilter, questions: readonly string[]) {
  if (emptyScope(filter)) return []
  if (onlyReach(filter)) return openCounts(db, questions, filter.reaches)
  const rows = await db
    .selectFrom('instance_periods as p')
    .select(['p.part', (eb) => eb.fn.countAll().as('count')])
    .where('p.part', 'in', questions)
    .where('p.left_on', 'is', null)
    .where('p.instance_id', 'in', (eb) =>
      eb
        .selectFrom('instance_facts as f')
        .select('f.instance_id')
        .where((w) => factsWhere(w, filter)),
    )
    .groupBy('p.part')
    .execute()
  return rows.map((r) => ({ part: r.part, count: Number(r.count) }))
}
