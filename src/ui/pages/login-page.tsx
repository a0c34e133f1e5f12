import type { ProviderConfig } from '../../access/oidc/providers.ts'
import { Page } from '../layout.tsx'
import { CSRF_FIELD } from '../session/csrf.ts'

export interface LoginState {
  error?: string | undefined
  notice?: string | undefined
  back: string
}

/** One button per sign-in provider; the token form for administrators and service accounts. */
export function LoginPage({
  state,
  csrf,
  providers,
}: {
  state: LoginState
  csrf: string
  providers: readonly Pick<ProviderConfig, 'id' | 'label'>[]
}) {
  const withSso = providers.length > 0
  return (
    <Page
      title="Inloggen"
      lead={
        withSso
          ? 'Log in via uw school of instelling. Beheerders loggen in met hun token.'
          : 'Log in met het token dat u van de beheerder hebt gekregen.'
      }
    >
      {state.notice && (
        <div class="notice" role="status">
          {state.notice}
        </div>
      )}
      {withSso && (
        <ul class="sso-list">
          {providers.map((p) => (
            <li>
              <a class="button" href={`/login/sso/${p.id}?terug=${encodeURIComponent(state.back)}`}>
                Inloggen met {p.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action="/login" class="schema-form login-form">
        {withSso && <h2>Inloggen met een token</h2>}
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <input type="hidden" name="terug" value={state.back} />
        <div class={`field${state.error ? ' has-error' : ''}`}>
          <label for="token">Uw token</label>
          <p class="field-hint" id="token-hint">
            Het token begint met <code>dl_</code>. Het wordt niet in uw browser bewaard: u blijft
            ingelogd tot u uitlogt, de sessie verloopt of het token wordt ingetrokken.
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
            autofocus={!withSso}
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
