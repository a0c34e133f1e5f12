import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  machineVersions,
  machines,
  sampleEvents,
  start,
  sampleInput,
} from '../../machines/index.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import { fingerprint } from './http.helpers.ts'
import { requestArb } from './fuzz.arbitraries.ts'
import { openTransitionOnVersion } from './transitions.helpers.ts'
import type { FuzzContext, FuzzRequest } from './fuzz.arbitraries.ts'

// Bad input from fast-check against every route, with valid and invalid tokens: no answer is a
// server error, every refusal is a problem document, and a refused request changes nothing in
// the database. Fixed seed and run count, so a failure reproduces.

const SEED = 20_261_123
const RUNS = 1_200

interface Violation {
  request: string
  problem: string
}

function describeRequest(r: FuzzRequest): string {
  const body =
    r.body === undefined
      ? ''
      : ` body=${JSON.stringify(r.body.slice(0, 120))}${r.body.length > 120 ? `…(${r.body.length})` : ''}`
  const headers = Object.entries(r.headers)
    .filter(([k]) => k !== 'authorization')
    .map(([k, v]) => `${k}=${JSON.stringify(v.slice(0, 40))}`)
    .join(' ')
  return `${r.method} ${r.path.slice(0, 160)} ${headers}${body}`
}

describe.each(DATABASES)('fuzzing every route with bad input (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let ctx: FuzzContext

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    const world = await buildWorld(admin)
    // A transition still on version 1 (opened before version 2 existed) is a target too.
    const older = await openTransitionOnVersion(
      db.store,
      admin,
      {
        personId: world.teacherA,
        organisationId: world.orgA,
        newRole: 'coach',
        domain: 'leren-van-collegas',
        careerPath: 'andere-taken-en-rollen',
      },
      1,
    )
    const token = async (input: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/tokens', { name: 'fuzz', ...input })
      expect(res.status).toBe(201)
      return res.body as { id: string; token: string }
    }
    const revoked = await token({ role: 'auditor' })
    await admin.delete(`/api/v1/tokens/${revoked.id}`)
    const throwaway = await token({ role: 'auditor' })
    const routes = [
      ...new Set(
        admin.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
      ),
    ]
    const now = new Date().toISOString()
    const team = start(machines.ontwikkelteam, sampleInput(machines.ontwikkelteam), now)
    const events = sampleEvents(machines.ontwikkelteam, team, { includeBlocked: true })
    const idsFor = (route: string): string[] => {
      if (route.includes('/instances/')) {
        return [world.teamId, world.transitionInstanceId, older.instanceId]
      }
      if (route.includes('/people/')) return [world.personA, world.personB]
      if (route.includes('/pilots/')) return [world.pilotId]
      if (route.includes('/tokens/')) return [throwaway.id]
      if (route.includes('/machines/')) return ['ontwikkelteam', 'rolovergang']
      if (route.includes('/docs/assets/')) return ['swagger-ui.css', 'init.js']
      return []
    }
    ctx = {
      routes,
      idsFor,
      ids: [
        world.teamId,
        world.transitionInstanceId,
        older.instanceId,
        world.personA,
        world.pilotId,
        world.orgA,
        throwaway.id,
        'ontwikkelteam',
        'swagger-ui.css',
        'beheer',
        'bestaat-niet',
      ],
      // Every version's event types: one version's may reach an instance of another.
      eventTypes: [...new Set(machineVersions.flatMap((def) => Object.keys(def.events)))],
      tokens: [
        admin.token ?? '',
        (await token({ role: 'hr', organisationIds: [world.orgA], personId: world.hrPerson }))
          .token,
        world.hrToken,
        (await token({ role: 'member', personId: world.personA })).token,
        (await token({ role: 'teacher', personId: world.teacherA })).token,
        (await token({ role: 'auditor' })).token,
        revoked.token,
        'dl_not-a-real-token-0123456789',
      ],
      validBodies: {
        'POST /api/v1/organisations': { name: 'Fuzzschool', kind: 'school' },
        'POST /api/v1/people': {
          name: 'Fuzz Persoon',
          email: 'fuzz@example.nl',
          organisationId: world.orgA,
        },
        'POST /api/v1/people/:id/affiliations': {
          organisationId: world.orgB,
          functionTitle: 'Fuzzfunctie',
        },
        'POST /api/v1/tokens': {
          name: 'fuzz',
          role: 'hr',
          organisationIds: [world.orgA],
          personId: world.hrPerson,
        },
        'PUT /api/v1/tokens/:id/person': { personId: world.personA },
        'POST /api/v1/pilots': {
          name: 'Fuzzpilot',
          scenario: '1a',
          organisationIds: [world.orgA, world.orgB],
        },
        'POST /api/v1/transitions': {
          personId: world.teacherA,
          organisationId: world.orgA,
          newRole: 'schoolopleider',
          domain: 'leren-van-collegas',
          careerPath: 'vergroot-bereik',
        },
        'POST /api/v1/instances/:id/events': {
          type: 'relatie.vastleggen',
          payload: events.find((e) => e.type === 'relatie.vastleggen')?.payload ?? {},
          reason: 'Omdat het kan.',
          // Not before the day the world's instances began: that is refused.
          effectiveDate: amsterdamDate(new Date().toISOString()),
        },
      },
    }
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it(`answers ${RUNS} malformed requests without a server error, with problem details, changing nothing when refused`, async () => {
    const violations: Violation[] = []
    const statuses = new Map<number, number>()
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()
    let sent = 0
    await fc.assert(
      fc.asyncProperty(requestArb(ctx), async (r) => {
        const before = await fingerprint(db.store)
        let res: Response
        try {
          res = await admin.app.request(r.path, {
            method: r.method,
            headers: r.headers,
            ...(r.body !== undefined ? { body: r.body } : {}),
          })
        } catch (error) {
          // Only a request the fetch API itself refuses to build may throw, never the app.
          if (error instanceof TypeError && /header|Request|method/i.test(error.message)) return
          violations.push({ request: describeRequest(r), problem: `threw ${String(error)}` })
          return
        }
        sent++
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
        const text = await res.text()
        const fail = (problem: string) =>
          violations.push({ request: describeRequest(r), problem: `${res.status}: ${problem}` })
        if (res.status >= 500) fail(`server error ${text.slice(0, 200)}`)
        if (res.status >= 200 && res.status < 300) return
        const type = res.headers.get('content-type') ?? ''
        // Web pages (session cookie) refuse with a redirect to the login page or a page of text.
        const page = !/^\/(api\/|health|ready|openapi\.json|docs)/.test(r.path)
        if (page && (res.status < 400 || type.startsWith('text/'))) {
          if (/\bat .+\.(ts|tsx|js):\d+|node_modules/.test(text)) fail('stack trace in the page')
        } else if (!/^application\/problem\+json/.test(type)) {
          fail(`not problem+json but ${type}`)
        } else if (r.method !== 'HEAD') {
          const body = JSON.parse(text) as Record<string, unknown>
          for (const key of ['type', 'title', 'detail'] as const) {
            if (typeof body[key] !== 'string') fail(`problem without ${key}`)
          }
          if (body.status !== res.status) fail(`problem status ${String(body.status)}`)
          if (/\bat .+\.(ts|js):\d+|node_modules/.test(text)) fail('stack trace in the answer')
        }
        if ((await fingerprint(db.store)) !== before) fail('refused, yet the database changed')
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
    console.log(
      `[fuzz ${kind}] ${sent} requests sent (seed ${SEED}); statuses: ${[...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    )
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(sent).toBeGreaterThanOrEqual(1_000)
    // One example per kind of violation and route, so the report stays readable.
    const kindOf = (v: Violation) =>
      `${v.problem.slice(0, 24)} ${v.request.split(/[?\s]/, 2).join(' ')}`
    const distinct = [...new Map(violations.map((v) => [kindOf(v), v])).values()]
    expect(distinct.map((v) => `${v.problem}\n    ← ${v.request}`)).toEqual([])
  }, 300_000)
})
