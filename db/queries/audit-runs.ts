import type { Db } from '../database.ts'
import type { AuditRunTable } from '../facts-tables.ts'

export async function insertAuditRun(db: Db, row: AuditRunTable): Promise<void> {
  await db.insertInto('audit_runs').values(row).execute()
}

/** The latest run of a kind, or undefined when there was none. */
export async function latestAuditRun(db: Db, kind: AuditRunTable['kind']) {
  return db
    .selectFrom('audit_runs')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Every event of every chain: the sum of the heads (one statement over the instances). */
export async function eventsInChains(db: Db): Promise<number> {
  const row = await db
    .selectFrom('instances')
    .select((eb) => eb.fn.sum('version').as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n ?? 0)
}
