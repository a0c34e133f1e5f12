import type { Db, SessionRow, Token } from '../database.ts'
import { prepared } from '../prepared.ts'

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

/** A session with its token and the token's person, as authentication needs them. */
export type SessionWithToken = SessionRow & {
  token: Token
  person_erased_at: string | null
  person_name: string | null
}

const selectSession = prepared((db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('tokens', 'tokens.id', 'sessions.token_id')
    .leftJoin('people', 'people.id', 'tokens.person_id')
    .selectAll('sessions')
    .select([
      'tokens.name as t_name',
      'tokens.digest as t_digest',
      'tokens.role as t_role',
      'tokens.person_id as t_person_id',
      'tokens.organisation_ids as t_organisation_ids',
      'tokens.created_at as t_created_at',
      'tokens.revoked_at as t_revoked_at',
      'people.erased_at as person_erased_at',
      'people.name as person_name',
    ])
    .where('sessions.id', '=', id),
)

/** The session with this id (the cookie's digest) and its token, live or not. */
export async function findSession(db: Db, id: string): Promise<SessionWithToken | undefined> {
  const row = (await selectSession(db, id)).rows[0]
  if (!row) return undefined
  const { t_name, t_digest, t_role, t_person_id, t_organisation_ids, t_created_at, t_revoked_at } =
    row
  return {
    id: row.id,
    token_id: row.token_id,
    person_id: row.person_id,
    via: row.via,
    csrf: row.csrf,
    device: row.device,
    created_at: row.created_at,
    last_seen_at: row.last_seen_at,
    expires_at: row.expires_at,
    person_erased_at: row.person_erased_at,
    person_name: row.person_name,
    token: {
      id: row.token_id,
      name: t_name,
      digest: t_digest,
      role: t_role,
      person_id: t_person_id,
      organisation_ids: t_organisation_ids,
      created_at: t_created_at,
      revoked_at: t_revoked_at,
    },
  }
}

const touch = prepared((db, id: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id),
)

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await touch(db, id, at)
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Whose sessions these are: a person's, or a token's when it names nobody. */
export type SessionOwner = { personId: string } | { tokenId: string }

function owned(db: Db, owner: SessionOwner) {
  const query = db.selectFrom('sessions')
  return 'personId' in owner
    ? query.where('person_id', '=', owner.personId)
    : query.where('token_id', '=', owner.tokenId).where('person_id', 'is', null)
}

/**
 * Holds the owner's row until the transaction ends (PostgreSQL), so that concurrent logins of
 * one person trim in turn and the cap holds exactly. SQLite's write transactions are serial.
 */
export async function lockOwner(db: Db, owner: SessionOwner): Promise<void> {
  if ('personId' in owner) {
    await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', owner.personId)
      .forUpdate()
      .execute()
  } else {
    await db.selectFrom('tokens').select('id').where('id', '=', owner.tokenId).forUpdate().execute()
  }
}

export async function listSessions(db: Db, owner: SessionOwner): Promise<SessionRow[]> {
  return owned(db, owner).selectAll().orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Ends the owner's sessions beyond the newest `keep`; returns how many ended. */
export async function trimSessions(db: Db, owner: SessionOwner, keep: number): Promise<number> {
  const surplus = await owned(db, owner)
    .select('id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(keep)
    .limit(1000)
    .execute()
  if (surplus.length === 0) return 0
  await db
    .deleteFrom('sessions')
    .where(
      'id',
      'in',
      surplus.map((s) => s.id),
    )
    .execute()
  return surplus.length
}

export async function deleteSessionsOfToken(db: Db, tokenId: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_id', '=', tokenId).execute()
}

export async function deleteSessionsOfPerson(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute()
}

/** Drops sessions past their absolute end or idle since before `idleBefore`. */
export async function deleteStaleSessions(db: Db, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .execute()
}

/** Sessions still live: before their absolute end and used since `idleBefore`. Counts only. */
export async function countLiveSessions(db: Db, now: string, idleBefore: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('expires_at', '>', now)
    .where('last_seen_at', '>=', idleBefore)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countSessions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
