import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Store } from '../engine/store.ts'
import { roleMay } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { resolveToken } from '../access/tokens.ts'
import { forbidden, unauthorized } from '../errors.ts'
import { ROUTE_ACTIONS } from './route-policy.ts'

export interface AuthEnv {
  Variables: { principal: Principal }
}

/**
 * Resolves the bearer token and checks the route's row in the policy table: 401 without a valid
 * token, 403 when the role may never use the route. Scope (404) is the services' part.
 */
export function authentication(store: Store): MiddlewareHandler<AuthEnv> {
  return async function authenticateRequest(c, next) {
    const entry =
      ROUTE_ACTIONS[`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${routePath(c, -1)}`]
    if (entry === 'public') return next()
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match?.[1]) throw unauthorized('Stuur een token mee: Authorization: Bearer <token>.')
    const resolved = await resolveToken(store.db, match[1])
    if ('refused' in resolved) {
      throw unauthorized(
        resolved.refused === 'persoon-gewist'
          ? 'Dit token hoort bij een persoon die is gewist en werkt niet meer; vraag de beheerder om een nieuw token.'
          : 'Dit token is onbekend of ingetrokken.',
      )
    }
    const { principal } = resolved
    c.set('principal', principal)
    if (!entry) {
      // No route matched: let the 404 handler answer (after authentication, so ids do not leak).
      if (routePath(c, -1) === '*' || routePath(c, -1) === '/*') return next()
      throw forbidden('Deze route heeft geen regel in de toegangstabel.')
    }
    if (!roleMay(principal.role, entry)) {
      throw forbidden(`De rol ${principal.role} mag deze route niet gebruiken.`)
    }
    return next()
  }
}
