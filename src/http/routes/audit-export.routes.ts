import { createRoute, z } from '@hono/zod-openapi'
import { prepareExport } from '../../audit/export.service.ts'
import type { Store } from '../../engine/store.ts'
import { bearer, newRouter } from '../router.ts'
import { Id, problemResponses } from '../schemas.ts'

const ExportQuery = z.object({
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
  instanceId: Id.optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'recordedAt ≥ from' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'recordedAt < to' }),
})

/** Pulls one chunk at a time: the next page is read only when the client has taken the last. */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      async cancel() {
        await chunks.return(undefined)
      },
    },
    { highWaterMark: 1 },
  )
}

export function auditExportRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/audit/export',
      operationId: 'exportAudit',
      tags: ['Audit'],
      summary:
        'Export the events in scope (NDJSON or CSV), streamed, with every field of every hash',
      description:
        'Records: one `export` record, per instance a `head` record and its events, one `end` record with the counts. Verify offline with `npx doorlopend verify-export`.',
      security: bearer,
      request: { query: ExportQuery },
      responses: {
        200: {
          description: 'The export',
          content: {
            'application/x-ndjson': { schema: z.string() },
            'text/csv': { schema: z.string() },
          },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const prepared = await prepareExport(store, c.var.principal, c.req.valid('query'))
      return c.body(streamOf(prepared.chunks()), 200, {
        'content-type': prepared.contentType,
        'content-disposition': `attachment; filename="${prepared.filename}"`,
        'cache-control': 'no-store',
      })
    },
  )
}
