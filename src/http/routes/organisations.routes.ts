import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { createOrganisation, listVisibleOrganisations } from '../../engine/organisations.service.ts'
import { newRouter, bearer } from '../router.ts'
import { Organisation, OrganisationInput, PageQuery, pageOf, problemResponses } from '../schemas.ts'

export function organisationRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations',
        tags: ['Beheer'],
        summary: 'Create an organisation (admin)',
        security: bearer,
        request: {
          body: { required: true, content: { 'application/json': { schema: OrganisationInput } } },
        },
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: Organisation } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await createOrganisation(store, c.var.principal, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations',
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
