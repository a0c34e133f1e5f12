import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * A pilot carries its organisation form (zelfregulerend netwerk or leiderorganisatie) and, in a
 * leiderorganisatie, the organisation that leads it. Pilots created before keep null in both:
 * their form follows from the scenario, and their lead was never recorded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pilots').addColumn('organisation_form', 'text').execute()
  await db.schema
    .alterTable('pilots')
    .addColumn('lead_organisation_id', 'text', (c) => c.references('organisations.id'))
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
