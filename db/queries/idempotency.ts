import type { Db, IdempotencyRecord } from '../database.ts'

export async function findIdempotencyRecord(
  db: Db,
  tokenId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('token_id', '=', tokenId)
    .where('key', '=', key)
    .executeTakeFirst()
}

export async function insertIdempotencyRecord(db: Db, row: IdempotencyRecord): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute()
}
