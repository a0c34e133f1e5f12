import type { AccessLogEntry, Db } from '../database.ts'
import type { PageRequest } from './page.ts'

export async function insertAccessLog(db: Db, rows: readonly AccessLogEntry[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('access_log')
    .values([...rows])
    .execute()
}

export interface AccessLogFilter {
  personId: string | null
  /** Only reads of people of these organisations (null: all). */
  organisationIds: readonly string[] | null
}

export type AccessLogRow = AccessLogEntry & { token_name: string | null }

/** Entries oldest first (ids sort by time), with the reading token's name. */
export async function listAccessLog(
  db: Db,
  filter: AccessLogFilter,
  page: PageRequest,
): Promise<AccessLogRow[]> {
  let query = db
    .selectFrom('access_log')
    .leftJoin('tokens', 'tokens.id', 'access_log.token_id')
    .selectAll('access_log')
    .select('tokens.name as token_name')
    .orderBy('access_log.id')
    .limit(page.limit)
  if (filter.personId !== null) query = query.where('access_log.person_id', '=', filter.personId)
  const orgs = filter.organisationIds
  if (orgs !== null) {
    if (orgs.length === 0) return []
    query = query.where('access_log.organisation_id', 'in', orgs)
  }
  if (page.after) query = query.where('access_log.id', '>', page.after)
  return query.execute()
}
