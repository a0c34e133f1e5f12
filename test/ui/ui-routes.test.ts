import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, roleMay } from '../../src/access/policy.ts'
import type { Role } from '../../src/access/policy.ts'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { ROUTE_ACTIONS } from '../../src/http/route-policy.ts'
import { UI_ROUTES } from '../../src/ui/ui-route-table.ts'
import { uiRoutes } from '../../src/ui/ui.routes.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { tokenFor } from '../support/app.ts'
import { fingerprint } from '../http/http.helpers.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'

const uiKeys = () => {
  const app = uiRoutes({} as never)
  return [
    ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ]
}

describe('the UI route table', () => {
  it('has a row in UI_ROUTES, and a public row for the bearer check, for every page', () => {
    const keys = uiKeys()
    expect(keys.length).toBeGreaterThan(25)
    expect(keys.filter((k) => UI_ROUTES[k] === undefined)).toEqual([])
    expect(keys.filter((k) => ROUTE_ACTIONS[k] !== 'public')).toEqual([])
    expect(Object.keys(UI_ROUTES).filter((k) => !keys.includes(k))).toEqual([])
  })

  it('is mounted in the app', () => {
    const app = createApp({ store: {} as never })
    const appKeys = new Set(app.routes.map((r) => `${r.method} ${r.path}`))
    expect(Object.keys(UI_ROUTES).filter((k) => !appKeys.has(k))).toEqual([])
  })
})

