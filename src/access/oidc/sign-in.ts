import { createHash, randomBytes } from 'node:crypto'
import * as oidc from 'openid-client'
import type { Db } from '../../../db/database.ts'
import {
  insertLoginAttempt,
  liveTokensOf,
  peopleWithEmail,
  personOfIdentity,
  takeLoginAttempt,
} from '../../../db/queries/sign-in.ts'
import type { Person } from '../../../db/database.ts'
import type { ProviderConfig } from './providers.ts'
import { isLoopback } from './providers.ts'

/** Why a sign-in gave no session; each has its own Dutch page. */
export type SignInFailure =
  | 'verlopen' // no attempt for this browser, or its state does not match
  | 'geweigerd' // the provider answered with an error (the user cancelled, or was refused)
  | 'mislukt' // code exchange or ID token check failed (expired code, nonce, signature)
  | 'onbekend' // nobody (not erased) in doorlopend has this e-mail address or subject
  | 'dubbel' // several people have this e-mail address
  | 'geen-rol' // the person has no live token: no role to act in
  | 'onbereikbaar' // the provider could not be reached or described itself wrongly

export type Finished =
  | { ok: true; provider: ProviderConfig; person: Person; tokenId: string; returnTo: string }
  | { ok: false; provider: ProviderConfig; reason: SignInFailure; error?: unknown }

/** How long a browser may take at the provider before its attempt lapses. */
export const ATTEMPT_TTL_S = 10 * 60

const digest = (value: string) => createHash('sha256').update(value).digest('hex')

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE, state and nonce. An attempt
 * lives in the database, keyed by a digest of a cookie, so the provider may send the browser
 * back to any server process. A person is found by a verified e-mail address or by a stored
 * subject (provider setting) and signs in as their newest live token.
 */
export class SignIn {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>()

  constructor(
    private readonly db: Db,
    readonly providers: readonly ProviderConfig[],
    /** The site's address as browsers see it (https://…), for redirect URLs. */
    private readonly publicUrl: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    if (providers.length > 0 && !publicUrl) {
      throw new Error('PUBLIC_URL is nodig zodra er een OIDC-provider is ingesteld')
    }
  }

  provider(id: string): ProviderConfig | undefined {
    return this.providers.find((p) => p.id === id)
  }

  redirectUri(provider: ProviderConfig): string {
    return new URL(`/login/sso/${provider.id}/terug`, this.publicUrl).href
  }

  /** Starts a login: the provider's URL to send the browser to, and the attempt's cookie. */
  async start(
    provider: ProviderConfig,
    returnTo: string,
  ): Promise<{ url: string; cookie: string }> {
    const config = await this.configuration(provider)
    const cookie = randomBytes(32).toString('base64url')
    const verifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const now = this.now()
    await insertLoginAttempt(this.db, {
      id: digest(cookie),
      provider: provider.id,
      state,
      nonce,
      code_verifier: verifier,
      return_to: returnTo,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + ATTEMPT_TTL_S * 1000).toISOString(),
    })
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider),
      scope: provider.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { url: url.href, cookie }
  }

  /** Completes a login from the provider's answer (`search`: the callback's query string). */
  async finish(
    provider: ProviderConfig,
    search: string,
    cookie: string | undefined,
  ): Promise<Finished> {
    const fail = (reason: SignInFailure, error?: unknown): Finished => ({
      ok: false,
      provider,
      reason,
      error,
    })
    const attempt = cookie ? await takeLoginAttempt(this.db, digest(cookie)) : undefined
    const answered = new URLSearchParams(search)
    if (
      !attempt ||
      attempt.provider !== provider.id ||
      Date.parse(attempt.expires_at) <= this.now() ||
      answered.get('state') !== attempt.state
    ) {
      return fail('verlopen')
    }
    if (answered.has('error')) return fail('geweigerd')
    let claims: oidc.IDToken
    try {
      const config = await this.configuration(provider)
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${this.redirectUri(provider)}${search}`),
        {
          pkceCodeVerifier: attempt.code_verifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        },
      )
      const idClaims = tokens.claims()
      if (!idClaims) return fail('mislukt')
      claims = idClaims
    } catch (error) {
      return fail(unreachable(error) ? 'onbereikbaar' : 'mislukt', error)
    }
    const found = await this.personFor(provider, claims)
    if ('reason' in found) return fail(found.reason)
    const [token] = await liveTokensOf(this.db, found.person.id)
    if (!token) return fail('geen-rol')
    return {
      ok: true,
      provider,
      person: found.person,
      tokenId: token.id,
      returnTo: attempt.return_to,
    }
  }

  /** Where to send the browser to end its session at the provider too (RP-initiated logout). */
  async logoutUrl(provider: ProviderConfig, postLogout: string): Promise<string | undefined> {
    const config = await this.configuration(provider).catch(() => undefined)
    if (!config?.serverMetadata().end_session_endpoint) return undefined
    return oidc.buildEndSessionUrl(config, {
      client_id: provider.clientId,
      post_logout_redirect_uri: new URL(postLogout, this.publicUrl).href,
    }).href
  }

  private async personFor(
    provider: ProviderConfig,
    claims: oidc.IDToken,
  ): Promise<{ person: Person } | { reason: SignInFailure }> {
    if (provider.match === 'subject') {
      const person = await personOfIdentity(this.db, provider.id, claims.sub)
      return person && person.erased_at === null ? { person } : { reason: 'onbekend' }
    }
    const email = typeof claims['email'] === 'string' ? claims['email'] : undefined
    if (!email || claims['email_verified'] === false) return { reason: 'onbekend' }
    const people = await peopleWithEmail(this.db, email)
    if (people.length > 1) return { reason: 'dubbel' }
    const [person] = people
    return person ? { person } : { reason: 'onbekend' }
  }

  /** The provider's metadata, fetched once; a failed discovery is tried again next time. */
  private configuration(provider: ProviderConfig): Promise<oidc.Configuration> {
    let config = this.configurations.get(provider.id)
    if (!config) {
      config = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret,
        undefined,
        { execute: isLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      config.catch(() => this.configurations.delete(provider.id))
      this.configurations.set(provider.id, config)
    }
    return config
  }
}

/** Whether an error means the provider could not be reached or did not describe itself right. */
function unreachable(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError) {
    return false
  }
  const code = (error as { code?: unknown } | undefined)?.code
  return (
    error instanceof TypeError ||
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    code === 'ECONNREFUSED'
  )
}
