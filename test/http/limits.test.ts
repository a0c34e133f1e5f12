import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { ADMIN_SECRET, testApp, tokenFor } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startServerProcess } from '../support/server-process.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { Browser } from '../ui/support/session.ts'

const randomBearer = () => ({ authorization: `Bearer dl_${randomBytes(24).toString('base64url')}` })

/** Waits until a fresh 10-second window has most of its time left (windows follow the clock). */
async function startOfWindow(): Promise<void> {
  const into = Date.now() % 10_000
  if (into > 6000) await new Promise((resolve) => setTimeout(resolve, 10_050 - into))
}

describe('request limits in one process', () => {
  let db: TestDatabase
  let auditor: string
  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    await testApp(db.store)
    auditor = await tokenFor(db.store, { name: 'Auditor', role: 'auditor' })
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('gives random bearer values 429 once the address’s anonymous budget is spent; real tokens keep theirs', async () => {
    const app = createApp({ store: db.store, anonymousPer10s: 20, rateLimitPer10s: 30 })
    await startOfWindow()
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) {
      statuses.push(
        (await app.request('/api/v1/organisations', { headers: randomBearer() })).status,
      )
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401))
    expect(statuses.slice(20)).toEqual(Array(5).fill(429))
    const limited = await app.request('/api/v1/organisations', { headers: randomBearer() })
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await limited.json()).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/^Te veel verzoeken zonder geldig token/),
    })
    // A valid token spends its own budget, untouched by the flood.
    const admin = { authorization: `Bearer ${ADMIN_SECRET}` }
    const own: number[] = []
    for (let i = 0; i < 31; i++) {
      own.push((await app.request('/api/v1/organisations', { headers: admin })).status)
    }
    expect(own.slice(0, 30)).toEqual(Array(30).fill(200))
    expect(own[30]).toBe(429)
    // …and another token is not touched by the first one's.
    const other = { authorization: `Bearer ${auditor}` }
    expect((await app.request('/api/v1/audit/public-key', { headers: other })).status).toBe(200)
  })

  it('shows a browser that passes its budget a Dutch page with Retry-After', async () => {
    const app = createApp({ store: db.store, anonymousPer10s: 5 })
    await startOfWindow()
    for (let i = 0; i < 5; i++) expect((await app.request('/login')).status).toBe(200)
    const page = await app.request('/login')
    expect(page.status).toBe(429)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const text = await page.text()
    expect(text).toContain('<html lang="nl">')
    expect(text).toContain('Te veel verzoeken zonder geldig token')
    // Probes and the stylesheet never count: a load balancer keeps reaching the server.
    expect((await app.request('/health')).status).toBe(200)
    expect((await app.request('/assets/style.css')).status).toBe(200)
  })

  it('stops logins from an address after too many failures, even with a right token', async () => {
    const app = createApp({ store: db.store, failedLoginsPer15min: 3 })
    const browser = new Browser(app)
    for (let i = 0; i < 3; i++) {
      await browser.get('/login')
      const wrong = await browser.post('/login', { token: `dl_wrong-${i}-0123456789abcdef` })
      expect(wrong.status).toBe(401)
    }
    await browser.get('/login')
    const blocked = await browser.post('/login', { token: ADMIN_SECRET })
    expect(blocked.status).toBe(429)
    expect(blocked.text).toContain('Te veel mislukte inlogpogingen')
    const retryAfter = Number(blocked.res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
  })
})

describe('the client address behind proxies (a listening server)', () => {
  let db: TestDatabase
  const servers: ServerProcess[] = []
  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    await db.store.destroy()
  })
  afterAll(async () => {
    for (const s of servers) await s.stop()
    await db.cleanup().catch(() => {})
  })

  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to believe', async () => {
    const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}`, ...randomBearer() })
    const untrusted = await startServerProcess({
      DATABASE_URL: db.url,
      ADMIN_TOKEN: ADMIN_SECRET,
      RATE_LIMIT_ANONYMOUS_PER_10S: '10',
    })
    servers.push(untrusted)
    await startOfWindow()
    const plain: number[] = []
    for (let i = 0; i < 12; i++) {
      plain.push(
        (await fetch(`${untrusted.url}/api/v1/organisations`, { headers: spoofed(i) })).status,
      )
    }
    // Every made-up address shares the one real address's budget.
    expect(plain.slice(10)).toEqual([429, 429])
    await untrusted.stop()

    const behindProxy = await startServerProcess({
      DATABASE_URL: db.url,
      ADMIN_TOKEN: ADMIN_SECRET,
      RATE_LIMIT_ANONYMOUS_PER_10S: '10',
      TRUST_PROXY: '1',
    })
    servers.push(behindProxy)
    await startOfWindow()
    const proxied: number[] = []
    for (let i = 0; i < 12; i++) {
      proxied.push(
        (await fetch(`${behindProxy.url}/api/v1/organisations`, { headers: spoofed(i) })).status,
      )
    }
    // Each address the proxy reports has its own budget.
    expect(proxied).toEqual(Array(12).fill(401))
  }, 60_000)
})

describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'limits shared by two server processes (postgres)',
  () => {
    let db: TestDatabase
    const servers: ServerProcess[] = []
    beforeAll(async () => {
      db = await freshDatabase('postgres')
      await testApp(db.store)
    })
    afterAll(async () => {
      for (const s of servers) await s.stop()
      await db.cleanup()
    })

    it('counts one token’s requests and one address’s made-up tokens across both processes', async () => {
      const env = {
        DATABASE_URL: db.url,
        RATE_LIMIT_PER_10S: '10',
        RATE_LIMIT_ANONYMOUS_PER_10S: '10',
      }
      const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)])
      if (!a || !b) throw new Error('servers did not start')
      servers.push(a, b)
      const admin = { authorization: `Bearer ${ADMIN_SECRET}` }
      await startOfWindow()
      const token: number[] = []
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? a : b
        token.push((await fetch(`${server.url}/api/v1/organisations`, { headers: admin })).status)
      }
      expect(token).toEqual([...Array(10).fill(200), 429, 429])

      const anonymous: number[] = []
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? a : b
        const res = await fetch(`${server.url}/api/v1/organisations`, { headers: randomBearer() })
        anonymous.push(res.status)
      }
      expect(anonymous).toEqual([...Array(10).fill(401), 429, 429])
    }, 60_000)
  },
)
