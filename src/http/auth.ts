import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { ROLE_NAMES, roleMay } from '../access/policy.ts'
import { forbidden, unauthorized } from '../errors.ts'
import type { AppEnv } from './env.ts'
import { ROUTE_ACTIONS } from './route-policy.ts'

/** The API's context: `principal` is set once authentication passed. */
export type AuthEnv = AppEnv

const REFUSALS = {
  'geen-token': 'Stuur een token mee: Authorization: Bearer <token>.',
  onbekend: 'Dit token is onbekend of ingetrokken.',
  'persoon-gewist':
    'Dit token hoort bij een persoon die is gewist en werkt niet meer; vraag de beheerder om een nieuw token.',
} as const

/**
 * Checks the route's row in the policy table against the bearer token that `identify` verified:
 * 401 without a valid token, 403 when the role may never use the route. Scope (404) is the
 * services' part.
 */
export function authentication(): MiddlewareHandler<AuthEnv> {
  return async function authenticateRequest(c, next) {
    const entry =
      ROUTE_ACTIONS[`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${routePath(c, -1)}`]
    if (entry === 'public') return next()
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined
    if (!principal) throw unauthorized(REFUSALS[c.get('refusal') ?? 'geen-token'])
    if (!entry) {
      // No route matched: let the 404 handler answer (after authentication, so ids do not leak).
      if (routePath(c, -1) === '*' || routePath(c, -1) === '/*') return next()
      throw forbidden('Deze route heeft geen regel in de toegangstabel.')
    }
    if (!roleMay(principal.role, entry)) {
      throw forbidden(`Als ${ROLE_NAMES[principal.role]} mag u dit niet.`)
    }
    return next()
  }
}
