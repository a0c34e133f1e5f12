import type { Context, Handler } from 'hono'
import { routePath } from 'hono/route'
import { roleMay } from '../../access/policy.ts'
import { ProblemError } from '../../errors.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { ROLE_LABELS } from '../labels.ts'
import { UI_ROUTES } from '../ui-route-table.ts'
import { errorPage } from '../render.tsx'
import { clearCookie, readCookie } from './cookies.ts'
import { CSRF_FIELD, sameOrigin, sameSecret } from './csrf.ts'
import { readForm } from '../forms/read-form.ts'

export type PageHandler = (c: Context<UiEnv>, who: Who) => Response | Promise<Response>

/**
 * Where to go after login: a path on this site, else `/`. Browsers drop tabs and line breaks
 * from URLs and read `\` as `/`, so `/\t/evil.example` would become `//evil.example`: any control
 * character or backslash sends the user to `/`, as does anything that does not stay on this
 * origin once parsed.
 */
export function safeReturn(path: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  if (!path || !path.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(path)) return '/'
  const base = 'http://doorlopend.invalid'
  let url: URL
  try {
    url = new URL(path, base)
  } catch {
    return '/'
  }
  if (url.origin !== base || path.startsWith('//')) return '/'
  return `${url.pathname}${url.search}`
}

/** The live session of this request, as the first middleware found it. */
export function liveSession(c: Context<UiEnv>): Who | undefined {
  const resolved = c.get('session')
  return resolved?.live ? { principal: resolved.principal, session: resolved.session } : undefined
}

/**
 * Wraps a page: the session must be live and its token still valid (a revoked token ends the
 * session at once), every POST must carry the session's CSRF token, and the role must have a
 * rule for one of the page's actions in UI_ROUTES (from the policy table). Scope (404) stays
 * with the services.
 */
export function guard(_deps: UiDeps) {
  return function page(handler: PageHandler): Handler<UiEnv> {
    return async function guardedPage(c) {
      const actions = UI_ROUTES[`${c.req.method} ${routePath(c)}`]
      const who = liveSession(c)
      if (!who) {
        // A cookie that leads nowhere: the session expired, was ended or its token revoked.
        const hadSession = readCookie(c, 'session') !== undefined
        if (hadSession) clearCookie(c, 'session')
        const url = new URL(c.req.url)
        const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/'
        const ended = hadSession ? '&verlopen=1' : ''
        return c.redirect(`/login?terug=${encodeURIComponent(back)}${ended}`, 303)
      }
      if (c.req.method === 'POST') {
        const body = await readForm(c)
        const sent = body[CSRF_FIELD]
        if (!sameOrigin(c) || typeof sent !== 'string' || !sameSecret(sent, who.session.csrf)) {
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
      if (actions !== 'any' && !roleMay(who.principal.role, actions)) {
        const role = ROLE_LABELS[who.principal.role] ?? who.principal.role
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
