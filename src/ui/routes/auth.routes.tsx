import type { Context } from 'hono'
import { Hono } from 'hono'
import { authenticate } from '../../access/tokens.ts'
import { tooMany } from '../../http/identify.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { LoginPage } from '../pages/login-page.tsx'
import type { LoginState } from '../pages/login-page.tsx'
import { html } from '../render.tsx'
import { readCookie, writeCookie } from '../session/cookies.ts'
import { CSRF_FIELD, newSecret, sameOrigin, sameSecret } from '../session/csrf.ts'
import { guard, liveSession, safeReturn } from '../session/guard.ts'
import { endSession, startSession } from '../session/start-session.ts'
import { readForm } from '../forms/read-form.ts'

const NOTICES: Record<string, string> = {
  verlopen: 'Uw sessie is verlopen of beëindigd, of uw toegang is ingetrokken. Log opnieuw in.',
  uitgelogd: 'U bent uitgelogd.',
}

export function authRoutes(deps: UiDeps) {
  const page = guard(deps)
  /** A fresh login form: its CSRF secret goes in a cookie and in the form (double submit). */
  const showLogin = (c: Context<UiEnv>, state: LoginState, status: 200 | 400 | 401 | 403 = 200) => {
    const csrf = newSecret()
    writeCookie(c, 'login', csrf)
    return html(
      c,
      <LoginPage state={state} csrf={csrf} providers={deps.signIn.providers} />,
      status,
    )
  }
  return new Hono<UiEnv>()
    .get('/login', async (c) => {
      const back = safeReturn(c.req.query('terug'))
      if (liveSession(c)) return c.redirect(back, 303)
      const notice = Object.keys(NOTICES).find((key) => c.req.query(key) !== undefined)
      return showLogin(c, { back, notice: notice ? NOTICES[notice] : undefined })
    })
    .post('/login', async (c) => {
      const body = await readForm(c, {})
      const back = safeReturn(typeof body['terug'] === 'string' ? body['terug'] : undefined)
      const sent = typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : ''
      const expected = readCookie(c, 'login') ?? ''
      if (!sameOrigin(c) || !sameSecret(sent, expected)) {
        return showLogin(
          c,
          { back, error: 'Het formulier was verlopen. Probeer het nog eens.' },
          403,
        )
      }
      const address = c.get('client').address
      const verdict = await deps.limits.loginAllowed(address)
      if (!verdict.allowed) return tooMany(c, verdict)
      const token = typeof body['token'] === 'string' ? body['token'].trim() : ''
      if (!token) return showLogin(c, { back, error: 'Vul uw token in.' }, 400)
      const principal = await authenticate(deps.store.db, token)
      if (!principal) {
        await deps.limits.loginFailed(address)
        return showLogin(c, { back, error: 'Dit token is onbekend of ingetrokken.' }, 401)
      }
      await startSession(
        c,
        deps,
        { tokenId: principal.tokenId, personId: principal.personId, via: 'token' },
        principal,
      )
      return c.redirect(back, 303)
    })
    .post(
      '/logout',
      page(async (c, who) => c.redirect(await endSession(c, deps, who.session), 303)),
    )
}
