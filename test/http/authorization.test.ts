import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../../src/engine/store.ts'
import { POLICY } from '../../src/access/policy.ts'
import type { Action, Role, Scope, ScopeRule } from '../../src/access/policy.ts'
import { createApp } from '../../src/http/app.ts'
import { ROUTE_ACTIONS } from '../../src/http/route-policy.ts'
import { UI_ROUTES } from '../../src/ui/ui-route-table.ts'
import { Client, testApp } from '../support/app.ts'
import type { Response } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import { CORE_CASES } from './authorization.cases.ts'
import { AUDIT_CASES } from './authorization.cases-audit.ts'
import { MACHINE_CASES } from './authorization.cases-machines.ts'
import { TEAM_READ_CASES } from './authorization.cases-team-reads.ts'

const CASES = { ...CORE_CASES, ...AUDIT_CASES, ...MACHINE_CASES, ...TEAM_READ_CASES }
import { buildFixtures } from './authorization.fixtures.ts'
import type { Fixtures } from './authorization.fixtures.ts'
import type { Cell, Mandate, Who } from './authorization.cases.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'

// The authorization matrix: every route of the app × every kind of caller × own, foreign and
// missing objects. What each cell must answer is computed from POLICY and ROUTE_ACTIONS:
// public → 2xx (404 for a missing file); no or revoked token → 401; no rule for any of the
// route's actions → 403; then each check the route makes, in order: no rule → 403, object out of
// reach (or missing) → 404; else the route's 2xx. A refused write changes nothing.

/** The routes of the app, one per method and path (middleware entries left out). */
function appRoutes(): string[] {
  const app = createApp({ store: {} as Store })
  const keys = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)
  return [...new Set(keys)]
}
const ROUTES = appRoutes()
/** Web pages authenticate by session cookie; their table is src/ui/ui-route-table.ts. */
const PAGES = ROUTES.filter((route) => Object.hasOwn(UI_ROUTES, route))
const API = ROUTES.filter((route) => !PAGES.includes(route))

/** How far a rule reaches, read from the policy's own definitions (API.md, "Access"). */
function reaches(who: Who, rule: ScopeRule, scope: Scope): boolean {
  if (rule === 'all') return true
  if (rule === 'organisations') {
    if (who.organisationIds === null) return who.role === 'auditor' || who.role === 'beleid'
    return scope.organisationIds.some((id) => who.organisationIds?.includes(id))
  }
  if (rule === 'self') return who.personId !== null && scope.personIds.includes(who.personId)
  return who.personId !== null && (scope.coordinatorIds ?? []).includes(who.personId)
}

/**
 * Whether `who` may act for `check.namens` (rule 1 of the mandate): a person the team's records
 * name for that organisation, or HR with it in scope. Not admin, auditor or teacher as such.
 */
function mayActFor(who: Who, check: Mandate): boolean {
  const represents =
    who.personId !== null && (check.representedBy[who.personId] ?? []).includes(check.namens)
  const hr = who.role === 'hr' && (who.organisationIds ?? []).includes(check.namens)
  return represents || hr
}

function ruleOf(role: Role, action: Action): ScopeRule | undefined {
  const row: Partial<Record<Role, ScopeRule>> = POLICY[action]
  return row[role]
}

/** The 2xx a route answers, as its OpenAPI document says (200 for routes outside it). */
function successOf(openapi: { paths: Record<string, Record<string, { responses?: object }>> }) {
  return (route: string): number => {
    const [method = '', path = ''] = route.split(' ')
    const operation = openapi.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]
    const codes = Object.keys(operation?.responses ?? {}).filter((code) => /^2\d\d$/.test(code))
    return Number(codes[0] ?? 200)
  }
}

/** The status a cell must answer, from the policy table alone. */
function expectedStatus(
  route: string,
  who: Who,
  cell: Cell,
  success: (route: string) => number,
): number {
  const entry = ROUTE_ACTIONS[route]
  if (entry === undefined) throw new Error(`${route} has no row in ROUTE_ACTIONS`)
  const missing = cell.checks.includes('missing')
  if (entry === 'public') return missing ? 404 : success(route)
  const role = who.role
  if (role === null) return 401
  if (!entry.some((action) => ruleOf(role, action) !== undefined)) return 403
  for (const check of cell.checks) {
    if (check === 'missing') return 404
    if (check === 'blocked') return 422
    if ('namens' in check) {
      if (!mayActFor(who, check)) return 403
      continue
    }
    const rule = ruleOf(role, check.action)
    if (!rule) return 403
    const checked = !check.only || check.only.includes(rule)
    if (check.scope && checked && !reaches(who, rule, check.scope)) return check.seen ? 403 : 404
  }
  return success(route)
}

