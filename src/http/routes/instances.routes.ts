import { createRoute, z } from '@hono/zod-openapi'
import type { Store } from '../../engine/store.ts'
import { sha256Hex } from '../../engine/hash.ts'
import { postEvent } from '../../engine/post-event.ts'
import { teamMembers } from '../../engine/team-members.service.ts'
import {
  listInstanceEvents,
  listVisibleInstances,
  readInstance,
} from '../../engine/read-instances.ts'
import { badRequest } from '../../errors.ts'
import { jsonWithETag } from '../conditional.ts'
import { ConditionalHeaders, IdempotencyHeaders, etagHeader, notModified } from '../responses.ts'
import { newRouter, bearer } from '../router.ts'
import {
  Event,
  EventInput,
  EventPosted,
  EventsQuery,
  IdParam,
  Instance,
  InstanceQuery,
  pageOf,
  problemResponses,
  TeamMember,
} from '../schemas.ts'

const EventHeaders = IdempotencyHeaders.extend({
  'if-match': z.string().max(40).optional().openapi({
    example: '"3"',
    description: 'The version the event is meant for (the ETag of the read): 412 when it moved.',
  }),
})

/** `"3"`, `W/"3"` or `3` → 3; `*` (any version) → no condition. */
function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '*') return undefined
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value)
  if (!match?.[1]) {
    throw badRequest('If-Match moet een versie zijn, zoals "3".', [
      { path: 'If-Match', message: 'Verwacht een versienummer tussen aanhalingstekens.' },
    ])
  }
  return Number(match[1])
}

export function instanceRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/instances',
        operationId: 'listInstances',
        tags: ['Processen'],
        summary: 'List process instances in scope',
        security: bearer,
        request: { query: InstanceQuery },
        responses: {
          200: {
            description: 'A page',
            content: { 'application/json': { schema: pageOf(Instance, 'InstancePage') } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listVisibleInstances(store, c.var.principal, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/instances/{id}',
        operationId: 'getInstance',
        tags: ['Processen'],
        summary: 'Read an instance: state, context, what is possible and why the rest is not',
        security: bearer,
        request: { params: IdParam, headers: ConditionalHeaders },
        responses: {
          200: {
            description: 'The instance (ETag: its version)',
            headers: etagHeader('The instance version, as If-Match takes it: `"3"`.'),
            content: { 'application/json': { schema: Instance } },
          },
          ...notModified,
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const instance = await readInstance(store, c.var.principal, c.req.valid('param').id)
        return jsonWithETag(c, instance, `"${instance.version}"`)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/instances/{id}/events',
        operationId: 'postEvent',
        tags: ['Processen'],
        summary: 'Send an event; 422 with Dutch reasons when it is not possible now',
        security: bearer,
        request: {
          params: IdParam,
          headers: EventHeaders,
          body: { required: true, content: { 'application/json': { schema: EventInput } } },
        },
        responses: {
          200: {
            description: 'Applied',
            headers: etagHeader('The instance version after the event.'),
            content: { 'application/json': { schema: EventPosted } },
          },
          ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const body = c.req.valid('json')
        const headers = c.req.valid('header')
        const key = headers['idempotency-key']
        const result = await postEvent(store, c.var.principal, id, body, {
          ifMatch: parseIfMatch(headers['if-match']),
          idempotency: key
            ? { key, fingerprint: sha256Hex(JSON.stringify([id, body])) }
            : undefined,
        })
        c.header('ETag', `"${result.instance.version}"`)
        return c.json(result, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/instances/{id}/members',
        operationId: 'listTeamMembers',
        tags: ['Processen'],
        summary: 'The members of a team, by name (each name resolved is written to the access log)',
        security: bearer,
        request: { params: IdParam },
        responses: {
          200: {
            description: 'The members',
            content: { 'application/json': { schema: z.object({ items: z.array(TeamMember) }) } },
          },
          ...problemResponses(401, 403, 404),
        },
      }),
      async (c) => {
        const id = c.req.valid('param').id
        const items = await teamMembers(
          store,
          c.var.principal,
          id,
          'GET /api/v1/instances/:id/members',
        )
        return c.json({ items }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/instances/{id}/events',
        operationId: 'listInstanceEvents',
        tags: ['Processen'],
        summary: 'The history of an instance, oldest first, with its hash chain',
        security: bearer,
        request: { params: IdParam, query: EventsQuery, headers: ConditionalHeaders },
        responses: {
          200: {
            description: 'A page',
            headers: etagHeader('A digest of this page: it changes with any byte of the answer.'),
            content: { 'application/json': { schema: pageOf(Event, 'EventPage') } },
          },
          ...notModified,
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const page = await listInstanceEvents(
          store,
          c.var.principal,
          c.req.valid('param').id,
          c.req.valid('query'),
          'GET /api/v1/instances/:id/events',
        )
        return jsonWithETag(c, page)
      },
    )
}
