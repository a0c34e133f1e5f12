import type { Insertable, Selectable } from 'kysely'
import type { Db, KeptSnapshotTable } from '../database.ts'
import { prepared } from '../prepared.ts'

/**
 * Every how many events a resolved snapshot is kept: time travel then replays at most
 * KEEP_EVERY − 1 events on top of one, however long the history.
 */
export const KEEP_EVERY = 100

export type KeptSnapshot = Selectable<KeptSnapshotTable>
export type NewKeptSnapshot = Insertable<KeptSnapshotTable>

/** Whether the snapshot after event `seq` is one to keep. */
export function isKeptSeq(seq: number): boolean {
  return seq > 0 && seq % KEEP_EVERY === 0
}

const insertOne = prepared((db, row: NewKeptSnapshot) =>
  db
    .insertInto('kept_snapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['instance_id', 'seq']).doNothing()),
)

/**
 * Keeps one snapshot; a row already kept for that seq stays. The write path calls this in the
 * transaction of the event, so a kept snapshot never outlives a rolled-back event.
 */
export async function insertKeptSnapshot(db: Db, row: NewKeptSnapshot): Promise<void> {
  await insertOne(db, row)
}

/**
 * Keeps snapshots that a replay worked out for a history written before snapshots were kept. Two
 * readers may fill the same seq at once; the second insert does nothing.
 */
export async function insertKeptSnapshots(db: Db, rows: readonly NewKeptSnapshot[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('kept_snapshots')
    .values([...rows])
    .onConflict((oc) => oc.columns(['instance_id', 'seq']).doNothing())
    .execute()
}

const selectLatest = prepared((db, instanceId: string, atMost: number) =>
  db
    .selectFrom('kept_snapshots as k')
    // A kept snapshot counts only while the history still has the event it was taken after.
    .innerJoin('events as e', (join) =>
      join
        .onRef('e.instance_id', '=', 'k.instance_id')
        .onRef('e.seq', '=', 'k.seq')
        .onRef('e.hash', '=', 'k.event_hash'),
    )
    .select(['k.instance_id', 'k.seq', 'k.machine_version', 'k.snapshot', 'k.event_hash'])
    .where('k.instance_id', '=', instanceId)
    .where('k.seq', '<=', atMost)
    .orderBy('k.seq', 'desc')
    .limit(1),
)

/**
 * The kept snapshot with the greatest seq ≤ atMost whose event hash is still the stored event's
 * hash at that seq, or undefined.
 */
export async function latestKeptSnapshot(
  db: Db,
  instanceId: string,
  atMost: number,
): Promise<KeptSnapshot | undefined> {
  const [row] = (await selectLatest(db, instanceId, atMost)).rows
  return row ? { ...row, seq: Number(row.seq), machine_version: Number(row.machine_version) } : row
}

/** The kept snapshots of an instance, oldest first (for tests and checks). */
export async function listKeptSnapshots(db: Db, instanceId: string): Promise<KeptSnapshot[]> {
  const rows = await db
    .selectFrom('kept_snapshots')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ ...r, seq: Number(r.seq), machine_version: Number(r.machine_version) }))
}