describe('the route table', () => {
  it('has a row in ROUTE_ACTIONS for every route of the app', () => {
    expect(ROUTES.length).toBeGreaterThan(20)
    expect(ROUTES.filter((route) => ROUTE_ACTIONS[route] === undefined)).toEqual([])
  })

  it('has no row in ROUTE_ACTIONS for a route the app does not have', () => {
    expect(Object.keys(ROUTE_ACTIONS).filter((key) => !ROUTES.includes(key))).toEqual([])
  })

  it('has a matrix row for every route outside the web pages, so none can skip the matrix', () => {
    expect(API.filter((route) => !CASES[route])).toEqual([])
  })

  it('names only actions of POLICY', () => {
    for (const entry of Object.values(ROUTE_ACTIONS)) {
      if (entry === 'public') continue
      for (const action of entry) expect(Object.keys(POLICY)).toContain(action)
    }
  })
})

describe.each(DATABASES)('authorization matrix (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let fixtures: Fixtures
  let success: (route: string) => number
  const callers: Who[] = []

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const app = await testApp(db.store)
    admin = app.admin
    const world = await buildWorld(admin)
    fixtures = await buildFixtures(admin, world)
    success = successOf((await admin.get('/openapi.json')).body)
    const token = async (input: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/tokens', { name: String(input.role), ...input })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body as { id: string; token: string }
    }
    const who = async (
      name: string,
      role: Role,
      scope: { personId?: string; organisationIds?: string[] },
    ): Promise<Who> => ({
      name,
      role,
      token: (await token({ role, ...scope })).token,
      personId: scope.personId ?? null,
      organisationIds: scope.organisationIds ?? null,
    })
    const revoked = await token({ role: 'admin' })
    expect((await admin.delete(`/api/v1/tokens/${revoked.id}`)).status).toBe(204)
    callers.push(
      { name: 'admin', role: 'admin', token: admin.token, personId: null, organisationIds: null },
      await who('hr of orgA', 'hr', { organisationIds: [world.orgA], personId: world.hrPerson }),
      {
        name: 'hr of orgA and orgB',
        role: 'hr',
        token: world.hrToken,
        personId: world.hrPerson,
        organisationIds: [world.orgA, world.orgB],
      },
      // An admin token may name its holder; that gives no mandate of its own.
      await who('admin bound to a person', 'admin', { personId: world.hrPerson }),
      await who('member coordinator', 'member', { personId: world.personA }),
      await who('member (not coordinator)', 'member', { personId: world.personB }),
      await who('teacher with own transition', 'teacher', { personId: world.teacherA }),
      await who('auditor of orgA', 'auditor', { organisationIds: [world.orgA] }),
      await who('auditor (unscoped)', 'auditor', {}),
      await who('beleid of orgA', 'beleid', { organisationIds: [world.orgA] }),
      await who('beleid (unscoped)', 'beleid', {}),
      { name: 'no token', role: null, token: undefined, personId: null, organisationIds: null },
      {
        name: 'revoked token',
        role: null,
        token: revoked.token,
        personId: null,
        organisationIds: null,
      },
      {
        name: 'unknown token',
        role: null,
        token: 'dl_unknown-token-0123456789abcdef',
        personId: null,
        organisationIds: null,
      },
    )
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  for (const route of API) {
    it(`${route}: every caller × own / foreign / missing answers as POLICY says`, async () => {
      const build = CASES[route]
      expect(build, `no matrix row for ${route}`).toBeDefined()
      if (!build) return
      const failures: string[] = []
      let cells = 0
      for (const who of callers) {
        for (const cell of await build(who, fixtures)) {
          cells++
          const expected = expectedStatus(route, who, cell, success)
          const write = cell.method !== 'GET'
          const before = write ? await fingerprint(db.store) : ''
          const client = new Client(admin.app, who.token)
          const res = await client.request(cell.method, cell.path, cell.body)
          const label = `${who.name} · ${cell.variant} · ${cell.method} ${cell.path}`
          if (res.status !== expected) {
            failures.push(
              `${label}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            )
            continue
          }
          if (res.status >= 400) {
            expectProblem(res, expected, label)
            if (res.status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer')
            if (write)
              expect(await fingerprint(db.store), `${label} changed the database`).toBe(before)
          }
        }
      }
      expect(cells).toBeGreaterThan(0)
      expect(failures).toEqual([])
    })
  }

  it('web pages open for no bearer token: without a session each page but the anonymous ones is refused', async () => {
    expect(PAGES.length).toBeGreaterThan(0)
    const failures: string[] = []
    for (const route of PAGES) {
      const [method = 'GET', pattern = '/'] = route.split(' ')
      const path = pattern.replace(':file', 'style.css').replace(/:(\w+)/g, fixtures.team)
      for (const who of callers) {
        const before = method === 'GET' ? '' : await fingerprint(db.store)
        const res = await new Client(admin.app, who.token).request(
          method,
          path,
          method === 'GET' ? undefined : 'name=Binnendoor&kind=school',
          { 'content-type': 'application/x-www-form-urlencoded' },
        )
        const label = `${who.name} · ${method} ${path} → ${res.status}`
        if (res.status >= 500) failures.push(`${label}: server error`)
        if (UI_ROUTES[route] === 'anonymous') continue
        if (res.status < 300 || res.status >= 500) failures.push(`${label}: not refused`)
        if (before && (await fingerprint(db.store)) !== before) failures.push(`${label}: wrote`)
      }
    }
    expect(failures).toEqual([])
  })

  it('lists show exactly the objects each caller reaches, and nothing beyond', async () => {
    const all = async (client: Client, path: string) => {
      const items: any[] = []
      for (let after: string | null = ''; after !== null;) {
        const sep = path.includes('?') ? '&' : '?'
        const res: Response = await client.get(
          `${path}${sep}limit=500${after ? `&after=${after}` : ''}`,
        )
        expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200)
        items.push(...res.body.items)
        after = res.body.next
      }
      return items
    }
    const instances = await all(admin, '/api/v1/instances')
    const instanceScope = (i: any): Scope => {
      const c = i.context
      if (i.machine.id === 'ontwikkelteam') {
        return {
          organisationIds: c.organisationIds,
          personIds: c.members.map((m: any) => m.personId),
          coordinatorIds: c.members
            .filter((m: any) => m.role === 'coordinator')
            .map((m: any) => m.personId),
        }
      }
      return { organisationIds: [c.organisationId], personIds: [c.personId] }
    }
    const lists: [string, Action, (item: any) => Scope][] = [
      [
        '/api/v1/organisations',
        'organisation.read',
        (o) => ({ organisationIds: [o.id], personIds: [] }),
      ],
      ['/api/v1/instances', 'instance.read', instanceScope],
      [
        '/api/v1/transitions',
        'transition.read',
        (t) => ({ organisationIds: [t.organisationId], personIds: [t.personId] }),
      ],
      [
        '/api/v1/pilots',
        'pilot.read',
        (p) => ({
          organisationIds: p.organisationIds,
          personIds: instances
            .filter((i) => i.pilotId === p.id)
            .flatMap((i) => instanceScope(i).personIds),
        }),
      ],
    ]
    const everything = new Map<string, any[]>()
    for (const [path] of lists) everything.set(path, await all(admin, path))
    let compared = 0
    for (const who of callers) {
      if (!who.role) continue
      for (const [path, action, scopeOf] of lists) {
        const rule = ruleOf(who.role, action)
        if (!rule) continue
        const expected = (everything.get(path) ?? []).filter((item) =>
          reaches(who, rule, scopeOf(item)),
        )
        const shown = await all(new Client(admin.app, who.token), path)
        expect(shown.map((i) => i.id).sort(), `${who.name} · GET ${path}`).toEqual(
          expected.map((i) => i.id).sort(),
        )
        compared++
      }
    }
    expect(compared).toBeGreaterThan(15)
  })

  it('lets a coordinator add a member and refuses it to a member who is not coordinator', async () => {
    const team = await fixtures.freshTeam()
    const member = (name: string) => callers.find((c) => c.name === name)
    const add = (who: Who | undefined, personId: string) =>
      new Client(admin.app, who?.token).post(`/api/v1/instances/${team}/events`, {
        type: 'lid.toevoegen',
        payload: { personId, role: 'leraar', organisationId: fixtures.world.orgA },
      })
    const newcomer = () => fixtures.freshPerson(fixtures.world.orgA)
    expect((await add(member('member coordinator'), await newcomer())).status).toBe(200)
    // She may read the team, so she learns who may add members instead of a 404.
    const refused = await add(member('member (not coordinator)'), await newcomer())
    expectProblem(refused, 403)
    expect(refused.body.detail).toMatch(/coördinator/)
    // …while the same member may send the team's other events.
    const other = await new Client(admin.app, member('member (not coordinator)')?.token).post(
      `/api/v1/instances/${team}/events`,
      { type: 'relatie.vastleggen', payload: { text: 'Wij kennen elkaar.' } },
    )
    expect(other.status).toBe(200)
  })
})