describe.each(DATABASES)('the UI in process (%s)', (kind) => {
  let db: TestDatabase
  let world: UiWorld
  let app: App
  const tokens = {} as Record<Role, string>

  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await uiWorld(db.store)
    app = world.admin.app
    tokens.admin = world.adminToken
    tokens.hr = world.hrToken
    tokens.member = world.memberToken
    tokens.teacher = world.teacherToken
    tokens.auditor = world.auditorToken
    tokens.beleid = await tokenFor(db.store, { name: 'Taskforce', role: 'beleid' })
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  /** A concrete path for every GET page, with ids from the world. */
  const pathOf = (key: string): string =>
    key
      .slice(key.indexOf(' ') + 1)
      .replace('/pilots/:id', `/pilots/${world.pilotId}`)
      .replace('/teams/:id', `/teams/${world.teamId}`)
      .replace('/transitions/:id', `/transitions/${world.transitionInstanceId}`)
      .replace('/audit/:id', `/audit/${world.teamId}`)
      .replace('/rapportages/:id', '/rapportages/trechter-teams')
      .replace('/assets/:file', '/assets/style.css')
      .replace('/machines/:file', '/machines/rolovergang.svg')

  it('sends a browser without a session to the login page, and back after login', async () => {
    const browser = new Browser(app)
    const res = await browser.get(`/teams/${world.teamId}`)
    expect(res.status).toBe(303)
    expect(res.res.headers.get('location')).toBe(
      `/login?terug=${encodeURIComponent(`/teams/${world.teamId}`)}`,
    )
    expect(await browser.login(world.memberToken, `/teams/${world.teamId}`)).toBe(
      `/teams/${world.teamId}`,
    )
    expect((await browser.get(`/teams/${world.teamId}`)).status).toBe(200)
    // Only paths on this site are followed after login.
    expect(await new Browser(app).login(world.memberToken, '//evil.example/')).toBe('/')
  })

  it('sets an HttpOnly, SameSite=Strict session cookie without the token in it; __Host- and Secure over TLS', async () => {
    const form = await app.request('https://doorlopend.test/login')
    const login = form.headers.getSetCookie().find((c) => c.startsWith('__Host-dl_login=')) ?? ''
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
    const res = await app.request('https://doorlopend.test/login', {
      method: 'POST',
      headers: {
        cookie: login.split(';')[0] ?? '',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: csrf, token: world.adminToken }).toString(),
    })
    expect(res.status).toBe(303)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-dl_session=')) ?? ''
    expect(cookie).toMatch(/; Path=\/;/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).not.toMatch(/Domain=/i)
    expect(cookie).not.toContain(world.adminToken)
    const plain = new Browser(app)
    await plain.login(world.adminToken)
    expect(plain.cookies.get('dl_session')).toBeDefined()
    expect([...plain.cookies.values()].join(' ')).not.toContain(world.adminToken)
  })

  it('refuses a login without the form’s own secret, and an unknown token', async () => {
    const browser = new Browser(app)
    await browser.get('/login')
    expect(
      (await browser.post('/login', { token: world.adminToken }, { csrf: 'forged' })).status,
    ).toBe(403)
    await browser.get('/login')
    const wrong = await browser.post('/login', { token: 'dl_not-a-token-0123456789abcdef' })
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain('Dit token is onbekend of ingetrokken.')
  })

  it('refuses a form without the session’s CSRF token, or from another site, and changes nothing', async () => {
    const browser = new Browser(app)
    await browser.login(world.adminToken)
    await browser.get(`/teams/${world.teamId}`)
    const before = await fingerprint(db.store)
    const body = { type: 'relatie.vastleggen', 'payload.text': 'Poging van buiten.' }
    expect((await browser.post(`/teams/${world.teamId}/events`, body, { csrf: null })).status).toBe(
      403,
    )
    expect(
      (await browser.post(`/teams/${world.teamId}/events`, body, { csrf: 'x'.repeat(43) })).status,
    ).toBe(403)
    const cross = await browser.post(`/teams/${world.teamId}/events`, body, {
      origin: 'https://evil.example',
    })
    expect(cross.status).toBe(403)
    expect(await fingerprint(db.store)).toBe(before)
  })

  it('ends the session at once when its token is revoked, and on logout', async () => {
    const created = await world.admin.post('/api/v1/tokens', { name: 'kort', role: 'auditor' })
    const browser = new Browser(app)
    await browser.login(created.body.token)
    expect((await browser.get('/audit')).status).toBe(200)
    expect((await world.admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204)
    const after = await browser.get('/audit')
    expect(after.status).toBe(303)
    expect(after.res.headers.get('location')).toContain('verlopen=1')

    const other = new Browser(app)
    await other.login(world.auditorToken)
    await other.get('/audit')
    expect((await other.post('/logout', {})).res.headers.get('location')).toBe('/login?uitgelogd=1')
    expect((await other.get('/audit')).status).toBe(303)
  })

  it('shows each role exactly the pages the policy table allows (403 otherwise)', async () => {
    const gets = Object.entries(UI_ROUTES).filter(
      ([key, access]) =>
        key.startsWith('GET ') && Array.isArray(access) && !key.endsWith('/export'),
    )
    const failures: string[] = []
    for (const role of ROLES) {
      const browser = new Browser(app)
      await browser.login(tokens[role])
      for (const [key, access] of gets) {
        const res = await browser.get(pathOf(key))
        const allowed = roleMay(role, access as never)
        // Allowed pages answer (an object out of scope is 404); refused ones are 403.
        const ok = allowed ? res.status === 200 || res.status === 404 : res.status === 403
        if (!ok) failures.push(`${role} ${key}: ${res.status}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('answers 404 for a team outside a member’s reach', async () => {
    const browser = new Browser(app)
    const outsider = await world.admin.post('/api/v1/tokens', {
      name: 'Bram',
      role: 'member',
      personId: world.personB,
    })
    await browser.login(outsider.body.token)
    const res = await browser.get(`/teams/${world.teamId}`)
    expect(res.status).toBe(404)
    expect(res.text).toContain('bestaat niet of valt buiten uw bereik')
  })

  it('returns a bad form with 400 and the message next to the field, a blocked step with 422', async () => {
    const browser = new Browser(app)
    await browser.login(world.memberToken)
    const page = await browser.get(`/teams/${world.teamId}`)
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? ''
    const bad = await browser.post(`/teams/${world.teamId}/events`, {
      type: 'ambitie.vastleggen',
      version,
      'payload.organisationId': world.orgA,
      'payload.text': '',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(
      /<p class="field-error" id="form-ambitie-vastleggen-text-fout"><span class="visually-hidden">Fout: <\/span>Vul dit veld in.<\/p>/,
    )
    expect(bad.text).toContain(`<option value="${world.orgA}" selected="">`)
    // The coordinator of orgA is not offered orgB, and may not record for it.
    const ambitionForm = /<section[^>]*form-ambitie-vastleggen-titel[\s\S]*?<\/section>/.exec(
      bad.text,
    )?.[0]
    expect(ambitionForm).toContain(`<option value="${world.orgA}"`)
    expect(ambitionForm).not.toContain(`<option value="${world.orgB}"`)
    const notHers = await browser.post(`/teams/${world.teamId}/events`, {
      type: 'ambitie.vastleggen',
      version,
      'payload.organisationId': world.orgB,
      'payload.text': 'Niet namens mijn organisatie.',
    })
    expect(notHers.status).toBe(403)

    const blocked = await browser.post(`/teams/${world.teamId}/events`, {
      type: 'fase.volgende',
      version,
    })
    expect(blocked.status).toBe(422)
    expect(blocked.text).toContain(
      'Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd',
    )

    const noReason = await browser.post(`/teams/${world.teamId}/events`, {
      type: 'pauzeren',
      version,
      reason: ' ',
    })
    expect(noReason.status).toBe(400)
    expect(noReason.text).toContain('Geef een reden op.')
  })

  it('says 412 when someone else changed the team since the form was shown', async () => {
    const browser = new Browser(app)
    await browser.login(world.memberToken)
    const page = await browser.get(`/teams/${world.teamId}`)
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? ''
    await world.admin.post(`/api/v1/instances/${world.teamId}/events`, {
      type: 'relatie.vastleggen',
      payload: { text: 'Intussen door de beheerder.' },
    })
    const stale = await browser.post(`/teams/${world.teamId}/events`, {
      type: 'relatie.vastleggen',
      version,
      'payload.text': 'Tegelijk door het teamlid.',
    })
    expect(stale.status).toBe(412)
    expect(stale.text).toContain('Iemand anders heeft intussen iets vastgelegd')
    expect(stale.text).toContain('Tegelijk door het teamlid.')
  })

  it('records a form sent twice (a double click) once', async () => {
    const browser = new Browser(app)
    await browser.login(world.memberToken)
    const page = await browser.get(`/teams/${world.teamId}`)
    const form = /<form[^>]*id="form-relatie-vastleggen"[\s\S]*?<\/form>/.exec(page.text)?.[0] ?? ''
    const field = (name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? ''
    const body = {
      type: 'relatie.vastleggen',
      version: field('version'),
      key: field('key'),
      'payload.text': 'Eén keer.',
    }
    const first = await browser.post(`/teams/${world.teamId}/events`, body)
    const second = await browser.post(`/teams/${world.teamId}/events`, body)
    expect([first.status, second.status]).toEqual([303, 303])
    const events = await world.admin.get(`/api/v1/instances/${world.teamId}/events?limit=500`)
    const once = events.body.items.filter(
      (e: { payload: { text?: string } }) => e.payload.text === 'Eén keer.',
    )
    expect(once).toHaveLength(1)
  })

  it('lists a transition as stilgevallen after 30 days without an event', async () => {
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000)
    const browser = new Browser(createApp({ store: db.store, now: () => later }))
    await browser.login(world.hrToken)
    const stil = await browser.get('/transitions?stil=ja')
    expect(stil.text).toContain('Cor Leraar')
    expect(stil.text).toContain('<span class="badge stil">stilgevallen</span>')
    const now = new Browser(app)
    await now.login(world.hrToken)
    expect((await now.get('/transitions?stil=ja')).text).not.toContain('Cor Leraar')
    expect((await now.get('/transitions')).text).toContain('Cor Leraar')
  })

  it('serves each machine’s diagram as SVG generated from its definition', async () => {
    const browser = new Browser(app)
    await browser.login(world.teacherToken)
    const res = await browser.get('/machines/ontwikkelteam.svg')
    expect(res.status).toBe(200)
    expect(res.res.headers.get('content-type')).toContain('image/svg+xml')
    for (const state of ['verkennen', 'dissemineren', 'afgerond', 'gestopt']) {
      expect(res.text).toContain(`data-state="${state}"`)
    }
    expect((await browser.get('/machines/nope.svg')).status).toBe(404)
  })

  it('serves its stylesheet locally and links nothing from elsewhere', async () => {
    const browser = new Browser(app)
    await browser.login(world.adminToken)
    const css = await app.request('/assets/style.css')
    expect(css.headers.get('content-type')).toContain('text/css')
    const paths = [
      '/admin',
      `/teams/${world.teamId}`,
      `/audit/${world.teamId}`,
      '/rapportages/trechter-teams',
    ]
    for (const path of paths) {
      const { text } = await browser.get(path)
      expect(text).not.toMatch(/(src|href)="(https?:)?\/\//)
      expect(text).not.toContain('<script')
    }
  })
})
