import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * Process definitions get versions. An event of format 3 records the machine version it was
 * applied under (`events.machine_version`, covered by its hash); events already stored keep their
 * format and were all applied under version 1. `kept_snapshots` holds resolved snapshots every so
 * many events, so that the state as of a date is replayed from the nearest one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A nullable column without a default rewrites no row: the append-only history stays untouched.
  await db.schema.alterTable('events').addColumn('machine_version', 'integer').execute()

  await db.schema
    .createTable('kept_snapshots')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('event_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kept_snapshots_pk', ['instance_id', 'seq'])
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
