import type { EventRow } from '../../db/database.ts'
import {
  countExportEvents,
  getHeads,
  listExportEvents,
  listHeadsWithoutEvents,
} from '../../db/queries/audit-export.ts'
import type { ExportCursor, ExportFilter, HeadRow } from '../../db/queries/audit-export.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { listScope } from '../engine/paging.ts'
import { loadVisibleInstance } from '../engine/read-instances.ts'
import type { Store } from '../engine/store.ts'
import {
  EXPORT_FORMAT,
  csvHeaderRow,
  csvLine,
  eventRecord,
  ndjsonLine,
} from '../verifier/export-format.ts'
import type { ExportHeader, ExportRecord, HeadRecord } from '../verifier/export-format.ts'
import { documentOf } from '../verifier/documents-check.ts'
import { Slices } from '../workers/slices.ts'

export type ExportFormat = 'ndjson' | 'csv'

export interface ExportQuery {
  format: ExportFormat
  instanceId?: string | undefined
  /** ISO instants; `from` inclusive, `to` exclusive, on recordedAt. */
  from?: string | undefined
  to?: string | undefined
}

export interface PreparedExport {
  header: ExportHeader
  contentType: string
  filename: string
  /** How many events the export will hold at most (for progress). */
  count(): Promise<number>
  /** The export as text chunks, one page of events each: memory stays flat. */
  chunks(onEvents?: (done: number) => void): AsyncGenerator<string>
  /**
   * The SHA-256 of every document the exported events refer to (complete once `chunks` has
   * ended): the files an auditor needs beside the export (see export-documents.ts).
   */
  documents(): string[]
}

const headRecord = (h: HeadRow): HeadRecord => ({
  kind: 'head',
  instanceId: h.id,
  machineId: h.machine_id,
  machineVersion: h.machine_version,
  version: h.version,
  headHash: h.head_hash,
})

/** Events per page: one index range scan each, ~0.5 MB of text. */
const PAGE = 1000

/**
 * Checks access and builds an export of the events in the principal's scope: NDJSON or CSV,
 * every field needed to recompute every hash, a head record before each instance's events, an
 * end record with the counts. Each instance's events stop at the head read when the instance was
 * first met, so an instance is always a whole prefix of its chain even while writes go on.
 */
export async function prepareExport(
  store: Store,
  principal: Principal,
  query: ExportQuery,
): Promise<PreparedExport> {
  const rule = authorizeRole(principal, 'audit.export')
  if (query.instanceId) await loadVisibleInstance(store, principal, query.instanceId)
  const { scopeOrganisationIds } = listScope(principal, rule)
  const filter: ExportFilter = {
    instanceId: query.instanceId ?? null,
    scopeOrganisationIds,
    from: query.from ? new Date(query.from).toISOString() : null,
    to: query.to ? new Date(query.to).toISOString() : null,
  }
  const header: ExportHeader = {
    kind: 'export',
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    filter: { instanceId: filter.instanceId, from: filter.from, to: filter.to },
    scope: scopeOrganisationIds === null ? 'all' : { organisationIds: [...scopeOrganisationIds] },
  }
  const csv = query.format === 'csv'
  const line = (record: ExportRecord, row?: EventRow) =>
    csv ? csvLine(record, row) : ndjsonLine(record)
  const documents = new Set<string>()
  return {
    header,
    contentType: csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    filename: `doorlopend-export-${header.exportedAt.slice(0, 10)}.${csv ? 'csv' : 'ndjson'}`,
    count: () => countExportEvents(store.db, filter),
    async *chunks(onEvents) {
      yield (csv ? csvHeaderRow() : '') + line(header)
      let cursor: ExportCursor | null = null
      let head: HeadRow | undefined
      let events = 0
      let instances = 0
      const slices = new Slices()
      for (;;) {
        // A client that reads fast pulls page after page without a gap: the others get a turn.
        await slices.pause()
        const rows = await listExportEvents(store.db, filter, cursor, PAGE)
        const fresh = [...new Set(rows.map((r) => r.instance_id))].filter((id) => id !== head?.id)
        const heads = new Map((await getHeads(store.db, fresh)).map((h) => [h.id, h]))
        let text = ''
        for (const row of rows) {
          if (slices.due) await slices.pause()
          if (row.instance_id !== head?.id) {
            // An instance whose row is gone gets no head record: the verifier reports its events.
            head = heads.get(row.instance_id) ?? {
              id: row.instance_id,
              machine_id: '',
              machine_version: 0,
              version: -1,
              head_hash: '',
            }
            if (head.version >= 0) {
              instances++
              text += line(headRecord(head))
            }
          }
          // Appended after its head was read: left for the next export.
          if (head.version >= 0 && row.seq > head.version) continue
          events++
          const record = eventRecord(row)
          const document = documentOf(record.payload)
          if (document) documents.add(document.sha256)
          text += line(record, row)
        }
        if (text) yield text
        onEvents?.(events)
        const last = rows[rows.length - 1]
        if (!last || rows.length < PAGE) break
        cursor = { instanceId: last.instance_id, seq: last.seq }
      }
      if (filter.from === null && filter.to === null) {
        let text = ''
        for (const h of await listHeadsWithoutEvents(store.db, filter)) {
          instances++
          text += line(headRecord(h))
        }
        if (text) yield text
      }
      yield line({ kind: 'end', events, instances })
    },
    documents: () => [...documents],
  }
}
