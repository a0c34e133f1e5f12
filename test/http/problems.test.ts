import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT_BYTES } from '../../src/http/app.ts'
import { testApp } from '../support/app.ts'
import type { Client, Response } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'

// The contract cases of API.md, "Conventions": problem details for what a client gets wrong,
// the unauthenticated endpoints, the OpenAPI document and its reference page, secure headers,
// paging and the ETag.

describe.each(DATABASES)('HTTP contract (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const raw = (path: string, init: RequestInit = {}) => admin.app.request(path, init)
  const auth = { authorization: `Bearer ${'dl_test-admin-secret-0123456789abcdef'}` }

  describe('bad requests answer problem details and change nothing', () => {
    it('malformed JSON → 400', async () => {
      const before = await fingerprint(db.store)
      for (const text of ['{"name":', '{name: "x"}', "{'a':1}", '{"a":1,}', 'nul', '']) {
        const res = await admin.request('POST', '/api/v1/organisations', text, {
          'content-type': 'application/json',
        })
        expectProblem(res, 400, JSON.stringify(text))
      }
      expect(await fingerprint(db.store)).toBe(before)
    })

    it('a body that fails its schema → 400 with errors [{path, message}] naming each field', async () => {
      const res = await admin.post('/api/v1/organisations', { name: '', kind: 'kasteel', extra: 1 })
      expectProblem(res, 400)
      const errors = res.body.errors as { path: string; message: string }[]
      expect(Array.isArray(errors)).toBe(true)
      for (const e of errors) {
        expect(typeof e.path).toBe('string')
        expect(typeof e.message).toBe('string')
        expect(e.message.length).toBeGreaterThan(0)
      }
      const paths = errors.map((e) => e.path).join(' ')
      expect(paths).toMatch(/name/)
      expect(paths).toMatch(/kind/)
    })

    it('an event payload that fails its schema → 400 with errors under payload', async () => {
      // HR of orgA may act namens orgA (admin may not: that would be 403 before any payload check).
      const res = await admin.as(world.hrToken).post(`/api/v1/instances/${world.teamId}/events`, {
        type: 'ambitie.vastleggen',
        payload: { organisationId: world.orgA, text: 42 },
      })
      expectProblem(res, 400)
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'payload.text' })]),
      )
    })

    it(`a body over ${BODY_LIMIT_BYTES / 1024} KiB → 413, with or without Content-Length`, async () => {
      const before = await fingerprint(db.store)
      const big = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES), kind: 'school' })
      const withLength = await admin.request('POST', '/api/v1/organisations', big, {
        'content-length': String(Buffer.byteLength(big)),
      })
      expectProblem(withLength, 413)
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big))
          controller.close()
        },
      })
      const chunked = await raw('/api/v1/organisations', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit)
      expect(chunked.status).toBe(413)
      expect(chunked.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await fingerprint(db.store)).toBe(before)
    })

    it('a body that is not JSON → 415 problem', async () => {
      const body = JSON.stringify({ name: 'Via tekst', kind: 'school' })
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
      ]) {
        const res = await admin.request('POST', '/api/v1/organisations', body, {
          'content-type': type,
        })
        expectProblem(res, 415, type)
      }
      const none = await raw('/api/v1/organisations', { method: 'POST', headers: auth, body })
      expect(none.status).toBe(415)
      expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    })

    it('an unknown route → 404 problem (401 first without a token, so routes do not leak)', async () => {
      for (const path of ['/api/v1/nope', '/api/v2/instances', '/api/v1/instances/x/y/z']) {
        expectProblem(await admin.get(path), 404, path)
        expectProblem(await admin.as(undefined).get(path), 401, path)
      }
      // A known path with a method it does not take is a 405 (test/http/method-not-allowed.test.ts).
      expectProblem(await admin.request('PATCH', `/api/v1/instances/${world.teamId}`, {}), 405)
    })

    it('no token or an unknown one → 401 with WWW-Authenticate: Bearer', async () => {
      for (const authorization of [undefined, 'Bearer', 'Bearer nope', 'Basic YWRtaW46YWRtaW4=']) {
        const res = await raw('/api/v1/instances', {
          headers: authorization ? { authorization } : {},
        })
        expect(res.status).toBe(401)
        expect(res.headers.get('www-authenticate')).toBe('Bearer')
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      }
    })

    it('a lone UTF-16 surrogate in a JSON string → 400, never 500', async () => {
      const before = await fingerprint(db.store)
      const res = await admin.request(
        'POST',
        '/api/v1/organisations',
        '{"name":"School \\ud800","kind":"school"}',
      )
      expectProblem(res, 400)
      const event = await admin.request(
        'POST',
        `/api/v1/instances/${world.teamId}/events`,
        '{"type":"relatie.vastleggen","payload":{"text":"Samen \\udfff"}}',
      )
      expectProblem(event, 400)
      expect(await fingerprint(db.store)).toBe(before)
    })

    it('a NUL character in a string field → 400 on every database, never 500', async () => {
      const before = await fingerprint(db.store)
      const org = await admin.request(
        'POST',
        '/api/v1/organisations',
        '{"name":"a\\u0000b","kind":"school"}',
      )
      expectProblem(org, 400)
      const event = await admin.request(
        'POST',
        `/api/v1/instances/${world.teamId}/events`,
        '{"type":"relatie.vastleggen","payload":{"text":"a"},"reason":"a\\u0000b"}',
      )
      expectProblem(event, 400)
      expect(await fingerprint(db.store)).toBe(before)
    })

    it('an event type named like an Object.prototype member → 422 unknown event, never 500', async () => {
      const before = await fingerprint(db.store)
      for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
        const res = await admin.post(`/api/v1/instances/${world.teamId}/events`, {
          type,
          payload: {},
        })
        expectProblem(res, 422, type)
        expect(res.body.detail).toContain(`Onbekende gebeurtenis ‘${type}’`)
        expect(res.body.blocked.type).toBe(type)
        expect(res.body.blocked.reasons.length).toBeGreaterThan(0)
      }
      expect(await fingerprint(db.store)).toBe(before)
    })

    it('a file name like an Object.prototype member → 404, never 500', async () => {
      for (const file of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        for (const path of [`/docs/assets/${file}`, `/assets/${file}`]) {
          const res = await raw(path)
          expect(res.status, path).toBe(404)
        }
      }
    })

    it('a form body that cannot be parsed, on a web page → 4xx, never 500', async () => {
      for (const type of ['multipart/form-data; boundary=x', 'multipart/form-data']) {
        const res = await admin.as(undefined).request('POST', '/login', '{}', {
          'content-type': type,
        })
        expect(res.status, `${type} → ${res.status}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${type} → ${res.status}`).toBeLessThan(500)
      }
    })

    it('a NUL character in an id or a cursor → 400 or 404, never 500', async () => {
      for (const path of [
        '/api/v1/instances/%00',
        '/api/v1/instances/a%00b/events',
        '/api/v1/people/%00',
        '/api/v1/pilots/%00',
        '/api/v1/audit/verify?instanceId=%00',
      ]) {
        const res = await admin.get(path)
        expect([400, 404], `${path} → ${res.status}`).toContain(res.status)
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      }
      // A cursor no id can have: an empty page or 400, as long as it is not a server error.
      for (const path of ['/api/v1/instances?after=%00', '/api/v1/organisations?after=a%00']) {
        const res = await admin.get(path)
        expect([200, 400], `${path} → ${res.status}`).toContain(res.status)
      }
    })
  })

  describe('unauthenticated endpoints', () => {
    it('GET /health → 200 {status: "ok"} without a token', async () => {
      const res = await admin.as(undefined).get('/health')
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ status: 'ok' })
    })

    it('GET /ready → 200 when the database answers', async () => {
      const res = await admin.as(undefined).get('/ready')
      expect(res.status).toBe(200)
    })

    it('GET /openapi.json is OpenAPI 3.1 and lists every /api/v1 route with its method', async () => {
      const res = await admin.as(undefined).get('/openapi.json')
      expect(res.status).toBe(200)
      expect(res.body.openapi).toMatch(/^3\.1\./)
      const routes = admin.app.routes.filter(
        (r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'),
      )
      expect(routes.length).toBeGreaterThan(15)
      for (const r of routes) {
        const path = r.path.replace(/:(\w+)/g, '{$1}')
        expect(res.body.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined()
      }
    })

    it('GET /docs serves HTML whose scripts and styles are all served by the app itself', async () => {
      const res = await raw('/docs')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await res.text()
      const refs = [
        ...html.matchAll(
          /<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']/gi,
        ),
      ].map((m) => m[1] ?? '')
      expect(refs.length).toBeGreaterThanOrEqual(2)
      for (const ref of refs) {
        expect(ref, ref).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:)?\/\//i)
        const asset = await raw(new URL(ref, 'http://localhost/docs').pathname)
        expect(asset.status, ref).toBe(200)
      }
      expect(res.headers.get('content-security-policy')).not.toMatch(/https?:/)
    })
  })

  it('sends the secure headers on answers and on problems', async () => {
    for (const res of [
      await raw('/health'),
      await raw('/api/v1/instances'),
      await raw('/api/v1/instances', { headers: auth }),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBeTruthy()
      expect(res.headers.get('referrer-policy')).toBeTruthy()
      expect(res.headers.get('strict-transport-security')).toBeTruthy()
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    }
  })

  describe('paging', () => {
    beforeAll(async () => {
      for (const name of ['Een', 'Twee', 'Drie']) {
        expect((await admin.post('/api/v1/organisations', { name, kind: 'school' })).status).toBe(
          201,
        )
      }
      await admin.post('/api/v1/pilots', {
        name: 'Tweede',
        scenario: '1a',
        organisationIds: [world.orgA, world.orgB],
      })
      await admin.post(`/api/v1/instances/${world.teamId}/events`, {
        type: 'relatie.vastleggen',
        payload: { text: 'a' },
      })
      await admin.post(`/api/v1/instances/${world.teamId}/events`, {
        type: 'relatie.vastleggen',
        payload: { text: 'b' },
      })
    })

    for (const path of [
      '/api/v1/organisations',
      '/api/v1/pilots',
      '/api/v1/transitions',
      '/api/v1/instances',
      'EVENTS',
    ]) {
      it(`${path}: ?limit=1 gives a next cursor, and following it walks every item once`, async () => {
        const base = path === 'EVENTS' ? `/api/v1/instances/${world.teamId}/events` : path
        const whole = await admin.get(`${base}?limit=500`)
        expect(whole.status).toBe(200)
        expect(whole.body.next).toBeNull()
        const key = (i: any) => String(i.id ?? i.seq)
        const seen: string[] = []
        let after: string | null = null
        for (let i = 0; i < 1000; i++) {
          const res: Response = await admin.get(
            `${base}?limit=1${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
          )
          expect(res.status).toBe(200)
          expect(res.body.items.length).toBeLessThanOrEqual(1)
          seen.push(...res.body.items.map(key))
          if (res.body.items.length === 1 && seen.length < whole.body.items.length) {
            expect(typeof res.body.next).toBe('string')
          }
          after = res.body.next
          if (after === null) break
        }
        expect(seen).toEqual(whole.body.items.map(key))
        if (path !== '/api/v1/transitions') expect(seen.length).toBeGreaterThan(1)
      })
    }

    it('limit above 500, zero, negative or not a number → 400', async () => {
      for (const limit of ['501', '0', '-1', 'abc', '1.5']) {
        for (const base of [
          '/api/v1/organisations',
          '/api/v1/instances',
          `/api/v1/instances/${world.teamId}/events`,
        ]) {
          expectProblem(await admin.get(`${base}?limit=${limit}`), 400, `${base}?limit=${limit}`)
        }
      }
      expect((await admin.get('/api/v1/instances?limit=500')).status).toBe(200)
    })
  })

  it('GET /instances/:id sends ETag "<version>", and it moves with every event', async () => {
    const first = await admin.get(`/api/v1/instances/${world.transitionInstanceId}`)
    expect(first.headers.get('etag')).toBe(`"${first.body.version}"`)
    const posted = await admin.post(`/api/v1/instances/${world.transitionInstanceId}/events`, {
      type: 'behandeling.starten',
    })
    expect(posted.status).toBe(200)
    const second = await admin.get(`/api/v1/instances/${world.transitionInstanceId}`)
    expect(second.body.version).toBe(first.body.version + 1)
    expect(second.headers.get('etag')).toBe(`"${second.body.version}"`)
    // An event that would pass at the current version: only the stale If-Match refuses it.
    const facilitering = {
      type: 'facilitering.afspreken',
      payload: { hoursPerYear: 40, budgetSource: 'school', agreedBy: 'De schoolleiding' },
    }
    const events = `/api/v1/instances/${world.transitionInstanceId}/events`
    const stale = await admin.post(events, facilitering, {
      'if-match': first.headers.get('etag') ?? '',
    })
    expectProblem(stale, 412)
    expect(stale.body.currentVersion).toBe(second.body.version)
    const current = await admin.post(events, facilitering, {
      'if-match': second.headers.get('etag') ?? '',
    })
    expect(current.status, JSON.stringify(current.body)).toBe(200)
  })
})
