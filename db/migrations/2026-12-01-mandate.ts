import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * People act for organisations. A person gets affiliations (werkzaam bij, with an optional
 * function title); an organisation may belong to a bestuur; an event names the person and the
 * organisation it was done for, in event format 2. Events already stored keep format 1: their
 * hashes cover exactly the fields they had, so nothing stored is rewritten.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('affiliations')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('function_title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('affiliations_pk', ['person_id', 'organisation_id'])
    .execute()
  await db.schema
    .createIndex('affiliations_organisation')
    .on('affiliations')
    .columns(['organisation_id', 'person_id'])
    .execute()
  // Everyone was werkzaam bij the one organisation they were created with.
  await db
    .insertInto('affiliations')
    .columns(['person_id', 'organisation_id', 'function_title', 'created_at'])
    .expression((eb) =>
      eb.selectFrom('people').select(['id', 'organisation_id', eb.val(null).as('f'), 'created_at']),
    )
    .execute()

  await db.schema
    .alterTable('organisations')
    .addColumn('parent_id', 'text', (c) => c.references('organisations.id'))
    .execute()

  // Adding a column with a constant default rewrites no row (and fires no trigger) on either
  // database: the append-only history stays untouched.
  await db.schema
    .alterTable('events')
    .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('events').addColumn('actor_person_id', 'text').execute()
  await db.schema.alterTable('events').addColumn('actor_organisation_id', 'text').execute()
  await db.schema
    .createIndex('events_actor_person')
    .on('events')
    .columns(['actor_person_id'])
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
