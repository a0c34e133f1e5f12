import { PostgresAdapter } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * Documents attached to events (an ontwerp, an evaluation report). The chain holds only a
 * document's SHA-256, size and media type; its bytes live here, once per hash, and
 * `instance_documents` says which instances have an event that refers to it, so that a download
 * is checked against the scope of that instance. Both rows are written in the transaction of the
 * event that brings the document, so a refused event leaves no bytes behind.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('documents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('instance_documents')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('sha256', 'text', (c) => c.notNull().references('documents.sha256'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('instance_documents_pk', ['instance_id', 'sha256'])
    .execute()
  await db.schema
    .createIndex('instance_documents_sha256')
    .on('instance_documents')
    .columns(['sha256', 'instance_id'])
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
