import type { Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * The figures lists and reports read, kept beside the history: one row per instance with where it
 * stands and what it is about (`instance_facts`), and one row per stretch of time a phase or a
 * question was open (`instance_periods`). Both are written in the transaction of each event, and
 * rebuilt from the history for instances written before they existed: a cache of the chains, never
 * a source of truth. Ids and numbers only; names stay in the people table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instance_facts')
    .addColumn('instance_id', 'text', (c) => c.primaryKey().references('instances.id'))
    .addColumn('machine_id', 'text', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('waiting_on', 'text')
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('scenario', 'text')
    .addColumn('organisation_form', 'text')
    .addColumn('domain', 'text')
    .addColumn('career_path', 'text')
    .addColumn('new_role', 'text')
    .addColumn('outcome', 'text')
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('last_on', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('last_dated', 'integer', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('planned_cents', 'integer')
    .addColumn('spent_cents', 'integer')
    .addColumn('places', 'integer')
    .addColumn('enrolled', 'integer')
    .addColumn('completed', 'integer')
    .addColumn('scored', 'integer', (c) => c.notNull())
    .addColumn('score_gedeelde_ambities', 'real')
    .addColumn('score_belangen', 'real')
    .addColumn('score_relaties', 'real')
    .addColumn('score_professioneel_organiseren', 'real')
    .addColumn('score_betekenisgevend_proces', 'real')
    .execute()
  for (const [name, columns] of [
    ['instance_facts_machine_phase', ['machine_id', 'phase', 'instance_id']],
    ['instance_facts_last_on', ['machine_id', 'status', 'last_on']],
    ['instance_facts_started_on', ['machine_id', 'started_on']],
    ['instance_facts_title', ['title_key', 'instance_id']],
    // Lists sorted by a column page along these; the start page counts from the last one alone.
    ['instance_facts_sort_last', ['last_on', 'instance_id']],
    ['instance_facts_sort_started', ['started_on', 'instance_id']],
    ['instance_facts_sort_phase', ['phase', 'instance_id']],
    ['instance_facts_inbox', ['machine_id', 'phase', 'waiting_on', 'status', 'last_on']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('instance_facts')
      .columns([...columns])
      .execute()
  }

  await db.schema
    .createTable('instance_periods')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('opened_seq', 'integer', (c) => c.notNull())
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('days', 'integer')
    .addPrimaryKeyConstraint('instance_periods_pk', ['instance_id', 'part', 'opened_seq'])
    .execute()
  // Parts are named apart per machine (phases; aangevraagd and the questions), so the reports over
  // every instance of a machine read these indexes alone, without the facts.
  for (const [name, columns] of [
    ['instance_periods_part', ['part', 'days', 'instance_id']],
    ['instance_periods_entered', ['part', 'entered_on', 'days']],
    ['instance_periods_open', ['part', 'left_on', 'entered_on']],
    ['instance_periods_reached', ['part', 'instance_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('instance_periods')
      .columns([...columns])
      .execute()
  }

  // Who read which report, with which filters: reports carry no personal data, but what beleid
  // reads is on record, as every read of personal data is in the access log.
  await db.schema
    .createTable('report_reads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .execute()

  // When an auditor last took a checkpoint or verified the chains, and what the check found: the
  // auditor's "te doen" says when the next is due and which breaks are open.
  await db.schema
    .createTable('audit_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('token_id', 'text', (c) => c.notNull())
    .addColumn('instances', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('breaks', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
