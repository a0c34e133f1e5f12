import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Principal } from '../../access/principal.ts'
import { authenticate } from '../../access/tokens.ts'
import { readPerson } from '../../engine/people.service.ts'
import { ProblemError } from '../../errors.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { Page } from '../layout.tsx'
import { html } from '../render.tsx'
import {
  LOGIN_COOKIE,
  SESSION_COOKIE,
  clearCookie,
  readCookie,
  writeCookie,
} from '../session/cookies.ts'
import { CSRF_FIELD, newSecret, sameOrigin, sameSecret } from '../session/csrf.ts'
import { guard, safeReturn } from '../session/guard.ts'
import { readForm } from '../forms/read-form.ts'

interface LoginState {
  error?: string | undefined
  notice?: string | undefined
  back: string
}

function LoginPage({ state, csrf }: { state: LoginState; csrf: string }) {
  return (
    <Page title="Inloggen" lead="Log in met het token dat u van de beheerder hebt gekregen.">
      {state.notice && (
        <div class="notice" role="status">
          {state.notice}
        </div>
      )}
      <form method="post" action="/login" class="schema-form login-form">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="terug" value={state.back} />
        <div class={`field${state.error ? ' has-error' : ''}`}>
          <label for="token">Uw token</label>
          <p class="field-hint" id="token-hint">
            Het token begint met <code>dl_</code>. Het wordt niet in uw browser bewaard: u blijft
            ingelogd tot u uitlogt of het token wordt ingetrokken.
          </p>
          {state.error && (
            <p class="field-error" id="token-fout">
              <span class="visually-hidden">Fout: </span>
              {state.error}
            </p>
          )}
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="off"
            required
            autofocus
            aria-invalid={state.error ? 'true' : undefined}
            aria-describedby={state.error ? 'token-hint token-fout' : 'token-hint'}
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            Inloggen
          </button>
        </div>
      </form>
    </Page>
  )
}

/** A fresh login form: its CSRF secret goes in a cookie and in the form (double submit). */
function showLogin(c: Context, state: LoginState, status: 200 | 400 | 401 | 403 = 200) {
  const csrf = newSecret()
  writeCookie(c, LOGIN_COOKIE, csrf, '/login')
  return html(c, <LoginPage state={state} csrf={csrf} />, status)
}

export function authRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>()
    .get('/login', async (c) => {
      const back = safeReturn(c.req.query('terug'))
      const live = deps.sessions.get(readCookie(c, SESSION_COOKIE))
      if (live && (await authenticate(deps.store.db, live.token))) return c.redirect(back, 303)
      const notice = c.req.query('verlopen')
        ? 'Uw sessie is verlopen of uw token is ingetrokken. Log opnieuw in.'
        : c.req.query('uitgelogd')
          ? 'U bent uitgelogd.'
          : undefined
      return showLogin(c, { back, notice })
    })
    .post('/login', async (c) => {
      const body = await readForm(c, {})
      const back = safeReturn(typeof body['terug'] === 'string' ? body['terug'] : undefined)
      const sent = typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : ''
      const expected = readCookie(c, LOGIN_COOKIE) ?? ''
      if (!sameOrigin(c) || !sameSecret(sent, expected)) {
        return showLogin(
          c,
          { back, error: 'Het formulier was verlopen. Probeer het nog eens.' },
          403,
        )
      }
      const token = typeof body['token'] === 'string' ? body['token'].trim() : ''
      if (!token) return showLogin(c, { back, error: 'Vul uw token in.' }, 400)
      const principal = await authenticate(deps.store.db, token)
      if (!principal) {
        return showLogin(c, { back, error: 'Dit token is onbekend of ingetrokken.' }, 401)
      }
      // A new session id at every login: an id set before login is never reused (fixation).
      deps.sessions.delete(readCookie(c, SESSION_COOKIE))
      const session = deps.sessions.create(token, await holderName(deps, principal))
      clearCookie(c, LOGIN_COOKIE, '/login')
      writeCookie(c, SESSION_COOKIE, session.id)
      return c.redirect(back, 303)
    })
    .post(
      '/logout',
      page((c, who) => {
        deps.sessions.delete(who.session.id)
        clearCookie(c, SESSION_COOKIE)
        return c.redirect('/login?uitgelogd=1', 303)
      }),
    )
}

/** The name of the token's person, for the header ("Ingelogd als …"); null for a service token. */
async function holderName(deps: UiDeps, principal: Principal): Promise<string | null> {
  if (!principal.personId) return null
  const person = await readPerson(deps.store, principal, principal.personId, 'UI aanmelden').catch(
    (error: unknown) => {
      if (error instanceof ProblemError) return undefined
      throw error
    },
  )
  return person?.name ?? null
}
