import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createLog } from '../../src/log/logger.ts'
import { startServer } from '../../src/server.ts'
import type { RunningServer } from '../../src/server.ts'
import { ADMIN_SECRET } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { freePort, runDoorlopend, untilAnswers } from './process.ts'

const NAME = 'Fenna Zwartkop'
const EMAIL = 'fenna.zwartkop@example.nl'

/** Parses every line; a line that is not one JSON object fails the test. */
function records(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed: unknown = JSON.parse(line)
      expect(typeof parsed === 'object' && parsed !== null, line).toBe(true)
      return parsed as Record<string, unknown>
    })
}

describe('request log', () => {
  let db: TestDatabase
  let running: RunningServer
  let written = ''

  beforeEach(async () => {
    db = await freshDatabase('sqlite')
    await db.store.destroy()
    written = ''
    const config = loadConfig({
      DATABASE_URL: db.url,
      ADMIN_TOKEN: ADMIN_SECRET,
      PORT: '0',
      LOG_LEVEL: 'info',
    })
    const log = createLog({ level: 'info', destination: { write: (s: string) => (written += s) } })
    running = await startServer(config, { log, print: (text) => (written += text) })
    db.store = db.open()
  })
  afterEach(async () => {
    await running.destroy()
    await db.cleanup()
  })

  const call = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${running.url}${path}`, {
      ...init,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    })

  it('writes one JSON line per request with route pattern, status, duration, request id and token id, never the token or a name', async () => {
    const org = await call('/api/v1/organisations', {
      method: 'POST',
      token: ADMIN_SECRET,
      body: JSON.stringify({ name: 'Esprit Scholen', kind: 'bestuur' }),
    })
    const orgId = ((await org.json()) as { id: string }).id
    const person = await call('/api/v1/people', {
      method: 'POST',
      token: ADMIN_SECRET,
      headers: { 'x-request-id': 'proxy-7f3a' },
      body: JSON.stringify({ name: NAME, email: EMAIL, organisationId: orgId }),
    })
    expect(person.status).toBe(201)
    expect(person.headers.get('x-request-id')).toBe('proxy-7f3a')
    const personId = ((await person.json()) as { id: string }).id

    const found = await call(`/api/v1/people/${personId}?q=${encodeURIComponent(NAME)}`, {
      token: ADMIN_SECRET,
      headers: { 'x-request-id': 'a'.repeat(101) },
    })
    expect(found.status).toBe(200)
    const generated = found.headers.get('x-request-id') ?? ''
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)
    const search = await call(`/api/v1/people?q=${encodeURIComponent('Zwartkop')}`, {
      token: ADMIN_SECRET,
      headers: { 'x-request-id': 'met spatie' },
    })
    expect(search.status).toBe(200)
    expect(search.headers.get('x-request-id')).not.toContain(' ')
    const refused = await call('/api/v1/people', { token: 'dl_verzonnen-token-0123456789abc' })
    expect(refused.status).toBe(401)

    const tokenId = (
      await db.store.db
        .selectFrom('tokens')
        .select('id')
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).id
    const lines = records(written).filter((r) => r['msg'] === 'request')
    expect(lines.map((r) => [r['method'], r['route'], r['status']])).toEqual([
      ['POST', '/api/v1/organisations', 201],
      ['POST', '/api/v1/people', 201],
      ['GET', '/api/v1/people/:id', 200],
      ['GET', '/api/v1/people', 200],
      ['GET', '/api/v1/people', 401],
    ])
    for (const line of lines) {
      expect(line['level']).toBe('info')
      expect(typeof line['ms']).toBe('number')
      expect(typeof line['time']).toBe('string')
    }
    expect(lines.map((r) => r['tokenId'])).toEqual([tokenId, tokenId, tokenId, tokenId, null])
    expect(lines[1]?.['reqId']).toBe('proxy-7f3a')
    expect(lines[2]?.['reqId']).toBe(generated)
    expect(new Set(lines.map((r) => r['reqId'])).size).toBe(lines.length)

    expect(written).not.toContain(ADMIN_SECRET)
    expect(written).not.toContain('dl_verzonnen')
    expect(written).not.toContain('Fenna')
    expect(written).not.toContain('Zwartkop')
    expect(written).not.toContain(EMAIL)
  })

  it('logs an unexpected error once with its stack and the request id of the request it broke', async () => {
    // The database goes away under the server: every request that needs it fails.
    await running.store.destroy()
    const res = await call('/api/v1/people', {
      token: ADMIN_SECRET,
      headers: { 'x-request-id': 'kapot-1' },
    })
    expect(res.status).toBeGreaterThanOrEqual(500)
    const lines = records(written).filter((r) => r['reqId'] === 'kapot-1')
    const error = lines.find((r) => r['msg'] === 'unexpected error')
    expect(error?.['level']).toBe('error')
    expect((error?.['err'] as { stack?: string } | undefined)?.stack).toMatch(/\n\s+at /)
    const request = lines.find((r) => r['msg'] === 'request failed')
    expect(request).toMatchObject({ level: 'error', status: res.status, route: '/api/v1/people' })
  })
})

describe('log levels of the server process', () => {
  it('accepts error, warn, info, debug and silent, and refuses others', () => {
    for (const level of ['error', 'warn', 'info', 'debug', 'silent'] as const) {
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level)
    }
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/)
  })

  /** Starts a server process on a fresh SQLite file at `level`, makes requests, stops it. */
  async function serveAt(level: string, adminToken?: string) {
    const db = await freshDatabase('sqlite')
    await db.store.destroy()
    const port = await freePort()
    const run = runDoorlopend(['serve'], {
      DATABASE_URL: db.url,
      PORT: String(port),
      LOG_LEVEL: level,
      ...(adminToken ? { ADMIN_TOKEN: adminToken } : {}),
    })
    try {
      await untilAnswers(`http://127.0.0.1:${port}/health`, run)
      await fetch(`http://127.0.0.1:${port}/api/v1/people`)
      await fetch(`http://127.0.0.1:${port}/api/v1/people`, {
        headers: { authorization: `Bearer ${ADMIN_SECRET}` },
      })
      run.child.kill('SIGTERM')
      expect(await run.exited).toBe(0)
      return run
    } finally {
      run.child.kill('SIGKILL')
      db.store = db.open()
      await db.cleanup()
    }
  }

  it('LOG_LEVEL=silent writes nothing at all, not even the start line', async () => {
    const run = await serveAt('silent', ADMIN_SECRET)
    expect(run.stdout()).toBe('')
    expect(run.stderr()).toBe('')
  })

  it('LOG_LEVEL=silent still prints the first-start admin token, as a plain line', async () => {
    const run = await serveAt('silent')
    expect(run.stdout()).toMatch(
      /Eerste start: een beheerderstoken is aangemaakt[\s\S]*\n {2}dl_\S+\n/,
    )
    expect(run.stdout()).not.toContain('{')
  })

  it('LOG_LEVEL=warn leaves out the start and request lines', async () => {
    const run = await serveAt('warn', ADMIN_SECRET)
    expect(records(run.stdout())).toEqual([])
  })

  it('LOG_LEVEL=info writes JSON lines only, one per API request, with the start line', async () => {
    const run = await serveAt('info', ADMIN_SECRET)
    const lines = records(run.stdout())
    expect(lines.filter((r) => /^doorlopend luistert op http/.test(String(r['msg'])))).toHaveLength(
      1,
    )
    const requests = lines.filter((r) => r['msg'] === 'request')
    // /health is a probe: debug, not info.
    expect(requests.map((r) => [r['route'], r['status']])).toEqual([
      ['/api/v1/people', 401],
      ['/api/v1/people', 200],
    ])
    expect(run.stdout()).not.toContain(ADMIN_SECRET)
  })

  it('LOG_LEVEL=debug also logs the probes', async () => {
    const run = await serveAt('debug', ADMIN_SECRET)
    const probes = records(run.stdout()).filter((r) => r['route'] === '/health')
    expect(probes.length).toBeGreaterThan(0)
    expect(probes[0]?.['level']).toBe('debug')
  })
})
