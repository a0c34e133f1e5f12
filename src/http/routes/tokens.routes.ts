import { createRoute, z } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { createToken, listAllTokens, revokeTokenAsPrincipal } from '../../engine/tokens.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdParam, Token, TokenCreated, TokenInput, problemResponses } from '../schemas.ts'

export function tokenRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        tags: ['Beheer'],
        summary: 'Create a token (admin); the secret is shown only in this answer',
        security: bearer,
        request: {
          body: { required: true, content: { 'application/json': { schema: TokenInput } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: TokenCreated } },
          },
          ...problemResponses(400, 401, 403, 422),
        },
      }),
      async (c) => c.json(await createToken(store, c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tokens',
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
}
