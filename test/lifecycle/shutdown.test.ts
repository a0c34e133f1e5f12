import { request as httpRequest, Agent } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startServerProcess } from '../support/server-process.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { worldWithTeams } from '../support/world.ts'

const WRITERS = 50
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Outcome {
  key: string
  instanceId: string
  /** Whether fetch() was called before the SIGTERM was sent. */
  beforeSignal: boolean
  /** Whether the answer (or failure) came after the SIGTERM was sent. */
  endedAfterSignal: boolean
  status?: number
  event?: { seq: number; hash: string }
  failure?: string
}

/** What a fetch failure was underneath: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET, … */
function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? String(error)
}

describe.each(DATABASES)('SIGTERM during a write load on %s', (kind) => {
  let db: TestDatabase
  let server: ServerProcess | undefined
  let instances: string[]

  beforeEach(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    ;({ instances } = await worldWithTeams(admin, 5))
  }, 60_000)
  afterEach(async () => {
    await server?.stop('SIGKILL')
    await db.cleanup()
  })

  const start = (env: Record<string, string> = {}) =>
    startServerProcess({
      DATABASE_URL: db.url,
      ADMIN_TOKEN: ADMIN_SECRET,
      RATE_LIMIT_PER_10S: '0',
      ...env,
    })

  it('finishes every request sent before the signal, stores every acknowledged event, exits 0', async () => {
    server = await start({ SHUTDOWN_TIMEOUT_SECONDS: '10' })
    const url = server.url
    const outcomes: Outcome[] = []
    let signalled = false
    let stopped = false

    const writer = async (i: number) => {
      for (let n = 0; !stopped; n++) {
        const outcome: Outcome = {
          key: `w${i}-${n}`,
          instanceId: instances[i % instances.length] ?? '',
          beforeSignal: !signalled,
          endedAfterSignal: false,
        }
        outcomes.push(outcome)
        try {
          const res = await fetch(`${url}/api/v1/instances/${outcome.instanceId}/events`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${ADMIN_SECRET}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ type: 'relatie.vastleggen', payload: { text: outcome.key } }),
          })
          outcome.status = res.status
          const body = (await res.json()) as { event?: { seq: number; hash: string } }
          outcome.event = body.event
        } catch (error) {
          outcome.failure = failureCode(error)
          // The listener is closed: nothing more to send.
          if (outcome.failure === 'ECONNREFUSED') return
        } finally {
          outcome.endedAfterSignal = signalled
        }
      }
    }

    const writers = Array.from({ length: WRITERS }, (_, i) => writer(i))
    while (outcomes.filter((o) => o.status === 200).length < 200) await sleep(10)
    const exited = new Promise<number | null>((resolve) =>
      server?.child.once('exit', (code) => resolve(code)),
    )
    server.child.kill('SIGTERM')
    signalled = true
    const code = await exited
    stopped = true
    await Promise.all(writers)

    expect(code).toBe(0)
    const sentBefore = outcomes.filter((o) => o.beforeSignal)
    const inFlight = sentBefore.filter((o) => o.endedAfterSignal)
    expect(inFlight.length, 'requests in flight when the signal came').toBeGreaterThan(0)
    // None of them was cut. One whose connection the listener never took (ECONNREFUSED: the
    // fetch had not connected yet) never reached the server; any other failure is a cut request.
    const cut = sentBefore.filter((o) => o.failure && o.failure !== 'ECONNREFUSED')
    expect(cut.map((o) => `${o.key}: ${o.failure}`)).toEqual([])
    const answered = sentBefore.filter((o) => o.status !== undefined)
    expect(answered.filter((o) => o.status !== 200).map((o) => `${o.key}: ${o.status}`)).toEqual([])
    expect(inFlight.every((o) => o.status === 200)).toBe(true)

    const acked = outcomes.filter((o) => o.status === 200 && o.event)
    const rows = await db.store.db
      .selectFrom('events')
      .select(['instance_id', 'seq', 'hash', 'payload'])
      .where('type', '=', 'relatie.vastleggen')
      .execute()
    const stored = new Map(rows.map((r) => [`${r.instance_id}#${r.seq}`, r]))
    const lost = acked.filter((o) => {
      const row = stored.get(`${o.instanceId}#${o.event?.seq}`)
      return row?.hash !== o.event?.hash || !row?.payload.includes(o.key)
    })
    expect(lost.map((o) => o.key)).toEqual([])
    const afterwards = outcomes.filter((o) => !o.beforeSignal)
    console.log(
      `[shutdown ${kind}] ${acked.length} events acknowledged and stored, ${inFlight.length} in flight at SIGTERM, none cut; ` +
        `${afterwards.filter((o) => o.status === 200).length} sent after it answered, ` +
        `${afterwards.filter((o) => o.failure).length} failed (${[...new Set(afterwards.map((o) => o.failure).filter(Boolean))].join(', ')})`,
    )
  }, 60_000)

  it('answers /ready 503 "shutting down" with Connection: close on a kept-alive connection', async () => {
    server = await start()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const get = (path: string) =>
      new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
        const req = httpRequest(`${server?.url}${path}`, { agent }, (res) => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
          )
        })
        req.on('error', reject)
        req.end()
      })
    try {
      const before = await get('/ready')
      expect(before).toMatchObject({ status: 200, connection: 'keep-alive' })
      server.child.kill('SIGTERM')
      while (!server.output().includes('SIGTERM: afsluiten')) await sleep(5)
      const during = await get('/ready')
      expect(during.status).toBe(503)
      expect(during.connection).toBe('close')
      expect(JSON.parse(during.body)).toEqual({
        status: 'unavailable',
        reason: 'shutting down',
        detail: 'De server wordt afgesloten.',
      })
    } finally {
      agent.destroy()
    }
  })

  it('cuts a request that never finishes once SHUTDOWN_TIMEOUT_SECONDS have passed, and exits 1', async () => {
    server = await start({ SHUTDOWN_TIMEOUT_SECONDS: '1' })
    const { port } = new URL(server.url)
    // A client that announces a body and never sends it: its request can never finish.
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(
      `POST /api/v1/organisations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_SECRET}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":',
    )
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('error', () => {})
    await sleep(100)
    const exited = new Promise<number | null>((resolve) =>
      server?.child.once('exit', (code) => resolve(code)),
    )
    server.child.kill('SIGTERM')
    expect(await exited).toBe(1)
    await closed
    expect(server.output()).toContain('SHUTDOWN_TIMEOUT_SECONDS')
  })
})
