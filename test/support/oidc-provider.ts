import { generateKeyPair, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import type Provider from 'oidc-provider'
import type { AccountClaims, Configuration, KoaContextWithOIDC } from 'oidc-provider'
import { interactionRoutes } from './oidc-interactions.ts'
import { memoryAdapterFactory } from './oidc-memory-adapter.ts'
import { errorPage, loggedOutPage, logoutPage } from './oidc-pages.ts'

export interface TestAccount {
  email?: string
  email_verified?: boolean
  name?: string
}

export interface TestClient {
  client_id: string
  client_secret: string
  redirect_uris: string[]
  post_logout_redirect_uris?: string[]
  /** Defaults to `client_secret_post`, what openid-client uses when given a client secret. */
  token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic'
}

export interface TestProviderOptions {
  clients: TestClient[]
  /** accountId (= sub) → claims; the login form accepts only these ids. */
  accounts: Record<string, TestAccount>
  /** Lifetime of an authorization code (default 60), short for an "expired code" test. */
  codeTtlSeconds?: number
  /** The issuer the provider claims, when it should differ from the URL it is served at. */
  issuerOverride?: (port: number) => string
}

export interface TestProvider {
  /** The issuer in discovery and in every token. */
  issuer: string
  /** Where the provider is served: http://127.0.0.1:<port>. */
  url: string
  port: number
  close(): Promise<void>
}

const SCOPES = ['openid', 'email', 'profile']

/** oidc-provider warns on import when Node is older than 22; that notice is expected here. */
async function loadProvider(): Promise<typeof Provider> {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING: Unsupported runtime')) warn(...args)
  }
  try {
    return (await import('oidc-provider')).default
  } finally {
    console.warn = warn
  }
}

async function signingKeys(): Promise<NonNullable<Configuration['jwks']>> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] }
}

function claimsOf(sub: string, account: TestAccount): AccountClaims {
  const claims: AccountClaims = { sub }
  if (account.email !== undefined) claims.email = account.email
  const verified = account.email_verified ?? (account.email !== undefined ? true : undefined)
  if (verified !== undefined) claims.email_verified = verified
  if (account.name !== undefined) claims.name = account.name
  return claims
}

/** Grants every scope at once, so a signed-in user is never asked for consent. */
async function grantAllScopes(ctx: KoaContextWithOIDC) {
  const { provider, client, session, result } = ctx.oidc
  if (!client || !session?.accountId) return undefined
  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId)
  const existing = grantId ? await provider.Grant.find(grantId) : undefined
  if (existing) return existing
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId })
  grant.addOIDCScope(SCOPES.join(' '))
  await grant.save()
  return grant
}

function configuration(options: TestProviderOptions, jwks: Configuration['jwks']): Configuration {
  const { accounts } = options
  return {
    adapter: memoryAdapterFactory(),
    jwks,
    clients: options.clients.map((client) => ({
      token_endpoint_auth_method: 'client_secret_post',
      ...client,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: SCOPES,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Like most providers, put the scope's claims in the ID token, not only in userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const account = accounts[sub]
      return account ? { accountId: sub, claims: () => claimsOf(sub, account) } : undefined
    },
    loadExistingGrant: grantAllScopes,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html'
          ctx.body = logoutPage(form)
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html'
          ctx.body = loggedOutPage()
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = errorPage({ ...out })
    },
    // Every lifetime set explicitly: oidc-provider prints a notice for each default it uses.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: options.codeTtlSeconds ?? 60,
      ClientCredentials: 600,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      RefreshToken: 3600,
      Session: 3600,
    },
  }
}

/** Starts a real oidc-provider on 127.0.0.1 at a random port: discovery, signed tokens, logout. */
export async function startOidcProvider(options: TestProviderOptions): Promise<TestProvider> {
  const [ProviderClass, jwks] = await Promise.all([loadProvider(), signingKeys()])
  // Listen first: the issuer holds the port.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const issuer = options.issuerOverride?.(port) ?? url

  const provider = new ProviderClass(issuer, configuration(options, jwks))
  provider.use(interactionRoutes(provider, (id) => Object.hasOwn(options.accounts, id)))
  server.on('request', provider.callback())

  return {
    issuer,
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
