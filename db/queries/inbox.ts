import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { emptyScope, factsWhere, type FactsFilter } from './facts-filter.ts'

/** Instances in reach per machine, phase, whose move it is, status, and stilgevallen or not. */
export async function inboxCounts(db: Db, filter: FactsFilter, stalledOn: string) {
  if (emptyScope(filter)) return []
  const stalled = sql<number>`case when f.status in ('actief', 'gepauzeerd') and f.last_on <= ${sql.lit(stalledOn)} then 1 else 0 end`
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

/** Questions open now in running transitions in reach, per question. */
export async function openQuestions(db: Db, filter: FactsFilter) {
  if (emptyScope(filter)) return []
  const rows = await db
    .selectFrom('instance_periods as p')
    .innerJoin('instance_facts as f', 'f.instance_id', 'p.instance_id')
    .select(['p.part', (eb) => eb.fn.countAll().as('count')])
    .where('p.left_on', 'is', null)
    .where('f.status', '=', 'actief')
    .where((eb) => factsWhere(eb, filter))
    .groupBy('p.part')
    .execute()
  return rows.map((r) => ({ part: r.part, count: Number(r.count) }))
}
