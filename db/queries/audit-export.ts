import type { Db, EventRow } from '../database.ts'

/** Which events an export holds. */
export interface ExportFilter {
  /** One instance only. */
  instanceId: string | null
  /** Only instances concerning one of these organisations (null: every instance). */
  scopeOrganisationIds: readonly string[] | null
  /** recorded_at >= from (ISO). */
  from: string | null
  /** recorded_at < to (ISO). */
  to: string | null
}

/** Position after which the next page starts: keyset on the primary key (instance_id, seq). */
export interface ExportCursor {
  instanceId: string
  seq: number
}

function filtered(db: Db, filter: ExportFilter) {
  let query = db.selectFrom('events')
  if (filter.instanceId !== null) query = query.where('instance_id', '=', filter.instanceId)
  const orgs = filter.scopeOrganisationIds
  if (orgs !== null) {
    query = query.where('instance_id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', 'in', orgs.length > 0 ? orgs : ['\u0000none']),
    )
  }
  if (filter.from !== null) query = query.where('recorded_at', '>=', filter.from)
  if (filter.to !== null) query = query.where('recorded_at', '<', filter.to)
  return query
}

/** The next page of events in (instance_id, seq) order: one index range scan per page. */
export async function listExportEvents(
  db: Db,
  filter: ExportFilter,
  after: ExportCursor | null,
  limit: number,
): Promise<EventRow[]> {
  let query = filtered(db, filter).selectAll()
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('instance_id', 'seq'), '>', eb.tuple(after.instanceId, after.seq)),
    )
  }
  return query.orderBy('instance_id').orderBy('seq').limit(limit).execute()
}

export async function countExportEvents(db: Db, filter: ExportFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface HeadRow {
  id: string
  machine_id: string
  machine_version: number
  version: number
  head_hash: string
}

/** The heads of these instances, as they are now. */
export async function getHeads(db: Db, ids: readonly string[]): Promise<HeadRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('instances')
    .select(['id', 'machine_id', 'machine_version', 'version', 'head_hash'])
    .where('id', 'in', ids)
    .execute()
}

/**
 * Instances in the filter's scope without a single event. Every instance starts with one, so
 * these are damaged: the export lists their heads so that the loss shows.
 */
export async function listHeadsWithoutEvents(db: Db, filter: ExportFilter): Promise<HeadRow[]> {
  let query = db
    .selectFrom('instances')
    .select(['id', 'machine_id', 'machine_version', 'version', 'head_hash'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('events').select('seq').whereRef('events.instance_id', '=', 'instances.id'),
        ),
      ),
    )
    .orderBy('id')
  if (filter.instanceId !== null) query = query.where('id', '=', filter.instanceId)
  const orgs = filter.scopeOrganisationIds
  if (orgs !== null) {
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', 'in', orgs.length > 0 ? orgs : ['\u0000none']),
    )
  }
  return query.execute()
}
