import type { DbHandle } from '../../db/create-db.ts'
import { listReportReads } from '../../db/queries/reports.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { pageOf, type Page } from '../engine/paging.ts'

export interface ReportReadView {
  id: string
  at: string
  tokenId: string
  role: string
  report: string
  filters: Record<string, string>
  format: string
}

/** Who read which report when, with which filters: for beheer and auditors (no personal data). */
export async function readReportReads(
  store: DbHandle,
  principal: Principal,
  page: { limit: number; after?: string | undefined },
): Promise<Page<ReportReadView>> {
  authorizeRole(principal, 'audit.read')
  const rows = await listReportReads(store.db, page.limit + 1, page.after)
  return pageOf(
    rows,
    page.limit,
    (r) => r.id,
    (r) => ({
      id: r.id,
      at: r.at,
      tokenId: r.token_id,
      role: r.role,
      report: r.report,
      filters: JSON.parse(r.filters) as Record<string, string>,
      format: r.format,
    }),
  )
}
