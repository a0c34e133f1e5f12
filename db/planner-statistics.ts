import { sql } from 'kysely'
import type { DbHandle } from './create-db.ts'

/** The tables lists, reports and the start page join, whose sizes the planner must know. */
const READ_TABLES = ['instance_facts', 'instance_periods', 'instance_organisations', 'instances']

/**
 * Tells the query planner how the tables have grown, so that a filtered report starts from the
 * few rows its filter leaves instead of scanning all. SQLite: `optimize` analyses only the tables
 * whose size changed much since they were last analysed (cheap when nothing did). PostgreSQL
 * keeps its own statistics; after `changed` (a catch-up that wrote many rows) they are refreshed
 * at once instead of waiting for autovacuum.
 */
export async function refreshPlannerStatistics(handle: DbHandle, changed: boolean): Promise<void> {
  if (handle.dialect === 'sqlite') {
    await sql`pragma optimize = 0x10002`.execute(handle.db)
  } else if (changed) {
    await sql`analyze ${sql.join(READ_TABLES.map((t) => sql.table(t)))}`.execute(handle.db)
  }
}
