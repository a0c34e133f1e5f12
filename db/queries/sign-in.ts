import { sql } from 'kysely'
import type { Db, LoginAttempt, Person, Token } from '../database.ts'

export async function insertLoginAttempt(db: Db, row: LoginAttempt): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('login_attempts').where('expires_at', '<=', row.created_at).execute()
    await tx.insertInto('login_attempts').values(row).execute()
  })
}

/** Takes an attempt out: it can be answered once, by one server process. */
export async function takeLoginAttempt(db: Db, id: string): Promise<LoginAttempt | undefined> {
  return db.deleteFrom('login_attempts').where('id', '=', id).returningAll().executeTakeFirst()
}

/** People (not erased) with this e-mail address, compared without case. */
export async function peopleWithEmail(db: Db, email: string): Promise<Person[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('erased_at', 'is', null)
    .limit(2)
    .execute()
}

export async function personOfIdentity(
  db: Db,
  provider: string,
  subject: string,
): Promise<Person | undefined> {
  return db
    .selectFrom('person_identities')
    .innerJoin('people', 'people.id', 'person_identities.person_id')
    .selectAll('people')
    .where('person_identities.provider', '=', provider)
    .where('person_identities.subject', '=', subject)
    .executeTakeFirst()
}

export async function insertIdentity(
  db: Db,
  row: { provider: string; subject: string; person_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('person_identities').values(row).execute()
}

export async function deleteIdentitiesOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('person_identities').where('person_id', '=', personId).execute()
}

export async function identitiesOf(
  db: Db,
  personId: string,
): Promise<{ provider: string; subject: string; created_at: string }[]> {
  return db
    .selectFrom('person_identities')
    .select(['provider', 'subject', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('provider')
    .orderBy('subject')
    .execute()
}

/** The person's live tokens, newest first: what they may sign in as. */
export async function liveTokensOf(db: Db, personId: string): Promise<Token[]> {
  return db
    .selectFrom('tokens')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}
