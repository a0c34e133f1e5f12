import type { Db, Token } from '../database.ts'
import { prepared } from '../prepared.ts'

export async function insertToken(db: Db, row: Token): Promise<void> {
  await db.insertInto('tokens').values(row).execute()
}

const selectLiveToken = prepared((db, digest: string) =>
  db.selectFrom('tokens').selectAll().where('digest', '=', digest).where('revoked_at', 'is', null),
)

/** The live (not revoked) token with this digest. */
export async function findLiveToken(db: Db, digest: string): Promise<Token | undefined> {
  return (await selectLiveToken(db, digest)).rows[0]
}

export async function getToken(db: Db, id: string): Promise<Token | undefined> {
  return db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listTokens(db: Db): Promise<Token[]> {
  return db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id').execute()
}

export async function revokeToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('tokens').set({ revoked_at: at }).where('id', '=', id).execute()
}
