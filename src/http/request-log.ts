import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Log } from '../log/logger.ts'
import { withRequestId } from '../log/logger.ts'
import type { AppEnv } from './env.ts'

export const REQUEST_ID_HEADER = 'X-Request-Id'

/** Visible ASCII, at most 100 characters: what a proxy's request id looks like, and safe to log. */
const SANE_REQUEST_ID = /^[\x21-\x7e]{1,100}$/

/** Probes a load balancer sends every few seconds: logged at debug, not info. */
const PROBES = /^\/(health|ready|metrics)$/

/** The request id to use: the caller's when it is sane, else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SANE_REQUEST_ID.test(header) ? header : randomUUID()
}

/**
 * One log line per request: method, route pattern (never the path itself, which may carry
 * search terms), status, duration, request id and the token id that asked. The request id is
 * taken from `X-Request-Id` when sane, answered in the same header, and carried by every line
 * logged while the request runs.
 */
export function requestLog(log: Log): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const reqId = requestIdFrom(c.req.header(REQUEST_ID_HEADER))
    const began = performance.now()
    await withRequestId(reqId, next)
    c.res.headers.set(REQUEST_ID_HEADER, reqId)
    const status = c.res.status
    const line = {
      reqId,
      method: c.req.method,
      route: routePath(c, -1) || null,
      status,
      ms: Math.round((performance.now() - began) * 10) / 10,
      tokenId: tokenIdOf(c.var),
    }
    if (status >= 500) log.error(line, 'request failed')
    else if (PROBES.test(c.req.path)) log.debug(line, 'request')
    else log.info(line, 'request')
  }
}

function tokenIdOf(vars: Partial<AppEnv['Variables']>): string | null {
  if (vars.principal) return vars.principal.tokenId
  return vars.session?.live ? vars.session.principal.tokenId : null
}
