import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { idempotencyOf } from '../../engine/idempotency.ts'
import { createOrganisation, listVisibleOrganisations } from '../../engine/organisations.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdempotencyHeaders } from '../responses.ts'
import { Organisation, OrganisationInput, PageQuery, pageOf, problemResponses } from '../schemas.ts'

export function organisationRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations',
        operationId: 'createOrganisation',
        tags: ['Beheer'],
        summary: 'Create an organisation (admin)',
        security: bearer,
        request: {
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: OrganisationInput } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: Organisation } },
          },
          ...problemResponses(400, 401, 403, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'createOrganisation', { body })
        return c.json(await createOrganisation(store, c.var.principal, body, { idempotency }), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations',
        operationId: 'listOrganisations',
        tags: ['Beheer'],
        summary: 'List organisations in scope',
        security: bearer,
        request: { query: PageQuery },
        responses: {
          200: {
            description: 'A page',
            content: { 'application/json': { schema: pageOf(Organisation, 'OrganisationPage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listVisibleOrganisations(store, c.var.principal, c.req.valid('query')), 200),
    )
}
