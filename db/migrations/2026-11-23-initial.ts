import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute()

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('organisation_ids', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute()

  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('machine_id', 'text', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('pilot_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('instances_machine')
    .on('instances')
    .columns(['machine_id', 'id'])
    .execute()
  await db.schema.createIndex('instances_pilot').on('instances').column('pilot_id').execute()
  await db.schema.createIndex('instances_person').on('instances').column('person_id').execute()

  await db.schema
    .createTable('instance_organisations')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('instance_organisations_pk', ['instance_id', 'organisation_id'])
    .execute()
  await db.schema
    .createIndex('instance_organisations_org')
    .on('instance_organisations')
    .columns(['organisation_id', 'instance_id'])
    .execute()

  // Who an instance concerns (team members, the teacher of a transition): scope checks and lists.
  await db.schema
    .createTable('instance_people')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('instance_people_pk', ['instance_id', 'person_id'])
    .execute()
  await db.schema
    .createIndex('instance_people_person')
    .on('instance_people')
    .columns(['person_id', 'instance_id'])
    .execute()

  await db.schema
    .createTable('events')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_token_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text')
    .addColumn('state_before', 'text')
    .addColumn('state_after', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['instance_id', 'seq'])
    .execute()
  await db.schema.createIndex('events_recorded').on('events').columns(['recorded_at']).execute()

  await db.schema
    .createTable('pilots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('organisation_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().unique().references('instances.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('new_role', 'text', (c) => c.notNull())
    .addColumn('current_role', 'text')
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('career_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['token_id', 'key'])
    .execute()

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  // The history is append-only: no code path may change or remove an event.
  if (postgres) {
    await sql`
      CREATE FUNCTION events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
      END
      $$ LANGUAGE plpgsql`.execute(db)
    await sql`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`.execute(db)
    await sql`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`.execute(db)
  } else {
    await sql`
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END`.execute(db)
    await sql`
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('The initial migration cannot be undone: the history is append-only.')
}
