import { createRoute, z } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { verifyForPrincipal } from '../../engine/audit.service.ts'
import { newRouter, bearer } from '../router.ts'
import { Id, VerifyReport, problemResponses } from '../schemas.ts'

export function auditRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/audit/verify',
      operationId: 'verifyAudit',
      tags: ['Audit'],
      summary: 'Recompute every hash from the stored fields and report each break',
      security: bearer,
      request: { query: z.object({ instanceId: Id.optional() }) },
      responses: {
        200: {
          description: 'The report',
          content: { 'application/json': { schema: VerifyReport } },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) =>
      c.json(
        await verifyForPrincipal(store, c.var.principal, c.req.valid('query').instanceId),
        200,
      ),
  )
}
