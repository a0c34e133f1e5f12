import { Agent, request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT_BYTES, createApp } from '../../src/http/app.ts'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'

// On a real socket: a 413 is sent before the rest of the body is read, so the server must close
// the connection (Connection: close) instead of offering to keep it open and then resetting it.

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** POSTs `size` bytes over a keep-alive agent and collects the answer, whatever the upload does. */
function postBig(
  url: string,
  agent: Agent,
  size: number,
  options: { chunked: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.alloc(size, 'x')
    const req = request(
      `${url}/api/v1/organisations`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${ADMIN_SECRET}`,
          'content-type': 'application/json',
          ...(options.chunked ? {} : { 'content-length': String(size) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    // Writing the rest of an upload the server has answered may fail (EPIPE); the answer counts.
    req.on('error', reject)
    if (options.chunked) {
      for (let at = 0; at < size; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024))
      req.end()
    } else {
      req.end(body)
    }
  })
}

describe('a body over the limit on a keep-alive connection', () => {
  let db: TestDatabase
  let server: ServerType
  let url: string
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    await testApp(db.store)
    const app = createApp({ store: db.store, onError: (e) => console.error('unexpected', e) })
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    agent.destroy()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    await db?.cleanup()
  })

  for (const chunked of [false, true]) {
    it(`answers 413 problem+json with Connection: close (${chunked ? 'chunked' : 'Content-Length'})`, async () => {
      const answer = await postBig(url, agent, 8 * 1024 * 1024, { chunked })
      expect(answer.status).toBe(413)
      expect(answer.headers['connection']).toBe('close')
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/)
      const problem = JSON.parse(answer.body) as { status: number; detail: string }
      expect(problem.status).toBe(413)
      expect(problem.detail).toBe(`De body mag hoogstens ${BODY_LIMIT_BYTES / 1024} KiB zijn.`)
    })
  }

  it('still serves the next request on the same agent', async () => {
    await postBig(url, agent, 2 * BODY_LIMIT_BYTES, { chunked: false })
    const next = await new Promise<number>((resolve, reject) => {
      request(`${url}/health`, { agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
        .on('error', reject)
        .end()
    })
    expect(next).toBe(200)
  })
})
