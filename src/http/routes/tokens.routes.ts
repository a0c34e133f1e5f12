import { createRoute, z } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import {
  bindTokenToPerson,
  createToken,
  listAllTokens,
  revokeTokenAsPrincipal,
} from '../../engine/tokens.service.ts'
import { idempotencyOf } from '../../engine/idempotency.ts'
import { newRouter, bearer } from '../router.ts'
import { IdempotencyHeaders } from '../responses.ts'
import {
  IdParam,
  Token,
  TokenBinding,
  TokenCreated,
  TokenInput,
  problemResponses,
} from '../schemas.ts'

export function tokenRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        operationId: 'createToken',
        tags: ['Beheer'],
        summary: 'Create a token (admin); the secret is shown only in this answer',
        description:
          'The secret is never stored. A retry with the same Idempotency-Key creates no second token and shows no secret: it is refused with 409 and the `tokenId` of the token the first request created.',
        security: bearer,
        request: {
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: TokenInput } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: TokenCreated } },
          },
          ...problemResponses(400, 401, 403, 409, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'createToken', { body })
        return c.json(await createToken(store, c.var.principal, body, { idempotency }), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tokens',
        operationId: 'listTokens',
        tags: ['Beheer'],
        summary: 'List tokens, without their secrets (admin)',
        security: bearer,
        responses: {
          200: {
            description: 'Tokens',
            content: { 'application/json': { schema: z.object({ items: z.array(Token) }) } },
          },
          ...problemResponses(401, 403),
        },
      }),
      async (c) => c.json({ items: await listAllTokens(store, c.var.principal) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/tokens/{id}',
        operationId: 'revokeToken',
        tags: ['Beheer'],
        summary: 'Revoke a token (admin); it stops working at once',
        security: bearer,
        request: { params: IdParam },
        responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await revokeTokenAsPrincipal(store, c.var.principal, c.req.valid('param').id)
        return c.body(null, 204)
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/tokens/{id}/person',
        operationId: 'bindTokenToPerson',
        tags: ['Beheer'],
        summary: 'Bind a token to the person who uses it (admin); its acts then name that person',
        security: bearer,
        request: {
          params: IdParam,
          body: { required: true, content: { 'application/json': { schema: TokenBinding } } },
        },
        responses: {
          200: { description: 'Bound', content: { 'application/json': { schema: Token } } },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) =>
        c.json(
          await bindTokenToPerson(
            store,
            c.var.principal,
            c.req.valid('param').id,
            c.req.valid('json').personId,
          ),
          200,
        ),
    )
}
