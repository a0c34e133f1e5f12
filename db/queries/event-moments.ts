import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** The dates of one event, as the moments of an instance need them. */
export interface EventMomentRow {
  instance_id: string
  /** 'first' for event 1, 'last' for the latest event not of a skipped type. */
  which: 'first' | 'last'
  seq: number
  type: string
  recorded_at: string
  effective_date: string | null
}

/** Bound parameters per statement stay far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500

/**
 * The first event and the latest event whose type is not in `skipTypes` of every instance in
 * `instanceIds`: one statement per 500 instances, each row found through the events' primary key
 * (the latest by walking an instance's events backwards from its head).
 */
export async function firstAndLastEvents(
  db: Db,
  instanceIds: readonly string[],
  skipTypes: readonly string[],
): Promise<EventMomentRow[]> {
  const out: EventMomentRow[] = []
  const ids = [...new Set(instanceIds)]
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...(await chunkOf(db, ids.slice(i, i + CHUNK), skipTypes)))
  }
  return out
}

async function chunkOf(
  db: Db,
  ids: string[],
  skipTypes: readonly string[],
): Promise<EventMomentRow[]> {
  const columns = ['e.instance_id', 'e.seq', 'e.type', 'e.recorded_at', 'e.effective_date'] as const
  const first = db
    .selectFrom('events as e')
    .select(columns)
    .select(sql<string>`'first'`.as('which'))
    .where('e.instance_id', 'in', ids)
    .where('e.seq', '=', 1)
  const last = db
    .selectFrom('instances as i')
    .innerJoin('events as e', (join) =>
      join.onRef('e.instance_id', '=', 'i.id').on('e.seq', '=', (eb) => {
        let latest = eb
          .selectFrom('events as l')
          .select('l.seq')
          .whereRef('l.instance_id', '=', 'i.id')
          .orderBy('l.seq', 'desc')
          .limit(1)
        if (skipTypes.length > 0) latest = latest.where('l.type', 'not in', skipTypes)
        return latest
      }),
    )
    .select(columns)
    .select(sql<string>`'last'`.as('which'))
    .where('i.id', 'in', ids)
  const rows = await first.unionAll(last).execute()
  return rows.map((r) => ({
    instance_id: r.instance_id,
    which: r.which === 'first' ? 'first' : 'last',
    seq: Number(r.seq),
    type: r.type,
    recorded_at: r.recorded_at,
    effective_date: r.effective_date,
  }))
}
