import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { DbHandle } from '../../../db/create-db.ts'
import type { ProviderConfig } from '../../../src/access/oidc/providers.ts'
import { createApp } from '../../../src/http/app.ts'
import type { AppDeps } from '../../../src/http/app.ts'

export interface ListeningApp {
  url: string
  errors: unknown[]
  close(): Promise<void>
}

/**
 * The app on a real port with sign-in providers. The providers' redirect URLs name the port, so
 * the server listens first and the app is made once the address is known.
 */
export async function listenWithProviders(
  store: DbHandle,
  /** Called once the address is known: start the providers (they need the redirect URL). */
  providers: (url: string) => Promise<ProviderConfig[]>,
  extra: Partial<AppDeps> = {},
): Promise<ListeningApp> {
  const slot: { handler?: (req: Request, env: unknown) => Response | Promise<Response> } = {}
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        fetch: (req, env) => slot.handler?.(req, env) ?? new Response('starting', { status: 503 }),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    )
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const errors: unknown[] = []
  const app = createApp({
    store,
    oidcProviders: await providers(url),
    publicUrl: url,
    onError: (e) => errors.push(e),
    ...extra,
  })
  slot.handler = (req, env) => app.fetch(req, env)
  return {
    url,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A provider entry as the environment would give it. */
export function providerConfig(
  id: string,
  issuer: string,
  overrides: Partial<ProviderConfig> = {},
): ProviderConfig {
  return {
    id,
    label: `Test ${id}`,
    issuer,
    clientId: `doorlopend-${id}`,
    clientSecret: 'geheim-voor-de-test',
    match: 'email',
    scope: 'openid email profile',
    ...overrides,
  }
}
