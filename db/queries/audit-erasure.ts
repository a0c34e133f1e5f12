import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** Removes a person's name and e-mail from their row; the id stays, so histories still resolve. */
export async function blankPerson(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ name: null, email: null, erased_at: at })
    .where('id', '=', id)
    .execute()
}

/** Revokes the person's live tokens and blanks the names of all their tokens (often their name). */
export async function retireTokensOf(db: Db, personId: string, at: string): Promise<string[]> {
  const live = await db
    .selectFrom('tokens')
    .select('id')
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute()
  await db
    .updateTable('tokens')
    .set({ name: '(gewist)' })
    .where('person_id', '=', personId)
    .execute()
  await db
    .updateTable('tokens')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute()
  return live.map((t) => t.id)
}

/**
 * SQLite: from now on this connection overwrites deleted and changed content with zeros instead
 * of leaving it in free space. Must be on before the row is changed.
 */
export async function sqliteSecureDelete(db: Db): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db)
}

/**
 * SQLite: copies the WAL into the database file and empties it, rebuilds the file (VACUUM, so no
 * stale copy survives in free pages or page slack) and empties the WAL again. Returns whether
 * both checkpoints completed (false when another connection kept the WAL busy).
 */
export async function sqliteScrub(db: Db): Promise<boolean> {
  const first = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
  await sql`VACUUM`.execute(db)
  const second = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
  return first.rows[0]?.busy === 0 && second.rows[0]?.busy === 0
}

/** PostgreSQL: prunes the dead row versions that still hold the old values out of the tables. */
export async function postgresVacuum(db: Db): Promise<void> {
  await sql`VACUUM people`.execute(db)
  await sql`VACUUM tokens`.execute(db)
}
