import { createRoute, z } from '@hono/zod-openapi'
import { readInbox } from '../../engine/inbox/inbox.service.ts'
import type { Store } from '../../engine/store.ts'
import { bearer, newRouter } from '../router.ts'
import { problemResponses } from '../schemas.ts'

const Inbox = z
  .object({
    role: z.string(),
    counts: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        count: z.number().int(),
        query: z.record(z.string(), z.string()).openapi({
          description: 'The GET /api/v1/instances query that lists what is counted.',
        }),
      }),
    ),
    items: z.array(
      z.object({
        instanceId: z.string(),
        machine: z.string(),
        title: z.string(),
        phase: z.string(),
        status: z.string(),
        words: z.string(),
        blockers: z.array(z.string()),
        canDo: z.array(z.string()),
        since: z.string(),
        stalled: z.boolean(),
      }),
    ),
    audit: z
      .object({
        lastCheckpointAt: z.string().nullable(),
        checkpointDue: z.boolean(),
        eventsSinceCheckpoint: z.number().int(),
        lastVerifyAt: z.string().nullable(),
        breaks: z.number().int().nullable(),
      })
      .nullable(),
    reports: z.array(z.object({ id: z.string(), title: z.string() })),
  })
  .openapi('Inbox', {
    description:
      'What waits on the caller or their organisation ("te doen"), computed from the machines within the caller’s role and mandate: counts with the list query behind each, the instances themselves, an auditor’s checkpoint and breaks, the reports the caller may read. No names.',
  })

export function inboxRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/inbox',
      operationId: 'getInbox',
      tags: ['Processen'],
      summary: 'The caller’s "te doen": what waits on them, with counts',
      security: bearer,
      responses: {
        200: { description: 'The inbox', content: { 'application/json': { schema: Inbox } } },
        ...problemResponses(401, 403),
      },
    }),
    async (c) => c.json(await readInbox(store, c.var.principal), 200),
  )
}
