import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * Sign-in that outlives a process. `sessions` holds one row per logged-in browser, keyed by a
 * digest of its cookie (a stolen database yields no usable cookie); `login_attempts` holds an
 * OpenID Connect login between the redirect to the provider and its answer, which may reach
 * another server process; `person_identities` links a provider's subject to a person;
 * `rate_limits` shares request counts between server processes. On PostgreSQL the counts are
 * UNLOGGED: they need no crash safety and must not cost a WAL flush per request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_id', 'text', (c) => c.notNull().references('tokens.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('device', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_person').on('sessions').columns(['person_id']).execute()
  await db.schema.createIndex('sessions_token').on('sessions').columns(['token_id']).execute()
  await db.schema.createIndex('sessions_expires').on('sessions').columns(['expires_at']).execute()

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('person_identities')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_identities_pk', ['provider', 'subject'])
    .execute()
  await db.schema
    .createIndex('person_identities_person')
    .on('person_identities')
    .columns(['person_id'])
    .execute()

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create unlogged table rate_limits (
      key text primary key,
      window_start bigint not null,
      count integer not null
    )`.execute(db)
  } else {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute()
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
