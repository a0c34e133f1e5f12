import type { Db, Token } from '../database.ts'
import { prepared } from '../prepared.ts'

export async function insertToken(db: Db, row: Token): Promise<void> {
  await db.insertInto('tokens').values(row).execute()
}

const selectLiveToken = prepared((db, digest: string) =>
  db
    .selectFrom('tokens')
    .leftJoin('people', 'people.id', 'tokens.person_id')
    .selectAll('tokens')
    .select('people.erased_at as person_erased_at')
    .where('digest', '=', digest)
    .where('revoked_at', 'is', null),
)

/** A live token, and when its person was erased (null: not erased, or no person). */
export type LiveToken = Token & { person_erased_at: string | null }

/** The live (not revoked) token with this digest. */
export async function findLiveToken(db: Db, digest: string): Promise<LiveToken | undefined> {
  return (await selectLiveToken(db, digest)).rows[0]
}

/** Binds a token to a person (tokens made before people were bound, or a new holder). */
export async function bindToken(db: Db, id: string, personId: string): Promise<void> {
  await db.updateTable('tokens').set({ person_id: personId }).where('id', '=', id).execute()
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
