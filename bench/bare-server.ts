// The bare framework for the benchmark's ratio: the same Hono stack, body parsing and zod
// validation as the engine's event route, but it only echoes. No auth, no storage, no machine.
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { BODY_LIMIT_BYTES } from '../src/http/app.ts'
import { newRouter } from '../src/http/router.ts'
import { EventInput, IdParam } from '../src/http/schemas.ts'

const EventHeaders = z.object({
  'if-match': z.string().max(40).optional(),
  'idempotency-key': z.string().min(1).max(200).optional(),
})

const app = newRouter()
app.use('*', secureHeaders())
app.use('*', bodyLimit({ maxSize: BODY_LIMIT_BYTES }))
app.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/instances/{id}/events',
    request: {
      params: IdParam,
      headers: EventHeaders,
      body: { required: true, content: { 'application/json': { schema: EventInput } } },
    },
    responses: { 200: { description: 'Echo' } },
  }),
  (c) => c.json({ id: c.req.valid('param').id, event: c.req.valid('json') }, 200),
)
app.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/instances/{id}',
    request: { params: IdParam },
    responses: { 200: { description: 'Echo' } },
  }),
  (c) => c.json({ id: c.req.valid('param').id }, 200),
)

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  () => {
    const { port } = server.address() as AddressInfo
    console.log(`bare luistert op http://127.0.0.1:${port}`)
  },
)
process.once('SIGTERM', () => server.close(() => process.exit(0)))
