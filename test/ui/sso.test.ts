import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { TestBrowser, signInAtProvider } from '../support/browser.ts'
import type { Page } from '../support/browser.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startOidcProvider } from '../support/oidc-provider.ts'
import type { TestProvider } from '../support/oidc-provider.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { listenWithProviders, providerConfig } from './support/sso-server.ts'
import type { ListeningApp } from './support/sso-server.ts'

const SECRET = 'geheim-voor-de-test'

describe('signing in with OpenID Connect', () => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let school: TestProvider
  let byline: TestProvider
  let slow: TestProvider
  let liar: TestProvider
  let app: ListeningApp
  const people: Record<string, string> = {}

  const client = (url: string, id: string) => ({
    client_id: `doorlopend-${id}`,
    client_secret: SECRET,
    redirect_uris: [`${url}/login/sso/${id}/terug`],
    post_logout_redirect_uris: [`${url}/login?uitgelogd=1`],
  })

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    const person = async (name: string, email: string) => {
      const res = await admin.post('/api/v1/people', { name, email, organisationId: world.orgA })
      return res.body.id as string
    }
    people['eva'] = await person('Eva Smit', 'Eva.Smit@school.example')
    people['gijs'] = await person('Gijs Geenrol', 'gijs@school.example')
    people['wim'] = await person('Wim Gewist', 'wim@school.example')
    people['dirk'] = await person('Dirk Subject', 'dirk@elders.example')
    for (const [name, role] of [
      ['eva', 'teacher'],
      ['wim', 'teacher'],
      ['dirk', 'teacher'],
    ] as const) {
      await admin.post('/api/v1/tokens', { name, role, personId: people[name] })
    }
    app = await listenWithProviders(db.store, async (url) => {
      const accounts = {
        eva: { email: 'eva.smit@school.example', name: 'Eva Smit' },
        onbekend: { email: 'niemand@school.example' },
        gijs: { email: 'gijs@school.example' },
        wim: { email: 'wim@school.example' },
        ongeverifieerd: { email: 'eva.smit@school.example', email_verified: false },
        'dirk-sub-42': { email: 'iets-anders@elders.example' },
      }
      school = await startOidcProvider({ clients: [client(url, 'school')], accounts })
      byline = await startOidcProvider({ clients: [client(url, 'subject')], accounts })
      slow = await startOidcProvider({
        clients: [client(url, 'traag')],
        accounts,
        codeTtlSeconds: 1,
      })
      liar = await startOidcProvider({
        clients: [client(url, 'liegt')],
        accounts,
        issuerOverride: (port) => `http://localhost:${port}`,
      })
      return [
        providerConfig('school', school.issuer, { label: 'Schoolaccount' }),
        providerConfig('subject', byline.issuer, { match: 'subject' }),
        providerConfig('traag', slow.issuer),
        providerConfig('liegt', `http://127.0.0.1:${liar.port}`),
      ]
    })
  })
  afterAll(async () => {
    await app?.close()
    for (const p of [school, byline, slow, liar]) await p?.close()
    await db.cleanup()
  })

  /** From the login page's button to the provider's answer, not yet delivered to the app. */
  async function toProvider(browser: TestBrowser, provider: string, back = '/transitions') {
    const login = await browser.get(`${app.url}/login?terug=${encodeURIComponent(back)}`)
    expect(login.html).toContain(`href="/login/sso/${provider}?terug=${encodeURIComponent(back)}"`)
    return browser.get(`${app.url}/login/sso/${provider}?terug=${encodeURIComponent(back)}`, {
      stopAt: (url) => url.origin === app.url,
    })
  }

  async function signIn(browser: TestBrowser, provider: string, account: string): Promise<Page> {
    const atProvider = await toProvider(browser, provider)
    const answer = await signInAtProvider(browser, atProvider, account, {
      stopAt: (url) => url.origin === app.url,
    })
    expect(answer.url).toContain(`/login/sso/${provider}/terug?`)
    return browser.follow(answer)
  }

  const sentToLogin = async (browser: TestBrowser) =>
    (await browser.get(`${app.url}/transitions`, { stopAt: (url) => url.pathname === '/login' }))
      .stopped

  const hasSession = (browser: TestBrowser) =>
    browser.cookies('127.0.0.1').some((c) => c.name === 'dl_session')

  it('shows one button per provider and keeps the token form', async () => {
    const page = await new TestBrowser().get(`${app.url}/login`)
    expect(page.html).toContain('Inloggen met Schoolaccount')
    expect(page.html).toContain('Inloggen met Test subject')
    expect(page.html).toContain('name="token"')
  })

  it('signs a person in by verified e-mail address and keeps them signed in', async () => {
    const browser = new TestBrowser()
    const landed = await signIn(browser, 'school', 'eva')
    expect(landed.status).toBe(200)
    expect(landed.html).toContain('http-equiv="refresh" content="0;url=/transitions"')
    const page = await browser.get(`${app.url}/transitions`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('<strong>Eva Smit</strong>')
    const sessions = await browser.get(`${app.url}/sessies`)
    expect(sessions.html).toContain('via Schoolaccount')
  })

  it('logs out at the provider too (RP-initiated), after which the provider asks again', async () => {
    const browser = new TestBrowser()
    await signIn(browser, 'school', 'eva')
    const home = await browser.get(`${app.url}/transitions`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.html)?.[1] ?? ''
    const out = await browser.post(`${app.url}/logout`, { _csrf: csrf })
    expect(out.url.startsWith(school.url)).toBe(true)
    expect(out.url).toContain('client_id=doorlopend-school')
    const done = await browser.submit(out.html, out.url)
    expect(done.url).toBe(`${app.url}/login?uitgelogd=1`)
    expect(done.html).toContain('U bent uitgelogd.')
    expect(await sentToLogin(browser)).toBe(true)
    const again = await toProvider(browser, 'school')
    expect(again.url.startsWith(school.url)).toBe(true)
    expect(again.html).toContain('name="login"')
  })

  it('ends the own session from Mijn sessies through the provider’s logout as well', async () => {
    const browser = new TestBrowser()
    await signIn(browser, 'school', 'eva')
    const list = await browser.get(`${app.url}/sessies`)
    const own = /action="(\/sessies\/[0-9a-f]{64}\/beeindigen)"[^]*?Uitloggen/.exec(list.html)?.[1]
    const csrf = /name="_csrf" value="([^"]+)"/.exec(list.html)?.[1] ?? ''
    expect(own).toBeDefined()
    const out = await browser.post(`${app.url}${own}`, { _csrf: csrf })
    expect(out.url.startsWith(school.url)).toBe(true)
    expect(await sentToLogin(browser)).toBe(true)
  })

  it.each([
    ['onbekend', 'doorlopend kent u niet'],
    ['ongeverifieerd', 'doorlopend kent u niet'],
    ['gijs', 'u hebt nog geen toegang'],
  ])('gives %s a Dutch page and no session', async (account, text) => {
    const browser = new TestBrowser()
    const page = await signIn(browser, 'school', account)
    expect(page.status).toBe(403)
    expect(page.html).toContain(text)
    expect(hasSession(browser)).toBe(false)
  })

  it('does not sign in an erased person, and their open session ends', async () => {
    const browser = new TestBrowser()
    await signIn(browser, 'school', 'wim')
    expect((await browser.get(`${app.url}/transitions`)).status).toBe(200)
    expect((await admin.delete(`/api/v1/people/${people['wim']}`)).status).toBe(204)
    expect(await sentToLogin(browser)).toBe(true)
    const again = await signIn(new TestBrowser(), 'school', 'wim')
    expect(again.status).toBe(403)
    expect(again.html).toContain('doorlopend kent u niet')
  })

  it('signs in by a stored subject where the provider is set to match by subject', async () => {
    const before = await signIn(new TestBrowser(), 'subject', 'dirk-sub-42')
    expect(before.html).toContain('doorlopend kent u niet')
    const linked = await admin.post(`/api/v1/people/${people['dirk']}/identities`, {
      provider: 'subject',
      subject: 'dirk-sub-42',
    })
    expect(linked.status).toBe(201)
    const browser = new TestBrowser()
    await signIn(browser, 'subject', 'dirk-sub-42')
    expect((await browser.get(`${app.url}/transitions`)).html).toContain('Dirk Subject')
    const taken = await admin.post(`/api/v1/people/${people['eva']}/identities`, {
      provider: 'subject',
      subject: 'dirk-sub-42',
    })
    expect(taken.status).toBe(422)
  })

  it('refuses an answer whose state belongs to another attempt, or to another browser', async () => {
    const browser = new TestBrowser()
    const first = await toProvider(browser, 'school')
    await toProvider(browser, 'school') // a second attempt: the cookie now names that one
    const answer = await signInAtProvider(browser, first, 'eva', {
      stopAt: (url) => url.origin === app.url,
    })
    const page = await browser.follow(answer)
    expect(page.status).toBe(400)
    expect(page.html).toContain('Deze inlogpoging is verlopen')
    expect(hasSession(browser)).toBe(false)

    const thief = new TestBrowser()
    const stolen = await thief.get(answer.url)
    expect(stolen.status).toBe(400)
    expect(hasSession(thief)).toBe(false)
  })

  it('refuses an ID token whose nonce is not the one the attempt sent', async () => {
    const browser = new TestBrowser()
    const start = await browser.get(`${app.url}/login/sso/school`, {
      stopAt: (url) => url.origin === school.url,
    })
    const tampered = new URL(start.url)
    tampered.searchParams.set('nonce', 'een-andere-nonce')
    const atProvider = await browser.get(tampered)
    const answer = await signInAtProvider(browser, atProvider, 'eva', {
      stopAt: (url) => url.origin === app.url,
    })
    const page = await browser.follow(answer)
    expect(page.status).toBe(403)
    expect(page.html).toContain('kon niet worden bevestigd')
    expect(hasSession(browser)).toBe(false)
  })

  it('refuses an expired code, and a code used twice', async () => {
    const browser = new TestBrowser()
    const atProvider = await toProvider(browser, 'traag')
    const answer = await signInAtProvider(browser, atProvider, 'eva', {
      stopAt: (url) => url.origin === app.url,
    })
    await new Promise((resolve) => setTimeout(resolve, 1600))
    const page = await browser.follow(answer)
    expect(page.status).toBe(403)
    expect(page.html).toContain('kon niet worden bevestigd')
    expect(hasSession(browser)).toBe(false)
    const replay = await browser.follow(answer)
    expect(replay.status).toBe(400)
  })

  it('refuses a provider that names another issuer than the one configured', async () => {
    const browser = new TestBrowser()
    const page = await browser.get(`${app.url}/login/sso/liegt`)
    expect(page.status).toBe(502)
    expect(page.html).toContain('is nu niet bereikbaar')
    expect(hasSession(browser)).toBe(false)
    expect(app.errors.length).toBeGreaterThan(0)
  })
})
