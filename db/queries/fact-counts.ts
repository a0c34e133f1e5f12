import type { Db } from '../database.ts'
import type { InstanceFactsTable } from '../facts-tables.ts'

// The counts of instances per (machine, reach, phase, whose move, status), moved in the same
// transaction as the facts row they count.

/** What a facts row is counted by. */
export type CountKey = Pick<
  InstanceFactsTable,
  'machine_id' | 'reach' | 'phase' | 'waiting_on' | 'status' | 'cycle'
>

const renewedOf = (k: CountKey) => (k.cycle > 1 ? 1 : 0)

const keyText = (k: CountKey) =>
  [k.machine_id, k.reach, k.phase, k.waiting_on ?? '', k.status, renewedOf(k)].join('\u0000')

async function addCount(db: Db, key: CountKey, delta: number): Promise<void> {
  await db
    .insertInto('fact_counts')
    .values({
      machine_id: key.machine_id,
      reach: key.reach,
      phase: key.phase,
      waiting_on: key.waiting_on ?? '',
      status: key.status,
      renewed: renewedOf(key),
      count: delta,
    })
    .onConflict((oc) =>
      oc
        .columns(['machine_id', 'reach', 'phase', 'waiting_on', 'status', 'renewed'])
        .doUpdateSet((eb) => ({ count: eb('fact_counts.count', '+', delta) })),
    )
    .execute()
}

/**
 * Moves one instance from the count of `before` to that of `after` (either null: it appears or
 * goes). The two rows are touched in key order, so that two writers on PostgreSQL moving
 * instances between the same two counts never wait on each other in a circle.
 */
export async function moveCount(
  db: Db,
  before: CountKey | null,
  after: CountKey | null,
): Promise<void> {
  if (before && after && keyText(before) === keyText(after)) return
  const changes: [CountKey, number][] = []
  if (before) changes.push([before, -1])
  if (after) changes.push([after, 1])
  changes.sort(([a], [b]) => (keyText(a) < keyText(b) ? -1 : 1))
  for (const [key, delta] of changes) await addCount(db, key, delta)
}

/** The distinct reaches of instances of these machines: what a scope is resolved against. */
export async function knownReaches(db: Db, machineIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('fact_counts')
    .select('reach')
    .distinct()
    .where('machine_id', 'in', machineIds)
    .where('count', '>', 0)
    .execute()
  return rows.map((r) => r.reach)
}

/** The kept counts of these machines (within `reaches` when given), summed per key but the reach. */
export async function keptCounts(
  db: Db,
  machineIds: readonly string[],
  reaches: readonly string[] | undefined,
) {
  let query = db
    .selectFrom('fact_counts as c')
    .select(['c.machine_id', 'c.phase', 'c.waiting_on', 'c.status', 'c.renewed'])
    .select((eb) => eb.fn.sum<number>('c.count').as('count'))
    .where('c.machine_id', 'in', machineIds)
    .groupBy(['c.machine_id', 'c.phase', 'c.waiting_on', 'c.status', 'c.renewed'])
  if (reaches) query = query.where('c.reach', 'in', reaches)
  const rows = await query.execute()
  return rows
    .map((r) => ({
      machine: r.machine_id,
      phase: r.phase,
      waitingOn: r.waiting_on === '' ? null : r.waiting_on,
      status: r.status,
      renewed: Number(r.renewed) === 1,
      count: Number(r.count),
    }))
    .filter((r) => r.count > 0)
}

export interface OpenCountChange {
  part: string
  reach: string
  delta: number
}

/** Moves the counts of open periods, touching the rows in (part, reach) order (see moveCount). */
export async function moveOpenCounts(db: Db, changes: readonly OpenCountChange[]): Promise<void> {
  const delta = new Map<string, OpenCountChange>()
  for (const c of changes) {
    const key = `${c.part}\u0000${c.reach}`
    delta.set(key, { ...c, delta: (delta.get(key)?.delta ?? 0) + c.delta })
  }
  for (const key of [...delta.keys()].sort()) {
    const { part, reach, delta: by } = delta.get(key) as OpenCountChange
    if (by === 0) continue
    await db
      .insertInto('open_counts')
      .values({ part, reach, count: by })
      .onConflict((oc) =>
        oc
          .columns(['part', 'reach'])
          .doUpdateSet((eb) => ({ count: eb('open_counts.count', '+', by) })),
      )
      .execute()
  }
}

/** Periods open now per part (within `reaches` when given). */
export async function openCounts(
  db: Db,
  parts: readonly string[],
  reaches: readonly string[] | undefined,
) {
  let query = db
    .selectFrom('open_counts')
    .select('part')
    .select((eb) => eb.fn.sum<number>('count').as('count'))
    .where('part', 'in', parts)
    .groupBy('part')
  if (reaches) query = query.where('reach', 'in', reaches)
  const rows = await query.execute()
  return rows.map((r) => ({ part: r.part, count: Number(r.count) })).filter((r) => r.count > 0)
}
