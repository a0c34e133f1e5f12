import { createRoute, z } from '@hono/zod-openapi'
import { readAccessLog } from '../../audit/access-log.service.ts'
import type { Store } from '../../engine/store.ts'
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

export function auditAccessLogRoutes(store: Store) {
  return newRouter().openapi(
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
