import type { Db, EventRow, NewEventRow } from '../database.ts'
import { prepared } from '../prepared.ts'

const insertEventRow = prepared((db, row: NewEventRow) => db.insertInto('events').values(row))

export async function insertEvent(db: Db, row: NewEventRow): Promise<void> {
  await insertEventRow(db, row)
}

const selectEvents = prepared((db, instanceId: string, after: number, limit: number) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit),
)

/** Events of one instance, oldest first, with seq > after. */
export async function listEvents(
  db: Db,
  instanceId: string,
  page: { after: number; limit: number },
): Promise<EventRow[]> {
  return (await selectEvents(db, instanceId, page.after, page.limit)).rows
}

export async function countEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
