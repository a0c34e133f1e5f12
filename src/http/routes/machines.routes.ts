import { createRoute, z } from '@hono/zod-openapi'
import { describeMachine, describeMachines } from '../../engine/machine-catalog.ts'
import { notFound } from '../../errors.ts'
import { newRouter, bearer } from '../router.ts'
import { problemResponses } from '../schemas.ts'

const MachineDescription = z
  .object({
    id: z.string(),
    version: z.number().int(),
    states: z.array(z.string()),
    events: z.array(
      z.object({
        type: z.string(),
        label: z.string(),
        when: z.string(),
        reasonRequired: z.boolean(),
        payloadSchema: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('Machine')

export function machineRoutes() {
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/machines',
        operationId: 'listMachines',
        tags: ['Machines'],
        summary: 'The process machines: states, events and their payload JSON schemas',
        security: bearer,
        responses: {
          200: {
            description: 'Machines',
            content: {
              'application/json': { schema: z.object({ items: z.array(MachineDescription) }) },
            },
          },
          ...problemResponses(401),
        },
      }),
      (c) => c.json({ items: describeMachines() }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/machines/{id}',
        operationId: 'getMachine',
        tags: ['Machines'],
        summary: 'One machine',
        security: bearer,
        request: { params: z.object({ id: z.string().max(100) }) },
        responses: {
          200: {
            description: 'The machine',
            content: { 'application/json': { schema: MachineDescription } },
          },
          ...problemResponses(401, 404),
        },
      }),
      (c) => {
        const { id } = c.req.valid('param')
        const machine = describeMachine(id)
        if (!machine) throw notFound('Machine', id)
        return c.json(machine, 200)
      },
    )
}
