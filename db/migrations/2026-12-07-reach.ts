import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen once shipped: never edit; add a new migration.

/**
 * Scoped reads as range scans. Each facts and periods row carries `reach`: the ids of the
 * organisations its instance concerns, sorted and joined by spaces. A caller's scope (a bestuur
 * and its schools) becomes the few distinct reaches that meet it, and an index that begins with
 * `reach` answers for those alone, instead of a join through `instance_organisations` per row.
 * `fact_counts` keeps how many instances stand in each (machine, reach, phase, whose move,
 * status, renewed or not), and `open_counts` how many periods of each part are open per reach,
 * in the same transaction as the facts: the start page adds up those few rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['instance_facts', 'instance_periods']) {
    await db.schema
      .alterTable(table)
      .addColumn('reach', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
  }
  // A period also carries the day its instance began, and whether it is the first time the
  // instance entered that part: the funnels count these from an index alone.
  await db.schema
    .alterTable('instance_periods')
    .addColumn('started_on', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('instance_periods')
    .addColumn('first_entry', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.dropIndex('instance_periods_reached').execute()

  await db.schema
    .createTable('fact_counts')
    .addColumn('machine_id', 'text', (c) => c.notNull())
    .addColumn('reach', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    // '' where nobody's move it is (finished): a key column is never null.
    .addColumn('waiting_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 1: a team past its first cycle.
    .addColumn('renewed', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fact_counts_pk', [
      'machine_id',
      'reach',
      'phase',
      'waiting_on',
      'status',
      'renewed',
    ])
    .execute()

  await db.schema
    .createTable('open_counts')
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('reach', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_counts_pk', ['part', 'reach'])
    .execute()
  await fillFromFacts(db)

  for (const [table, name, columns] of [
    ['instance_facts', 'instance_facts_reach', ['reach', 'machine_id', 'started_on']],
    // Outcomes per domain, career path or role: grouped from the index alone.
    [
      'instance_facts',
      'instance_facts_outcomes',
      ['machine_id', 'status', 'outcome', 'domain', 'career_path', 'new_role'],
    ],
    // The start page's newest requests, in the order it shows them.
    [
      'instance_facts',
      'instance_facts_requests',
      ['machine_id', 'phase', 'status', 'started_on', 'instance_id'],
    ],
    [
      'instance_periods',
      'instance_periods_reach',
      ['part', 'reach', 'left_on', 'entered_on', 'days'],
    ],
    ['instance_periods', 'instance_periods_first', ['part', 'first_entry', 'started_on']],
    [
      'instance_periods',
      'instance_periods_reach_first',
      ['part', 'reach', 'first_entry', 'started_on'],
    ],
    // A period's rows of one instance, read without the table (a filtered report joins by these).
    [
      'instance_periods',
      'instance_periods_instance',
      ['instance_id', 'part', 'left_on', 'entered_on', 'days'],
    ],
    // The start page counts every event of every chain: the heads, read from an index alone.
    ['instances', 'instances_version', ['version']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute()
  }
  // Running instances only: stilgevallen counted along the day or the moment of the last step
  // (whichever it counts from), and the longest quiet listed from the oldest step on.
  for (const [name, columns] of [
    ['instance_facts_quiet_on', ['machine_id', 'last_dated', 'last_on', 'reach']],
    ['instance_facts_quiet_at', ['machine_id', 'last_dated', 'last_at', 'reach']],
    ['instance_facts_quiet_list', ['last_on', 'instance_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('instance_facts')
      .columns([...columns])
      .where(sql.ref('status'), 'in', ['actief', 'gepauzeerd'])
      .execute()
  }
}

/**
 * Fills the new columns and counts from the facts and periods as they stand: what the write path
 * would have kept, had it kept them from the start (a test checks the two agree).
 */
export async function fillFromFacts(db: Kysely<any>): Promise<void> {
  const ordered = orderedAggregate(db)
  await sql`update instance_facts set reach = coalesce((select ${ordered} from instance_organisations o where o.instance_id = instance_facts.instance_id), '')`.execute(
    db,
  )
  await sql`update instance_periods set
      reach = coalesce((select f.reach from instance_facts f where f.instance_id = instance_periods.instance_id), ''),
      started_on = coalesce((select f.started_on from instance_facts f where f.instance_id = instance_periods.instance_id), ''),
      first_entry = case when opened_seq = (select min(q.opened_seq) from instance_periods q where q.instance_id = instance_periods.instance_id and q.part = instance_periods.part) then 1 else 0 end`.execute(
    db,
  )
  await sql`insert into fact_counts (machine_id, reach, phase, waiting_on, status, renewed, count)
    select machine_id, reach, phase, coalesce(waiting_on, ''), status, case when cycle > 1 then 1 else 0 end, count(*)
    from instance_facts
    group by machine_id, reach, phase, coalesce(waiting_on, ''), status, case when cycle > 1 then 1 else 0 end`.execute(
    db,
  )
  await sql`insert into open_counts (part, reach, count)
    select part, reach, count(*) from instance_periods where left_on is null group by part, reach`.execute(
    db,
  )
}

/** `group_concat`/`string_agg` of the organisation ids in id order, as this database spells it. */
function orderedAggregate(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`string_agg(o.organisation_id, ' ' order by o.organisation_id)`
    : sql`group_concat(o.organisation_id, ' ' order by o.organisation_id)`
}

export async function down(): Promise<void> {
  throw new Error('Migrations only go forward: the history is append-only.')
}
