import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { readDocument } from '../../engine/documents/documents.service.ts'
import type { DocumentDownload } from '../../engine/documents/documents.service.ts'
import type { Store } from '../../engine/store.ts'
import { bearer, newRouter } from '../router.ts'
import { Id, problemResponses } from '../schemas.ts'

const DocumentParams = z.object({
  id: Id,
  sha256: z
    .string()
    .max(64)
    .openapi({ description: 'The SHA-256 (hex) the event recorded in `payload.document`.' }),
})

/**
 * A document as a download: its recognised type, never shown inline and never sniffed again by
 * the browser, and not kept by caches (each download is access-logged).
 */
export function documentResponse(c: Context, document: DocumentDownload): Response {
  return c.body(document.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': document.mediaType,
    'content-length': String(document.size),
    'content-disposition': `attachment; filename="${document.filename}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    etag: `"${document.sha256}"`,
  })
}

export function documentRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/instances/{id}/documents/{sha256}',
      operationId: 'getDocument',
      tags: ['Processen'],
      summary: 'Download a document attached to one of the instance’s events',
      description:
        'For whoever may read the instance, and only a document one of its events refers to (else 404). Each download is written to the access log, for each person the instance concerns.',
      security: bearer,
      request: { params: DocumentParams },
      responses: {
        200: {
          description:
            'The document, as the type its content was recognised as (Content-Disposition: attachment)',
          content: {
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id, sha256 } = c.req.valid('param')
      const document = await readDocument(store, c.var.principal, id, sha256, {
        route: `GET /api/v1/instances/${id}/documents/${sha256}`,
      })
      return documentResponse(c, document)
    },
  )
}
