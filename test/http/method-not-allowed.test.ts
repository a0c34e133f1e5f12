import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { expectProblem } from './http.helpers.ts'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

describe('a known path with a method it does not take', () => {
  let db: TestDatabase
  let admin: Client

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('PUT /api/v1/pilots → 405 problem with Allow: GET, POST and a Dutch reason', async () => {
    const res = await admin.request('PUT', '/api/v1/pilots', {})
    expectProblem(res, 405)
    expect(res.headers.get('allow')).toBe('GET, POST')
    expect(res.body.type).toBe('https://doorlopend.nl/problems/method-not-allowed')
    expect(res.body.detail).toBe(
      'De methode PUT is niet mogelijk op /api/v1/pilots; hier kan: GET, POST.',
    )
  })

  it('every path of the OpenAPI document: a method it lacks → 405, Allow naming the methods it has', async () => {
    const doc = (await admin.get('/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>
    }
    for (const [template, byMethod] of Object.entries(doc.paths)) {
      const path = template.replace(/\{[^}]+\}/g, 'x')
      const has = Object.keys(byMethod).map((m) => m.toUpperCase())
      const allow = METHODS.filter((m) => has.includes(m)).join(', ')
      for (const method of METHODS.filter((m) => !has.includes(m))) {
        const res = await admin.request(method, path, method === 'GET' ? undefined : {})
        expectProblem(res, 405, `${method} ${path}`)
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow)
      }
    }
  })

  it('the web pages too: DELETE /login → 405 with Allow: GET, POST', async () => {
    const res = await admin.request('DELETE', '/login')
    expectProblem(res, 405)
    expect(res.headers.get('allow')).toBe('GET, POST')
  })

  it('an unknown path stays 404, without Allow', async () => {
    for (const [method, path] of [
      ['PUT', '/api/v1/nope'],
      ['GET', '/api/v1/pilots/x/y'],
      ['DELETE', '/api/v2/pilots'],
      ['PUT', '/api/v1/pilots/'],
    ] as const) {
      const res = await admin.request(method, path, method === 'GET' ? undefined : {})
      expectProblem(res, 404, `${method} ${path}`)
      expect(res.headers.get('allow'), path).toBeNull()
    }
  })

  it('without a valid token a 405 is a 401, as a 404 is: neither tells which paths exist', async () => {
    for (const client of [admin.as(undefined), admin.as('dl_made-up-token-0123456789abcdef')]) {
      for (const path of ['/api/v1/pilots', '/api/v1/nope']) {
        const res = await client.request('PUT', path, {})
        expectProblem(res, 401, path)
        expect(res.headers.get('allow'), path).toBeNull()
      }
    }
  })

  it('a role that may use no method of the path still gets 405 (the document is public)', async () => {
    const auditor = await tokenFor(db.store, { name: 'auditor', role: 'auditor' })
    const res = await admin.as(auditor).request('PATCH', '/api/v1/tokens', {})
    expectProblem(res, 405)
    expect(res.headers.get('allow')).toBe('GET, POST')
  })
})
