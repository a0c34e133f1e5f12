import type { Db, EventRow } from '../database.ts'

export interface InstanceHead {
  id: string
  version: number
  head_hash: string
}

/** Every instance's head, read in one statement so that together they are one consistent state. */
export async function listAllHeads(db: Db): Promise<InstanceHead[]> {
  return db.selectFrom('instances').select(['id', 'version', 'head_hash']).execute()
}

/** One stored event, or undefined. */
export async function getEventAt(
  db: Db,
  instanceId: string,
  seq: number,
): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('seq', '=', seq)
    .executeTakeFirst()
}
