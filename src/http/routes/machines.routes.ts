import { createRoute, z } from '@hono/zod-openapi'
import { migrateInstances } from '../../engine/definitions/migrate-instances.service.ts'
import { describeMachine, describeMachines } from '../../engine/machine-catalog.ts'
import type { Store } from '../../engine/store.ts'
import { notFound } from '../../errors.ts'
import { newRouter, bearer } from '../router.ts'
import { problemResponses } from '../schemas.ts'
import { MigrationInput, MigrationReport } from './machine-migration.schemas.ts'

const MachineDescription = z
  .object({
    id: z.string(),
    version: z.number().int(),
    latest: z.boolean().openapi({ description: 'The newest version: new instances get it.' }),
    versions: z.array(z.number().int()).openapi({ description: 'Every version, oldest first.' }),
    states: z.array(z.string()),
    events: z.array(
      z.object({
        type: z.string(),
        label: z.string(),
        when: z.string(),
        reasonRequired: z.boolean(),
        attachment: z.boolean().openapi({
          description:
            'A document may be sent with the event: POST it as multipart/form-data with the file in part `document`.',
        }),
        payloadSchema: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('Machine')

export function machineRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/machines',
        operationId: 'listMachines',
        tags: ['Machines'],
        summary:
          'Every version of every process machine: states, events and their payload JSON schemas',
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
        summary: 'One machine, in its newest version',
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
    .openapi(
      createRoute({
        method: 'get',
        path: '/machines/{id}/versions/{version}',
        operationId: 'getMachineVersion',
        tags: ['Machines'],
        summary: 'One version of a machine (an instance runs the version it names)',
        security: bearer,
        request: {
          params: z.object({
            id: z.string().max(100),
            version: z.coerce.number().int().min(1).max(1000),
          }),
        },
        responses: {
          200: {
            description: 'The machine in that version',
            content: { 'application/json': { schema: MachineDescription } },
          },
          ...problemResponses(400, 401, 404),
        },
      }),
      (c) => {
        const { id, version } = c.req.valid('param')
        const machine = describeMachine(id, version)
        if (!machine) throw notFound('Machineversie', `${id} ${String(version)}`)
        return c.json(machine, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/machines/{id}/migrations',
        operationId: 'migrateInstances',
        tags: ['Machines'],
        summary:
          'Move running instances to another version by its declared migration (admin); dryRun shows what would change',
        security: bearer,
        request: {
          params: z.object({ id: z.string().max(100) }),
          body: { content: { 'application/json': { schema: MigrationInput } }, required: true },
        },
        responses: {
          200: {
            description: 'Per instance: moved (with what changed) or stays (with why)',
            content: { 'application/json': { schema: MigrationReport } },
          },
          ...problemResponses(400, 401, 403, 404, 413, 415, 422),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const body = c.req.valid('json')
        const request = { machine: id, to: body.to, dryRun: body.dryRun }
        return c.json(await migrateInstances(store, c.var.principal, request), 200)
      },
    )
}
