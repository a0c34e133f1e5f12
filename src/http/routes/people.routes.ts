import { createRoute } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import {
  addAffiliation,
  createPerson,
  listVisiblePeople,
  readPerson,
} from '../../engine/people.service.ts'
import { idempotencyOf } from '../../engine/idempotency.ts'
import { linkIdentity } from '../../engine/person-identities.service.ts'
import { newRouter, bearer } from '../router.ts'
import { IdempotencyHeaders } from '../responses.ts'
import {
  AffiliationInput,
  Identities,
  IdentityInput,
  Id,
  IdParam,
  PageQuery,
  Person,
  PersonInput,
  pageOf,
  problemResponses,
} from '../schemas.ts'
import { safeString } from '../../../machines/fields.ts'

export function peopleRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/people',
        operationId: 'createPerson',
        tags: ['Beheer'],
        summary: 'Create a person (admin; hr for its own organisations)',
        security: bearer,
        request: {
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: PersonInput } } },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: Person } } },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'createPerson', { body })
        return c.json(await createPerson(store, c.var.principal, body, { idempotency }), 201)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/people',
        operationId: 'listPeople',
        tags: ['Beheer'],
        summary: 'List people in scope (every listed person is written to the access log)',
        security: bearer,
        request: {
          query: PageQuery.extend({
            organisationId: Id.optional(),
            q: safeString().trim().min(1).max(100).optional().openapi({
              description: 'Only people whose name contains this text (case-insensitive).',
            }),
          }),
        },
        responses: {
          200: {
            description: 'A page',
            content: { 'application/json': { schema: pageOf(Person, 'PersonPage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(
          await listVisiblePeople(
            store,
            c.var.principal,
            c.req.valid('query'),
            'GET /api/v1/people',
          ),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/people/{id}',
        operationId: 'getPerson',
        tags: ['Beheer'],
        summary: 'Read a person in scope',
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: { description: 'The person', content: { 'application/json': { schema: Person } } },
          ...problemResponses(401, 403, 404),
        },
      }),
      async (c) =>
        c.json(
          await readPerson(
            store,
            c.var.principal,
            c.req.valid('param').id,
            'GET /api/v1/people/:id',
          ),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/affiliations',
        operationId: 'addAffiliation',
        tags: ['Beheer'],
        summary: 'Record that a person also works at an organisation (admin; hr for its own)',
        security: bearer,
        request: {
          params: IdParam,
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: AffiliationInput } } },
        },
        responses: {
          201: { description: 'Added', content: { 'application/json': { schema: Person } } },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const params = c.req.valid('param')
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'addAffiliation', { params, body })
        return c.json(
          await addAffiliation(store, c.var.principal, params.id, body, { idempotency }),
          201,
        )
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/identities',
        operationId: 'linkIdentity',
        tags: ['Beheer'],
        summary:
          'Link a sign-in account (an OpenID Connect subject) to a person, for providers set to match by subject',
        security: bearer,
        request: {
          params: IdParam,
          headers: IdempotencyHeaders,
          body: { required: true, content: { 'application/json': { schema: IdentityInput } } },
        },
        responses: {
          201: {
            description: 'The person’s linked accounts',
            content: { 'application/json': { schema: Identities } },
          },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const params = c.req.valid('param')
        const body = c.req.valid('json')
        const key = c.req.valid('header')['idempotency-key']
        const idempotency = idempotencyOf(key, 'linkIdentity', { params, body })
        return c.json(
          await linkIdentity(store, c.var.principal, params.id, body, { idempotency }),
          201,
        )
      },
    )
}
