import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { idempotencyOf } from '../../engine/idempotency.ts'
import { createPilot, listVisiblePilots, readPilot } from '../../engine/pilots.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdempotencyHeaders } from '../responses.ts'
import { IdParam, PageQuery, Pilot, PilotInput, pageOf, problemResponses } from '../schemas.ts'

export function pilotRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots',
        operationId: 'createPilot',
        tags: ['Pilots'],
        summary: 'Start a pilot; 1b starts with two ontwikkelteams, the others with one',
        security: bearer,
        request: {
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: PilotInput } } },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: Pilot } } },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'createPilot', { body })
        return c.json(await createPilot(store, c.var.principal, body, { idempotency }), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots',
        operationId: 'listPilots',
        tags: ['Pilots'],
        summary: 'List pilots in scope',
        security: bearer,
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page',
            content: { 'application/json': { schema: pageOf(Pilot, 'PilotPage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listVisiblePilots(store, c.var.principal, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots/{id}',
        operationId: 'getPilot',
        tags: ['Pilots'],
        summary: 'Read a pilot in scope',
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: { description: 'The pilot', content: { 'application/json': { schema: Pilot } } },
          ...problemResponses(401, 403, 404),
        },
      }),
      async (c) => c.json(await readPilot(store, c.var.principal, c.req.valid('param').id), 200),
    )
}
