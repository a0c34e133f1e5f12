import { createRoute, z } from '@hono/zod-openapi'
import { stateAt } from '../../audit/time-travel.service.ts'
import type { Store } from '../../engine/store.ts'
import { badRequest } from '../../errors.ts'
import { bearer, newRouter } from '../router.ts'
import { IdParam, problemResponses } from '../schemas.ts'

const StateQuery = z.object({
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Recorded time (ISO 8601 instant)', example: '2025-03-01T12:00:00Z' }),
  effectiveAt: z.iso.date().optional().openapi({
    description: 'Date on which events take effect (ingangsdatum)',
    example: '2025-03-01',
  }),
})

const StateAt = z
  .object({
    id: z.string(),
    machine: z.object({ id: z.string(), version: z.number().int() }),
    at: z.string().nullable(),
    effectiveAt: z.string().nullable(),
    state: z.unknown(),
    status: z.string(),
    context: z.record(z.string(), z.unknown()),
    version: z.number().int().openapi({ description: 'Events applied' }),
    lastEvent: z.object({
      seq: z.number().int(),
      type: z.string(),
      recordedAt: z.string(),
      effectiveDate: z.string().nullable(),
    }),
    notYetEffective: z.array(z.number().int()),
    pulledIn: z.array(z.number().int()),
    effectiveBeforeStart: z.array(z.number().int()).openapi({
      description:
        'Applied events whose effectiveDate lies before the instance began (the effective day of its first event); refused since, but older events may have one.',
    }),
  })
  .openapi('StateAt')

export function auditStateRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/instances/{id}/state',
      operationId: 'getInstanceState',
      tags: ['Audit'],
      summary:
        'Time travel: the state as it was at a recorded time (at) or on a date (effectiveAt)',
      description:
        'Replays the history. `at`: the events recorded at or before that instant. `effectiveAt`: the events in effect on that date (their effectiveDate, else the Amsterdam date they were recorded). 404 before the first event.',
      security: bearer,
      request: { params: IdParam, query: StateQuery },
      responses: {
        200: {
          description: 'The state then',
          content: { 'application/json': { schema: StateAt } },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { at, effectiveAt } = c.req.valid('query')
      if ((at === undefined) === (effectiveAt === undefined)) {
        throw badRequest('Geef precies één van at (tijdstip) en effectiveAt (datum).', [
          { path: 'at', message: 'Gebruik at óf effectiveAt.' },
        ])
      }
      const moment = at !== undefined ? { at } : { effectiveAt: effectiveAt as string }
      return c.json(await stateAt(store, c.var.principal, c.req.valid('param').id, moment), 200)
    },
  )
}
