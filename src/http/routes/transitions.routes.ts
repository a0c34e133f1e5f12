import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { idempotencyOf } from '../../engine/idempotency.ts'
import { createTransition, listVisibleTransitions } from '../../engine/transitions.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdempotencyHeaders } from '../responses.ts'
import { PageQuery, Transition, TransitionInput, pageOf, problemResponses } from '../schemas.ts'

export function transitionRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/transitions',
        operationId: 'createTransition',
        tags: ['Rolovergangen'],
        summary:
          'Open a role transition (admin, hr of the organisation, or the teacher for themself)',
        security: bearer,
        request: {
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: TransitionInput } } },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: Transition } } },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'createTransition', { body })
        return c.json(await createTransition(store, c.var.principal, body, { idempotency }), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/transitions',
        operationId: 'listTransitions',
        tags: ['Rolovergangen'],
        summary: 'List transitions in scope',
        security: bearer,
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page',
            content: { 'application/json': { schema: pageOf(Transition, 'TransitionPage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listVisibleTransitions(store, c.var.principal, c.req.valid('query')), 200),
    )
}
