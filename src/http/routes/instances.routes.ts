import { createRoute, z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import type { Attachment } from '../../engine/documents/document-upload.ts'
import type { Store } from '../../engine/store.ts'
import { sha256Hex } from '../../engine/hash.ts'
import { postEvent } from '../../engine/post-event.ts'
import { teamMembers } from '../../engine/team-members.service.ts'
import { listInstanceEvents, readInstance } from '../../engine/read-instances.ts'
import { listInstancesWithOverview } from '../../engine/instance-list.ts'
import { InstanceOverview } from '../instance-query.ts'
import { zodErrors } from '../../engine/validation.ts'
import { badRequest } from '../../errors.ts'
import type { AuthEnv } from '../auth.ts'
import { EventUploadBody, isMultipart, readEventUpload } from '../event-upload.ts'
import type { EventBody } from '../event-upload.ts'
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
  Problem,
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

export interface InstanceRouteOptions {
  /** Most bytes of one document sent with an event. */
  documentMaxBytes: number
}

export function instanceRoutes(store: Store, options: InstanceRouteOptions) {
  /** Applies one event (with its document, if any) and answers as the route documents it. */
  async function send(
    c: Context<AuthEnv>,
    id: string,
    body: EventBody,
    headers: z.infer<typeof EventHeaders>,
    attachment: Attachment | undefined,
  ) {
    const key = headers['idempotency-key']
    // The same key with another document is another request.
    const request = attachment ? [id, body, attachment.ref.sha256] : [id, body]
    const result = await postEvent(store, c.var.principal, id, body, {
      ifMatch: parseIfMatch(headers['if-match']),
      idempotency: key ? { key, fingerprint: sha256Hex(JSON.stringify(request)) } : undefined,
      attachment,
    })
    c.header('ETag', `"${result.instance.version}"`)
    return c.json(result, 200)
  }

  /** A multipart event is read here, before the JSON body's validators run. */
  const upload: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (!isMultipart(c)) return next()
    const id = IdParam.safeParse({ id: c.req.param('id') })
    if (!id.success) throw badRequest('De param van het verzoek klopt niet.', zodErrors(id.error))
    const headers = EventHeaders.safeParse(c.req.header())
    if (!headers.success) {
      throw badRequest('De header van het verzoek klopt niet.', zodErrors(headers.error))
    }
    const { body, attachment } = await readEventUpload(c, options.documentMaxBytes)
    return send(c, id.data.id, body, headers.data, attachment)
  }

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
            content: {
              'application/json': {
                schema: pageOf(Instance.extend({ overview: InstanceOverview }), 'InstancePage'),
              },
            },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (c) =>
        c.json(await listInstancesWithOverview(store, c.var.principal, c.req.valid('query')), 200),
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
        description:
          'As application/json, or as multipart/form-data with the same JSON in part `event` and a document in part `document`, for an event that takes one. A document that is empty or an event that takes none: 400; too large: 413; not an allowed type: 415. A refused event stores no document.',
        security: bearer,
        middleware: [upload] as const,
        request: {
          params: IdParam,
          headers: EventHeaders,
          body: {
            required: true,
            content: {
              'application/json': { schema: EventInput },
              'multipart/form-data': {
                schema: EventUploadBody,
                encoding: { event: { contentType: 'application/json' } },
              },
            },
          },
        },
        responses: {
          200: {
            description: 'Applied',
            headers: etagHeader('The instance version after the event.'),
            content: { 'application/json': { schema: EventPosted } },
          },
          ...problemResponses(400, 401, 403, 404, 412, 413, 415, 422),
          413: {
            description: 'The body is larger than 64 KiB, or the document than DOCUMENT_MAX_BYTES',
            content: { 'application/problem+json': { schema: Problem } },
          },
          415: {
            description:
              'The body is neither application/json nor multipart/form-data, or the document is not an allowed type',
            content: { 'application/problem+json': { schema: Problem } },
          },
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        // Typed by hand: with a second media type of a plain schema the route's types lose the
        // JSON body, which its validator has checked against EventInput all the same.
        const body = (c.req as unknown as { valid(target: 'json'): EventBody }).valid('json')
        return send(c, id, body, c.req.valid('header'), undefined)
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
