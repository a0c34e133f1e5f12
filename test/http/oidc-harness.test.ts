import * as oidc from 'openid-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestBrowser, signInAtProvider } from '../support/browser.ts'
import { startOidcProvider } from '../support/oidc-provider.ts'
import type { TestProvider, TestProviderOptions } from '../support/oidc-provider.ts'

// The relying party is only imagined: the browser stops before it would request these URLs.
const RP = 'http://127.0.0.1:9'
const REDIRECT_URI = `${RP}/auth/callback`
const POST_LOGOUT_URI = `${RP}/afgemeld`
const CLIENT = {
  client_id: 'doorlopend',
  client_secret: 'geheim-voor-de-test',
  redirect_uris: [REDIRECT_URI],
  post_logout_redirect_uris: [POST_LOGOUT_URI],
}
const OPTIONS: TestProviderOptions = {
  clients: [CLIENT],
  accounts: { anna: { email: 'anna@example.org', name: 'Anna de Vries' } },
}

function discover(provider: TestProvider): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(provider.issuer),
    CLIENT.client_id,
    CLIENT.client_secret,
    undefined,
    {
      execute: [oidc.allowInsecureRequests],
    },
  )
}

/** An authorization request as the app makes it, with the checks its callback needs. */
async function authorizationRequest(config: oidc.Configuration) {
  const pkceCodeVerifier = oidc.randomPKCECodeVerifier()
  const expectedState = oidc.randomState()
  const expectedNonce = oidc.randomNonce()
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state: expectedState,
    nonce: expectedNonce,
  })
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } }
}

/** Signs in as `accountId` and returns the callback URL the app would receive. */
async function signIn(browser: TestBrowser, config: oidc.Configuration, accountId: string) {
  const request = await authorizationRequest(config)
  const loginPage = await browser.get(request.url)
  const callback = await signInAtProvider(browser, loginPage, accountId, { stopAt: REDIRECT_URI })
  expect(callback.stopped).toBe(true)
  return { callbackUrl: new URL(callback.url), checks: request.checks }
}

describe('the test OpenID provider and test browser', () => {
  let provider: TestProvider
  let config: oidc.Configuration

  beforeAll(async () => {
    provider = await startOidcProvider(OPTIONS)
    config = await discover(provider)
  })
  afterAll(() => provider.close())

  it('publishes discovery with PKCE S256 and RP-initiated logout', () => {
    const metadata = config.serverMetadata()
    expect(metadata.issuer).toBe(provider.issuer)
    expect(metadata.code_challenge_methods_supported).toEqual(['S256'])
    expect(metadata.end_session_endpoint).toBe(`${provider.url}/session/end`)
  })

  it('signs in with PKCE, state and nonce; the ID token carries the account’s claims', async () => {
    const browser = new TestBrowser()
    const { callbackUrl, checks } = await signIn(browser, config, 'anna')
    expect(callbackUrl.searchParams.get('code')).toBeTruthy()
    expect(browser.history.some((url) => url.startsWith(RP))).toBe(false)

    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, checks)
    expect(tokens.claims()).toMatchObject({
      iss: provider.issuer,
      sub: 'anna',
      aud: CLIENT.client_id,
      email: 'anna@example.org',
      email_verified: true,
      name: 'Anna de Vries',
    })
  })

  it('keeps the provider session: a second authorization needs no login', async () => {
    const browser = new TestBrowser()
    await signIn(browser, config, 'anna')
    const again = await browser.get((await authorizationRequest(config)).url, {
      stopAt: REDIRECT_URI,
    })
    expect(again.stopped).toBe(true)
    expect(new URL(again.url).searchParams.get('code')).toBeTruthy()
  })

  it('RP-initiated logout with client_id and post_logout_redirect_uri ends the provider session', async () => {
    const browser = new TestBrowser()
    await signIn(browser, config, 'anna')
    const logoutUrl = oidc.buildEndSessionUrl(config, {
      client_id: CLIENT.client_id,
      post_logout_redirect_uri: POST_LOGOUT_URI,
    })
    const confirm = await browser.get(logoutUrl, { stopAt: POST_LOGOUT_URI })
    const landed = confirm.stopped
      ? confirm
      : await browser.submit(confirm.html, confirm.url, {
          action: '/session/end/confirm',
          stopAt: POST_LOGOUT_URI,
        })
    expect(landed.stopped).toBe(true)
    expect(landed.url).toBe(POST_LOGOUT_URI)
    expect(browser.cookies('127.0.0.1').map((c) => c.name)).not.toContain('_session')

    const again = await browser.get((await authorizationRequest(config)).url, {
      stopAt: REDIRECT_URI,
    })
    expect(again.stopped).toBe(false)
    expect(again.html).toContain('name="login"')
  })

  it('accepts an authorization code once only', async () => {
    const { callbackUrl, checks } = await signIn(new TestBrowser(), config, 'anna')
    await oidc.authorizationCodeGrant(config, callbackUrl, checks)
    await expect(oidc.authorizationCodeGrant(config, callbackUrl, checks)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })

  it('refuses an authorization request without PKCE', async () => {
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: oidc.randomState(),
    })
    const page = await new TestBrowser().get(url, { stopAt: REDIRECT_URI })
    expect(page.stopped).toBe(true)
    expect(new URL(page.url).searchParams.get('error')).toBe('invalid_request')
  })

  it('does not sign in an account it does not know', async () => {
    const browser = new TestBrowser()
    const loginPage = await browser.get((await authorizationRequest(config)).url)
    await expect(signInAtProvider(browser, loginPage, 'onbekend')).rejects.toThrow(/ended at/)
  })
})

describe('a test OpenID provider with other settings', () => {
  it('lets an authorization code expire after codeTtlSeconds', async () => {
    const provider = await startOidcProvider({ ...OPTIONS, codeTtlSeconds: 1 })
    try {
      const config = await discover(provider)
      const fresh = await signIn(new TestBrowser(), config, 'anna')
      const stale = await signIn(new TestBrowser(), config, 'anna')
      await oidc.authorizationCodeGrant(config, fresh.callbackUrl, fresh.checks)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await expect(
        oidc.authorizationCodeGrant(config, stale.callbackUrl, stale.checks),
      ).rejects.toMatchObject({ error: 'invalid_grant' })
    } finally {
      await provider.close()
    }
  })

  it('can claim an issuer other than its URL, which discovery then refuses', async () => {
    const provider = await startOidcProvider({
      ...OPTIONS,
      issuerOverride: (port) => `http://localhost:${port}`,
    })
    try {
      expect(provider.issuer).toBe(`http://localhost:${provider.port}`)
      await expect(
        oidc.discovery(new URL(provider.url), CLIENT.client_id, CLIENT.client_secret, undefined, {
          execute: [oidc.allowInsecureRequests],
        }),
      ).rejects.toThrow(/issuer/)
    } finally {
      await provider.close()
    }
  })
})
