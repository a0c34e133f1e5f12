import { sql } from 'kysely'
import type { Db } from '../database.ts'
import {
  emptyScope,
  factsWhere,
  onlyMachines,
  type FactsFilter,
  type StalledSince,
} from './facts-filter.ts'

/** Instances in reach per machine, phase, whose move it is, status, and stilgevallen or not. */
export async function inboxCounts(db: Db, filter: FactsFilter, since: StalledSince) {
  if (emptyScope(filter)) return []
  const stalled = sql<number>`case when f.status in ('actief', 'gepauzeerd') and ((f.last_dated = 1 and f.last_on <= ${sql.lit(since.day)}) or (f.last_dated = 0 and f.last_at <= ${sql.lit(since.instant)})) then 1 else 0 end`
  const rows = await db
    .selectFrom('instance_facts as f')
    .select([
      'f.machine_id',
      'f.phase',
      'f.waiting_on',
      'f.status',
      stalled.as('stalled'),
      (eb) => eb.fn.countAll().as('count'),
    ])
    .where((eb) => factsWhere(eb, filter))
    .groupBy(['f.machine_id', 'f.phase', 'f.waiting_on', 'f.status', stalled])
    .execute()
  return rows.map((r) => ({
    machine: r.machine_id,
    phase: r.phase,
    waitingOn: r.waiting_on,
    status: r.status,
    stalled: Number(r.stalled) === 1,
    count: Number(r.count),
  }))
}

/**
 * Questions open now in transitions in reach, per question (only a running transition has an
 * open one).
 */
export async function openQuestions(db: Db, filter: FactsFilter, questions: readonly string[]) {
  if (emptyScope(filter)) return []
  let query = db
    .selectFrom('instance_periods as p')
    .select(['p.part', (eb) => eb.fn.countAll().as('count')])
    .where('p.part', 'in', questions)
    .where('p.left_on', 'is', null)
    .groupBy('p.part')
  if (!onlyMachines(filter)) {
    query = query.where('p.instance_id', 'in', (eb) =>
      eb
        .selectFrom('instance_facts as f')
        .select('f.instance_id')
        .where((w) => factsWhere(w, filter)),
    )
  }
  const rows = await query.execute()
  return rows.map((r) => ({ part: r.part, count: Number(r.count) }))
}
