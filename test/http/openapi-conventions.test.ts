import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { expectProblem } from './http.helpers.ts'

interface Operation {
  operationId?: string
  requestBody?: { content: Record<string, unknown> }
  parameters?: { in: string; name: string }[]
  responses: Record<string, { headers?: Record<string, unknown>; content?: unknown }>
}

// Integrators generate clients from these names: renaming one breaks their code, so the list is
// fixed here and a change to it is a deliberate one.
const OPERATION_IDS: Record<string, string> = {
  'POST /api/v1/organisations': 'createOrganisation',
  'GET /api/v1/organisations': 'listOrganisations',
  'POST /api/v1/people': 'createPerson',
  'GET /api/v1/people': 'listPeople',
  'GET /api/v1/people/{id}': 'getPerson',
  'DELETE /api/v1/people/{id}': 'erasePerson',
  'POST /api/v1/people/{id}/affiliations': 'addAffiliation',
  'POST /api/v1/people/{id}/identities': 'linkIdentity',
  'POST /api/v1/tokens': 'createToken',
  'GET /api/v1/tokens': 'listTokens',
  'DELETE /api/v1/tokens/{id}': 'revokeToken',
  'PUT /api/v1/tokens/{id}/person': 'bindTokenToPerson',
  'POST /api/v1/pilots': 'createPilot',
  'GET /api/v1/pilots': 'listPilots',
  'GET /api/v1/pilots/{id}': 'getPilot',
  'POST /api/v1/transitions': 'createTransition',
  'GET /api/v1/transitions': 'listTransitions',
  'GET /api/v1/instances': 'listInstances',
  'GET /api/v1/instances/{id}': 'getInstance',
  'POST /api/v1/instances/{id}/events': 'postEvent',
  'GET /api/v1/instances/{id}/events': 'listInstanceEvents',
  'GET /api/v1/instances/{id}/members': 'listTeamMembers',
  'GET /api/v1/instances/{id}/documents/{sha256}': 'getDocument',
  'GET /api/v1/instances/{id}/cycles': 'compareCycles',
  'GET /api/v1/instances/{id}/state': 'getInstanceState',
  'GET /api/v1/audit/verify': 'verifyAudit',
  'POST /api/v1/audit/verify': 'verifyCheckpoint',
  'GET /api/v1/audit/checkpoint': 'getCheckpoint',
  'GET /api/v1/audit/public-key': 'getPublicKey',
  'GET /api/v1/audit/export': 'exportAudit',
  'GET /api/v1/audit/access-log': 'listAccessLog',
  'GET /api/v1/audit/report-reads': 'listReportReads',
  'GET /api/v1/inbox': 'getInbox',
  'GET /api/v1/reports': 'listReports',
  'GET /api/v1/reports/{id}': 'getReport',
  'GET /api/v1/machines': 'listMachines',
  'GET /api/v1/machines/{id}': 'getMachine',
  'GET /api/v1/machines/{id}/versions/{version}': 'getMachineVersion',
  'POST /api/v1/machines/{id}/migrations': 'migrateInstances',
}

describe('the OpenAPI document follows the conventions an integrator expects', () => {
  let db: TestDatabase
  let admin: Client
  let operations: [string, Operation][]

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    ;({ admin } = await testApp(db.store))
    const doc = (await admin.as(undefined).get('/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>
    }
    operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        op,
      ]),
    )
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('every operation has an operationId: camelCase, unique, and the one it always had', () => {
    expect(operations.length).toBeGreaterThan(0)
    const ids = operations.map(([, op]) => op.operationId)
    for (const [name, op] of operations) {
      expect(op.operationId, name).toMatch(/^[a-z][a-zA-Z0-9]*$/)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(Object.fromEntries(operations.map(([name, op]) => [name, op.operationId]))).toEqual(
      OPERATION_IDS,
    )
  })

  it('every operation documents 429 with Retry-After and 503, as problem+json', () => {
    for (const [name, op] of operations) {
      const limited = op.responses['429']
      expect(limited, name).toBeDefined()
      expect(Object.keys(limited?.headers ?? {}), name).toContain('Retry-After')
      expect(op.responses['503'], name).toBeDefined()
      expect(JSON.stringify(op.responses['503']), name).toContain('application/problem+json')
    }
  })

  it('every operation that takes a JSON body documents 413 and 415', () => {
    const withBody = operations.filter(([, op]) => op.requestBody)
    expect(withBody.length).toBeGreaterThanOrEqual(10)
    // An event may come with a document: as multipart/form-data, beside the JSON body.
    const types = (name: string) =>
      name === 'POST /api/v1/instances/{id}/events'
        ? ['application/json', 'multipart/form-data']
        : ['application/json']
    for (const [name, op] of withBody) {
      expect(Object.keys(op.requestBody?.content ?? {}), name).toEqual(types(name))
      expect(op.responses['415'], name).toBeDefined()
      expect(op.responses['413'], name).toBeDefined()
    }
  })

  it('instance reads document their ETag and 304 for If-None-Match', () => {
    const byName = Object.fromEntries(operations)
    for (const name of ['GET /api/v1/instances/{id}', 'GET /api/v1/instances/{id}/events']) {
      const op = byName[name]
      expect(Object.keys(op?.responses['200']?.headers ?? {}), name).toContain('ETag')
      expect(op?.responses['304'], name).toBeDefined()
      expect(
        op?.parameters?.map((p) => `${p.in} ${p.name}`),
        name,
      ).toContain('header if-none-match')
    }
  })

  it('every POST that creates something (201) takes an Idempotency-Key', () => {
    const creating = operations.filter(([, op]) => op.responses['201'])
    expect(creating.map(([name]) => name).sort()).toEqual(
      [
        'POST /api/v1/organisations',
        'POST /api/v1/people',
        'POST /api/v1/people/{id}/affiliations',
        'POST /api/v1/people/{id}/identities',
        'POST /api/v1/pilots',
        'POST /api/v1/tokens',
        'POST /api/v1/transitions',
      ].sort(),
    )
    for (const [name, op] of [...creating, ...operations.filter(([n]) => n.endsWith('/events'))]) {
      if (!name.startsWith('POST')) continue
      expect(
        op.parameters?.map((p) => `${p.in} ${p.name}`),
        name,
      ).toContain('header idempotency-key')
    }
  })

  it('a body that is not application/json → 415 problem with a Dutch reason, on every such operation', async () => {
    for (const [name] of operations.filter(([, o]) => o.requestBody)) {
      const [method = '', template = ''] = name.split(' ')
      const path = template.replace(/\{[^}]+\}/g, 'x')
      const res = await admin.request(method, path, '{}', { 'content-type': 'text/plain' })
      expectProblem(res, 415, name)
      expect(res.body.detail, name).toBe('Stuur de body als application/json.')
    }
  })
})
