import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { SYSTEM_ACTOR } from '../../src/engine/actor.ts'
import { issueToken } from '../../src/engine/tokens.service.ts'
import type { TokenInput } from '../../src/engine/tokens.service.ts'

export interface Response<T = any> {
  status: number
  body: T
  headers: Headers
}

/** An HTTP client for the in-process app (`app.request`), speaking JSON with one token. */
export class Client {
  constructor(
    readonly app: App,
    readonly token?: string,
  ) {}

  as(token: string | undefined): Client {
    return new Client(this.app, token)
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const init: RequestInit = {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    }
    const res = await this.app.request(path, init)
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers)
  }
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers)
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path)
  }
}

export const ADMIN_SECRET = 'dl_test-admin-secret-0123456789abcdef'

/** An app on `store` with a known admin token. */
export async function testApp(store: DbHandle): Promise<{ app: App; admin: Client }> {
  await issueToken(store, SYSTEM_ACTOR, { name: 'test admin', role: 'admin' }, ADMIN_SECRET)
  const app = createApp({ store, onError: (e) => console.error('unexpected', e) })
  return { app, admin: new Client(app, ADMIN_SECRET) }
}

/** Creates a token directly and returns its secret. */
export async function tokenFor(store: DbHandle, input: TokenInput): Promise<string> {
  return (await issueToken(store, SYSTEM_ACTOR, input)).token
}
