import type { Db, EventRow, NewEventRow } from '../database.ts'
import { prepared } from '../prepared.ts'

const insertEventRow = prepared((db, row: NewEventRow) => db.insertInto('events').values(row))

export async function insertEvent(db: Db, row: NewEventRow): Promise<void> {
  await insertEventRow(db, row)
}

/** Events of one instance, oldest first, with seq > after. */
export async function listEvents(
  db: Db,
  instanceId: string,
  page: { after: number; limit: number },
): Promise<EventRow[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('seq', '>', page.after)
    .orderBy('seq')
    .limit(page.limit)
    .execute()
}

export async function countEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
