import type { Context, MiddlewareHandler } from 'hono'
import type { Limits, Verdict } from '../access/limits/limits.ts'
import type { SessionStore } from '../access/session-store.ts'
import { resolveToken } from '../access/tokens.ts'
import type { Store } from '../engine/store.ts'
import { ProblemError } from '../errors.ts'
import { limitedPage } from '../ui/render.tsx'
import { readCookie } from '../ui/session/cookies.ts'
import { clientFacts } from './client-address.ts'
import type { AppEnv } from './env.ts'
import { problemResponse } from './problem.ts'

export interface IdentifyDeps {
  store: Store
  sessions: SessionStore
  limits: Limits
  /** How many proxies in front of the server may be believed (X-Forwarded-For/-Proto). */
  trustedProxies: number
}

/** Probes and static files: cheap, and a load balancer must always reach them. */
const UNCOUNTED = /^\/(health|ready)$|^\/(docs\/)?assets\//

/**
 * The first middleware: who is asking, and whether they still may. API requests are identified
 * by their bearer token, pages by their session cookie; the API never reads the cookie (no
 * cross-site request could borrow a session). A verified token spends its own budget; anything
 * else spends its address's anonymous budget, so made-up tokens buy nothing.
 */
export function identify(deps: IdentifyDeps): MiddlewareHandler<AppEnv> {
  return async function identifyRequest(c, next) {
    const client = clientFacts(c, deps.trustedProxies)
    c.set('client', client)
    if (UNCOUNTED.test(c.req.path)) return next()
    const tokenId = isApi(c) ? await identifyBearer(c, deps) : await identifySession(c, deps)
    const verdict = tokenId
      ? await deps.limits.forToken(tokenId)
      : await deps.limits.forAnonymous(client.address)
    if (!verdict.allowed) return tooMany(c, verdict)
    return next()
  }
}

/** The API, or any request that brings a bearer token (it never also uses a session). */
const isApi = (c: Context) =>
  c.req.path.startsWith('/api/') || /^Bearer\s/i.test(c.req.header('authorization') ?? '')

async function identifyBearer(c: Context<AppEnv>, deps: IdentifyDeps): Promise<string | undefined> {
  const header = c.req.header('authorization')
  const secret = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined
  if (!secret) {
    c.set('refusal', 'geen-token')
    return undefined
  }
  const resolved = await resolveToken(deps.store.db, secret)
  if ('refused' in resolved) {
    c.set('refusal', resolved.refused)
    return undefined
  }
  c.set('principal', resolved.principal)
  return resolved.principal.tokenId
}

async function identifySession(
  c: Context<AppEnv>,
  deps: IdentifyDeps,
): Promise<string | undefined> {
  const resolved = await deps.sessions.resolve(readCookie(c, 'session'))
  c.set('session', resolved)
  return resolved?.live ? resolved.principal.tokenId : undefined
}

/** 429: a problem for API clients, a Dutch page for browsers; both say when to try again. */
export async function tooMany(
  c: Context,
  verdict: Extract<Verdict, { allowed: false }>,
): Promise<Response> {
  const headers = { 'Retry-After': String(verdict.retryAfterS) }
  if (isApi(c)) {
    return problemResponse(
      c,
      new ProblemError(429, 'too-many-requests', 'Too many requests', verdict.detail),
      headers,
    )
  }
  return limitedPage(c, verdict.detail, headers)
}
