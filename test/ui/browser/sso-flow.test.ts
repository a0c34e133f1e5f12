import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'
import { freshDatabase } from '../../support/db.ts'
import type { TestDatabase } from '../../support/db.ts'
import { startOidcProvider } from '../../support/oidc-provider.ts'
import type { TestProvider } from '../../support/oidc-provider.ts'
import {
  axeViolations,
  clickAndLoad,
  describeViolations,
  launchBrowser,
  mainText,
  newContext,
  screenshot,
} from '../support/browser.ts'
import { listenWithProviders, providerConfig } from '../support/sso-server.ts'
import type { ListeningApp } from '../support/sso-server.ts'

// Signing in through a real OpenID provider in Chromium. The app is served at 127.0.0.1 and the
// provider at localhost: two sites, so the way back from the provider is a cross-site
// navigation, on which the browser keeps the app's SameSite=Strict session cookie to itself.

let db: TestDatabase
let provider: TestProvider
let app: ListeningApp
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  db = await freshDatabase('sqlite')
  const { admin } = await testApp(db.store)
  const org = await admin.post('/api/v1/organisations', { name: 'Esprit Scholen', kind: 'bestuur' })
  const eva = await admin.post('/api/v1/people', {
    name: 'Eva Smit',
    email: 'Eva.Smit@school.example',
    organisationId: org.body.id,
  })
  const token = await admin.post('/api/v1/tokens', {
    name: 'Eva',
    role: 'teacher',
    personId: eva.body.id,
  })
  if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`)
  app = await listenWithProviders(db.store, async (url) => {
    provider = await startOidcProvider({
      clients: [
        {
          client_id: 'doorlopend-school',
          client_secret: 'geheim-voor-de-test',
          redirect_uris: [`${url}/login/sso/school/terug`],
          post_logout_redirect_uris: [`${url}/login?uitgelogd=1`],
        },
      ],
      accounts: {
        eva: { email: 'eva.smit@school.example', name: 'Eva Smit' },
        onbekend: { email: 'niemand@school.example' },
      },
      issuerOverride: (port) => `http://localhost:${port}`,
    })
    return [providerConfig('school', provider.issuer, { label: 'Schoolaccount' })]
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await app?.close()
  await provider?.close()
  await db?.cleanup()
})

/** A fresh browser profile that may reach the app and the provider, nothing else. */
async function newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await newContext(browser, app.url, { ...options, allow: [provider.issuer] })
  contexts.push(context)
  return context.newPage()
}

/** Past the provider and the app's callback: on a page of the app. */
const pastCallback = (url: URL) => url.origin === app.url && !url.pathname.startsWith('/login/sso/')
/** Back from the provider: on the app's callback, which answers a failure itself. */
const atCallback = (url: URL) => url.origin === app.url && url.pathname.endsWith('/terug')

/**
 * From the login page's button through the provider's login form until `until` holds for the
 * browser's address; the pages it passed on the way.
 */
async function signIn(page: Page, account: string, until = pastCallback): Promise<string[]> {
  const passed: string[] = []
  const record = (frame: { url(): string; parentFrame(): unknown }) => {
    if (!frame.parentFrame()) passed.push(frame.url())
  }
  page.on('framenavigated', record)
  await clickAndLoad(page, page.getByRole('link', { name: 'Inloggen met Schoolaccount' }))
  expect(new URL(page.url()).origin).toBe(provider.issuer)
  await page.locator('input[name="login"]').fill(account)
  await page.locator('input[name="password"]').fill('wat-dan-ook')
  await Promise.all([
    page.waitForURL(until, { waitUntil: 'load', timeout: 10_000 }),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ])
  page.off('framenavigated', record)
  return passed
}

const path = (page: Page) => {
  const url = new URL(page.url())
  return `${url.pathname}${url.search}`
}

async function expectNoAxeViolations(page: Page, name: string) {
  const violations = await axeViolations(page)
  expect(violations, `${name}: ${describeViolations(violations)}`).toEqual([])
}

describe('signing in with OpenID Connect in Chromium', () => {
  it('reaches the provider at localhost from the app (Node fetch)', async () => {
    expect(provider.issuer.startsWith('http://localhost:')).toBe(true)
    const res = await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { issuer: string }).issuer).toBe(provider.issuer)
  })

  it('signs in at the provider, lands on the page asked for, and logs out at both', async () => {
    const page = await newPage()
    expect((await page.goto('/transitions'))?.status()).toBe(200)
    expect(path(page)).toBe('/login?terug=%2Ftransitions')

    const passed = await signIn(page, 'eva')
    expect(path(page), `ended on ${path(page)}: ${await mainText(page)}`).toBe('/transitions')
    // The callback answered with the page that moves on by itself, and the browser followed it.
    expect(passed.some((u) => u.startsWith(`${app.url}/login/sso/school/terug?`))).toBe(true)
    const header = page.getByRole('banner')
    expect(await header.innerText()).toContain('Ingelogd als Eva Smit')
    await screenshot(page, 'sso-1-ingelogd')

    expect(await clickAndLoad(page, header.getByRole('link', { name: 'Mijn sessies' }))).toBe(200)
    expect(path(page)).toBe('/sessies')
    expect(await mainText(page)).toContain('via Schoolaccount')

    await clickAndLoad(page, header.getByRole('button', { name: 'Uitloggen' }))
    expect(new URL(page.url()).origin).toBe(provider.issuer)
    expect(await page.locator('h1').innerText()).toBe('Wilt u zich afmelden?')
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Afmelden' }))).toBe(200)
    expect(path(page)).toBe('/login?uitgelogd=1')
    expect(await page.getByRole('status').innerText()).toBe('U bent uitgelogd.')

    await page.goto('/transitions')
    expect(path(page)).toBe('/login?terug=%2Ftransitions')
    expect(await page.locator('h1').innerText()).toBe('Inloggen')
    // The provider's session ended too: it asks who you are again.
    await clickAndLoad(page, page.getByRole('link', { name: 'Inloggen met Schoolaccount' }))
    expect(await page.locator('input[name="login"]').count()).toBe(1)
  })

  it('has no accessibility violations on the login, failure and sessions pages', async () => {
    const page = await newPage({ bypassCSP: true })
    expect((await page.goto('/login'))?.status()).toBe(200)
    expect(await page.getByRole('link', { name: 'Inloggen met Schoolaccount' }).count()).toBe(1)
    await expectNoAxeViolations(page, 'login page with providers')
    await screenshot(page, 'sso-2-inlogpagina')

    await signIn(page, 'onbekend', atCallback)
    expect(path(page)).toMatch(/^\/login\/sso\/school\/terug\?/)
    expect(await page.locator('h1').innerText()).toBe('Inloggen niet gelukt')
    expect(await page.getByRole('alert').innerText()).toContain('doorlopend kent u niet')
    await expectNoAxeViolations(page, 'sign-in failure page')
    await screenshot(page, 'sso-3-niet-gelukt')

    await clickAndLoad(page, page.getByRole('link', { name: 'Naar de inlogpagina' }))
    // The provider still knows this browser as "onbekend": sign in again as Eva.
    await page.context().clearCookies({ domain: 'localhost' })
    await signIn(page, 'eva')
    expect(new URL(page.url()).pathname, `ended on ${path(page)}`).not.toBe('/login')
    await page.goto('/sessies')
    expect(await mainText(page)).toContain('via Schoolaccount')
    await expectNoAxeViolations(page, 'Mijn sessies')
    await screenshot(page, 'sso-4-sessies')
  })
})
