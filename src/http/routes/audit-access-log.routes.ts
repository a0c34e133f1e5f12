import { createRoute, z } from '@hono/zod-openapi'
import { readAccessLog } from '../../audit/access-log.service.ts'
import type { Store } from '../../engine/store.ts'
import { readReportReads } from '../../reports/report-reads.service.ts'
import { bearer, newRouter } from '../router.ts'
import { Id, PageQuery, pageOf, problemResponses } from '../schemas.ts'

const AccessLogEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    tokenId: z.string(),
    tokenName: z.string().nullable(),
    role: z.string(),
    personId: z.string(),
    route: z.string(),
  })
  .openapi('AccessLogEntry')

const ReportRead = z
  .object({
    id: z.string(),
    at: z.string(),
    tokenId: z.string(),
    role: z.string(),
    report: z.string(),
    filters: z.record(z.string(), z.string()),
    format: z.string(),
  })
  .openapi('ReportRead')

export function auditAccessLogRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/report-reads',
        operationId: 'listReportReads',
        tags: ['Audit'],
        summary: 'Who read which report, when, with which filters (beleid included)',
        security: bearer,
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'Reads, oldest first',
            content: { 'application/json': { schema: pageOf(ReportRead, 'ReportReadPage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) => c.json(await readReportReads(store, c.var.principal, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/access-log',
        operationId: 'listAccessLog',
        tags: ['Audit'],
        summary: 'Who read whose personal data, when, through which route (a teacher: their own)',
        security: bearer,
        request: { query: PageQuery.extend({ personId: Id.optional() }) },
        responses: {
          200: {
            description: 'Entries, oldest first',
            content: { 'application/json': { schema: pageOf(AccessLogEntry, 'AccessLogPage') } },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => c.json(await readAccessLog(store, c.var.principal, c.req.valid('query')), 200),
    )
}
