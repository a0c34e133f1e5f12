import type { Context, Handler } from 'hono'
import { routePath } from 'hono/route'
import { roleMay } from '../../access/policy.ts'
import { authenticate } from '../../access/tokens.ts'
import { ProblemError } from '../../errors.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { ROLE_LABELS } from '../labels.ts'
import { UI_ROUTES } from '../ui-route-table.ts'
import { errorPage } from '../render.tsx'
import { SESSION_COOKIE, clearCookie, readCookie } from './cookies.ts'
import { CSRF_FIELD, sameOrigin, sameSecret } from './csrf.ts'
import { readForm } from '../forms/read-form.ts'

export type PageHandler = (c: Context<UiEnv>, who: Who) => Response | Promise<Response>

/** Where to go after login; only paths on this site. */
export function safeReturn(path: string | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/'
  return path
}

/**
 * Wraps a page: the session must be live and its token still valid (a revoked token ends the
 * session at once), every POST must carry the session's CSRF token, and the role must have a
 * rule for one of the page's actions in UI_ROUTES (from the policy table). Scope (404) stays
 * with the services.
 */
export function guard(deps: UiDeps) {
  return function page(handler: PageHandler): Handler<UiEnv> {
    return async function guardedPage(c) {
      const actions = UI_ROUTES[`${c.req.method} ${routePath(c)}`]
      const session = deps.sessions.get(readCookie(c, SESSION_COOKIE))
      const principal = session ? await authenticate(deps.store.db, session.token) : undefined
      if (!session || !principal) {
        deps.sessions.delete(session?.id)
        if (readCookie(c, SESSION_COOKIE)) clearCookie(c, SESSION_COOKIE)
        const url = new URL(c.req.url)
        const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/'
        const expired = session ? '&verlopen=1' : ''
        return c.redirect(`/login?terug=${encodeURIComponent(back)}${expired}`, 303)
      }
      const who: Who = { principal, session }
      if (c.req.method === 'POST') {
        const body = await readForm(c)
        const sent = body[CSRF_FIELD]
        if (!sameOrigin(c) || typeof sent !== 'string' || !sameSecret(sent, session.csrf)) {
          return errorPage(
            c,
            who,
            403,
            'Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw en probeer het nog eens.',
          )
        }
      }
      if (actions === undefined || actions === 'anonymous') {
        return errorPage(c, who, 403, 'Deze pagina heeft geen regel in de toegangstabel.')
      }
      if (actions !== 'any' && !roleMay(principal.role, actions)) {
        const role = ROLE_LABELS[principal.role] ?? principal.role
        return errorPage(c, who, 403, `Als ${role} kunt u deze pagina niet gebruiken.`)
      }
      try {
        return await handler(c, who)
      } catch (error) {
        if (error instanceof ProblemError) return errorPage(c, who, error.status, error.detail)
        throw error
      }
    }
  }
}

export type Guard = ReturnType<typeof guard>

/** A path parameter (the guard's handlers are not typed by path). */
export function param(c: Context, name: string): string {
  return c.req.param(name) ?? ''
}
