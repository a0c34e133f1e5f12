import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Finished, SignInFailure } from '../../access/oidc/sign-in.ts'
import { ATTEMPT_TTL_S } from '../../access/oidc/sign-in.ts'
import { tooMany } from '../../http/identify.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { Page } from '../layout.tsx'
import { errorPage, html } from '../render.tsx'
import { clearCookie, readCookie, writeCookie } from '../session/cookies.ts'
import { safeReturn } from '../session/guard.ts'
import { startSession } from '../session/start-session.ts'

/** What a person reads when signing in gave no session, per reason. */
const FAILURES: Record<
  SignInFailure,
  { status: 400 | 403 | 502; text: (label: string) => string }
> = {
  verlopen: {
    status: 400,
    text: () =>
      'Deze inlogpoging is verlopen of is in een andere browser begonnen. Begin opnieuw op de inlogpagina.',
  },
  geweigerd: {
    status: 403,
    text: (label) => `${label} heeft het inloggen niet toegestaan, of u hebt het afgebroken.`,
  },
  mislukt: {
    status: 403,
    text: (label) =>
      `Het inloggen via ${label} kon niet worden bevestigd (de inlogcode was verlopen of klopte niet). Probeer het opnieuw.`,
  },
  onbekend: {
    status: 403,
    text: (label) =>
      `U bent ingelogd bij ${label}, maar doorlopend kent u niet: er is niemand met dit account, of de gegevens zijn gewist. Vraag de beheerder van uw organisatie om u toe te voegen.`,
  },
  dubbel: {
    status: 403,
    text: () =>
      'Uw e-mailadres staat bij meer dan één persoon in doorlopend. Vraag de beheerder dit recht te zetten.',
  },
  'geen-rol': {
    status: 403,
    text: () =>
      'doorlopend kent u, maar u hebt nog geen toegang (geen rol). Vraag de beheerder van uw organisatie om toegang.',
  },
  onbereikbaar: {
    status: 502,
    text: (label) => `${label} is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.`,
  },
}

/**
 * Sign-in through OpenID Connect providers: /login/sso/:provider sends the browser to the
 * provider, /login/sso/:provider/terug receives it back (the redirect URL to register).
 */
export function ssoRoutes(deps: UiDeps) {
  return new Hono<UiEnv>()
    .get('/login/sso/:provider', async (c) => {
      const provider = deps.signIn.provider(c.req.param('provider'))
      if (!provider) return errorPage(c, undefined, 404, 'Deze inlogdienst is hier niet ingesteld.')
      const verdict = await deps.limits.loginAllowed(c.get('client').address)
      if (!verdict.allowed) return tooMany(c, verdict)
      try {
        const { url, cookie } = await deps.signIn.start(provider, safeReturn(c.req.query('terug')))
        writeCookie(c, 'sso', cookie, ATTEMPT_TTL_S)
        return c.redirect(url, 303)
      } catch (error) {
        return failed(c, { ok: false, provider, reason: 'onbereikbaar', error })
      }
    })
    .get('/login/sso/:provider/terug', async (c) => {
      const provider = deps.signIn.provider(c.req.param('provider'))
      if (!provider) return errorPage(c, undefined, 404, 'Deze inlogdienst is hier niet ingesteld.')
      const address = c.get('client').address
      const verdict = await deps.limits.loginAllowed(address)
      if (!verdict.allowed) return tooMany(c, verdict)
      const search = new URL(c.req.url).search
      const finished = await deps.signIn.finish(provider, search, readCookie(c, 'sso'))
      clearCookie(c, 'sso')
      if (!finished.ok) {
        if (finished.reason !== 'onbereikbaar') await deps.limits.loginFailed(address)
        return failed(c, finished)
      }
      await startSession(c, deps, {
        tokenId: finished.tokenId,
        personId: finished.person.id,
        via: provider.id,
      })
      return continuePage(c, finished.returnTo)
    })

  function failed(c: Context<UiEnv>, finished: Extract<Finished, { ok: false }>) {
    if (finished.reason === 'onbereikbaar' && finished.error) deps.onError?.(finished.error)
    const failure = FAILURES[finished.reason]
    return html(
      c,
      <Page title="Inloggen niet gelukt">
        <div class="problem" role="alert">
          <p>{failure.text(finished.provider.label)}</p>
        </div>
        <p>
          <a href="/login">Naar de inlogpagina</a>
        </p>
      </Page>,
      failure.status,
    )
  }
}

/**
 * After the provider, the browser arrives here by a cross-site navigation, on which it keeps the
 * new `SameSite=Strict` session cookie to itself. A page that moves on by itself makes the next
 * request same-site, so the cookie goes along.
 */
function continuePage(c: Context<UiEnv>, back: string) {
  const target = safeReturn(back)
  return html(
    c,
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0;url=${target}`} />
        <title>Ingelogd · doorlopend</title>
        <link rel="stylesheet" href="/assets/style.css" />
      </head>
      <body>
        <main class="wrap">
          <p>
            U bent ingelogd. <a href={target}>Verder</a>
          </p>
        </main>
      </body>
    </html>,
  )
}
