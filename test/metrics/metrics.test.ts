import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { ADMIN_SECRET, Client, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { Browser } from '../ui/support/session.ts'
import { expectProblem } from '../http/http.helpers.ts'
import { has, parseExposition, valueOf } from './exposition.ts'
import type { Scrape } from './exposition.ts'

const METRICS_TOKEN = 'metrics-scraper-0123456789abcdef'
const HTTP = 'doorlopend_http_request_duration_seconds'

/** Scrapes `app`'s /metrics with `authorization` and parses the answer. */
async function scrape(app: App, authorization = `Bearer ${METRICS_TOKEN}`): Promise<Scrape> {
  const res = await app.request('/metrics', { headers: { authorization } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return parseExposition(await res.text())
}

/** How much a series moved between two scrapes. */
const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
  valueOf(after, name, labels) - valueOf(before, name, labels)

describe.each(DATABASES)('/metrics (%s)', (kind) => {
  let db: TestDatabase
  let world: World
  /** The app under scrape: /metrics behind its own token. */
  let app: App
  /** Admin on `app`, so that its requests land in `app`'s registry. */
  let admin: Client

  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await buildWorld((await testApp(db.store)).admin)
    app = createApp({ store: db.store, metrics: { token: METRICS_TOKEN } })
    admin = new Client(app, ADMIN_SECRET)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const post = (type: string, payload: Record<string, unknown> = {}) =>
    admin.post(`/api/v1/instances/${world.teamId}/events`, { type, payload })

  it('times requests by method, route pattern and status, never by the path with its ids', async () => {
    const before = await scrape(app)
    expect((await admin.get(`/api/v1/instances/${world.teamId}`)).status).toBe(200)
    expect((await admin.get(`/api/v1/instances/${world.transitionInstanceId}`)).status).toBe(200)
    expect((await admin.get('/api/v1/instances/bestaat_niet_0000')).status).toBe(404)
    expect((await admin.as(undefined).get(`/api/v1/instances/${world.teamId}`)).status).toBe(401)
    const tooLarge = await admin.post('/api/v1/organisations', { name: 'x'.repeat(70_000) })
    expect(tooLarge.status).toBe(413)
    expect((await admin.get(`/nergens/${world.teamId}`)).status).toBe(404)
    const after = await scrape(app)

    const route = { method: 'GET', route: '/api/v1/instances/:id' }
    expect(moved(before, after, `${HTTP}_count`, { ...route, status: '200' })).toBe(2)
    expect(moved(before, after, `${HTTP}_count`, { ...route, status: '404' })).toBe(1)
    expect(moved(before, after, `${HTTP}_count`, { ...route, status: '401' })).toBe(1)
    // Refused before the route's handler ran: still labelled with the route's pattern.
    const organisations = { method: 'POST', route: '/api/v1/organisations', status: '413' }
    expect(moved(before, after, `${HTTP}_count`, organisations)).toBe(1)
    // A path no route has: one catch-all label, not the path.
    expect(moved(before, after, `${HTTP}_count`, { route: '/*', status: '404' })).toBe(1)
    const inf = { ...route, status: '200', le: '+Inf' }
    expect(moved(before, after, `${HTTP}_bucket`, inf)).toBe(2)
    expect(moved(before, after, `${HTTP}_sum`, { ...route, status: '200' })).toBeGreaterThan(0)
    expect(after.types.get(HTTP)).toBe('histogram')
    for (const id of [world.teamId, world.transitionInstanceId, 'bestaat_niet_0000']) {
      expect(after.text).not.toContain(id)
    }
  })

  it('counts stored events by machine and type, and 422s by event type', async () => {
    const before = await scrape(app)
    expect((await post('relatie.vastleggen', { text: 'Wij kennen elkaar.' })).status).toBe(200)
    expectProblem(await post('fase.volgende'), 422)
    expectProblem(await post('bestaat.niet'), 422)
    expectProblem(await post('toString'), 422)
    const after = await scrape(app)

    const appended = 'doorlopend_events_appended_total'
    const team = { machine: 'ontwikkelteam' }
    expect(moved(before, after, appended, { ...team, type: 'relatie.vastleggen' })).toBe(1)
    expect(moved(before, after, appended, { ...team, type: 'fase.volgende' })).toBe(0)
    expect(moved(before, after, appended)).toBe(1)
    const refused = 'doorlopend_events_refused_total'
    expect(moved(before, after, refused, { ...team, type: 'fase.volgende' })).toBe(1)
    // A type the machine does not know is the client's text: it never becomes a label.
    expect(moved(before, after, refused, { ...team, type: 'unknown' })).toBe(2)
    expect(after.text).not.toContain('bestaat.niet')
    expect(after.types.get(appended)).toBe('counter')
  })

  it('times each shared commit and counts the units in it', async () => {
    const before = await scrape(app)
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post('relatie.vastleggen', { text: `Gesprek ${i}.` })),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    const after = await scrape(app)

    const batches = moved(before, after, 'doorlopend_commit_batch_size_count')
    const units = moved(before, after, 'doorlopend_commit_batch_size_sum')
    expect(batches).toBeGreaterThanOrEqual(1)
    expect(batches).toBeLessThanOrEqual(6)
    // SQLite has one lane and no retries here; on PostgreSQL a unit that found the team held by
    // another open batch stepped back and ran again, so it was in two batches.
    if (kind === 'sqlite') expect(units).toBe(6)
    else expect(units).toBeGreaterThanOrEqual(6)
    expect(moved(before, after, 'doorlopend_commit_duration_seconds_count')).toBe(batches)
    expect(moved(before, after, 'doorlopend_commit_duration_seconds_sum')).toBeGreaterThan(0)
    expect(
      moved(before, after, 'doorlopend_events_appended_total', { type: 'relatie.vastleggen' }),
    ).toBe(6)
  })

  it('counts the live sessions, not the expired ones, and names nobody', async () => {
    const before = await scrape(app)
    await new Browser(app).login(world.hrToken)
    // A login on a clock 25 hours back: its session is over by now, though its row is still there.
    const past = Date.now() - 25 * 3_600_000
    await new Browser(createApp({ store: db.store, sessions: { now: () => past } })).login(
      world.hrToken,
    )
    const after = await scrape(app)

    expect(moved(before, after, 'doorlopend_sessions_open')).toBe(1)
    expect(after.types.get('doorlopend_sessions_open')).toBe('gauge')
    expect(after.text).not.toContain(world.hrPerson)
  })

  it('reports event-loop lag, and the connection pool on PostgreSQL only', async () => {
    const scraped = await scrape(app)
    expect(has(scraped, 'nodejs_eventloop_lag_seconds')).toBe(true)
    expect(has(scraped, 'nodejs_eventloop_lag_p99_seconds')).toBe(true)
    expect(valueOf(scraped, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    const pool = [
      'doorlopend_db_pool_connections',
      'doorlopend_db_pool_idle_connections',
      'doorlopend_db_pool_waiting_requests',
    ]
    if (kind === 'sqlite') {
      for (const name of pool) expect(has(scraped, name), name).toBe(false)
      return
    }
    for (const name of pool) expect(has(scraped, name), name).toBe(true)
    const total = valueOf(scraped, 'doorlopend_db_pool_connections')
    expect(total).toBeGreaterThanOrEqual(1)
    expect(valueOf(scraped, 'doorlopend_db_pool_idle_connections')).toBeLessThanOrEqual(total)
    expect(valueOf(scraped, 'doorlopend_db_pool_waiting_requests')).toBeGreaterThanOrEqual(0)
  })

  it('with METRICS_TOKEN, opens only to that token: none, a wrong one or an admin token is 401', async () => {
    const before = await scrape(app)
    const refusals = [
      undefined,
      'Bearer wrong-token-0123456789abcdef',
      `Bearer ${METRICS_TOKEN}x`,
      `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      `Basic ${METRICS_TOKEN}`,
      `Bearer ${ADMIN_SECRET}`,
    ]
    for (const authorization of refusals) {
      const res = await new Client(app).get('/metrics', authorization ? { authorization } : {})
      expectProblem(res, 401, String(authorization))
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      expect(JSON.stringify(res.body)).not.toContain('doorlopend_')
    }
    const after = await scrape(app, `bearer  ${METRICS_TOKEN}`)
    const refused = { method: 'GET', route: '/metrics', status: '401' }
    expect(moved(before, after, `${HTTP}_count`, refused)).toBe(refusals.length)
  })

  it('without METRICS_TOKEN, takes an admin or auditor bearer token and refuses the others', async () => {
    const plain = createApp({ store: db.store })
    const client = new Client(plain, ADMIN_SECRET)
    const token = async (role: string, extra: Record<string, unknown> = {}) => {
      const res = await client.post('/api/v1/tokens', { name: `${role} metrics`, role, ...extra })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.token as string
    }
    const auditor = await token('auditor', { organisationIds: [world.orgA] })
    const member = await token('member', { personId: world.personA })

    expectProblem(await client.as(undefined).get('/metrics'), 401)
    expectProblem(await client.as(member).get('/metrics'), 403)
    expectProblem(await client.as(world.hrToken).get('/metrics'), 403)
    expectProblem(await client.as(METRICS_TOKEN).get('/metrics'), 401)
    expect((await scrape(plain, `Bearer ${auditor}`)).samples.length).toBeGreaterThan(0)
    expect((await scrape(plain, `Bearer ${ADMIN_SECRET}`)).samples.length).toBeGreaterThan(0)
  })

  it('keeps a registry per app: requests to one app do not show in another', async () => {
    const other = createApp({ store: db.store, metrics: { token: METRICS_TOKEN } })
    const health = { method: 'GET', route: '/health', status: '200' }
    const [mineBefore, otherBefore] = [await scrape(app), await scrape(other)]
    for (let i = 0; i < 3; i++) expect((await app.request('/health')).status).toBe(200)
    const [mineAfter, otherAfter] = [await scrape(app), await scrape(other)]
    expect(moved(mineBefore, mineAfter, `${HTTP}_count`, health)).toBe(3)
    expect(moved(otherBefore, otherAfter, `${HTTP}_count`, health)).toBe(0)
  })
})

describe('METRICS_TOKEN', () => {
  it('is read from the environment and must be at least 20 characters', () => {
    expect(loadConfig({ METRICS_TOKEN }).metricsToken).toBe(METRICS_TOKEN)
    expect(loadConfig({}).metricsToken).toBeUndefined()
    expect(() => loadConfig({ METRICS_TOKEN: 'kort' })).toThrow(/METRICS_TOKEN/)
  })
})
