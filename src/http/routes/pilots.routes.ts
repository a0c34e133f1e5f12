import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { createPilot, listVisiblePilots, readPilot } from '../../engine/pilots.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdParam, PageQuery, Pilot, PilotInput, pageOf, problemResponses } from '../schemas.ts'

export function pilotRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/pilots',
        tags: ['Pilots'],
        summary: 'Start a pilot; 1b starts with two ontwikkelteams, the others with one',
        security: bearer,
        request: {
          body: { required: true, content: { 'application/json': { schema: PilotInput } } },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: Pilot } } },
          ...problemResponses(400, 401, 403, 404, 422),
        },
      }),
      async (c) => c.json(await createPilot(store, c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pilots',
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
