import type { Limits } from '../access/limits/limits.ts'
import type { SignIn } from '../access/oidc/sign-in.ts'
import type { Principal } from '../access/principal.ts'
import type { Session, SessionStore } from '../access/session-store.ts'
import type { Store } from '../engine/store.ts'
import type { AppEnv } from '../http/env.ts'

/** What every UI handler works with. */
export interface UiDeps {
  store: Store
  sessions: SessionStore
  limits: Limits
  /** The OpenID Connect providers people may sign in with (none: token login only). */
  signIn: SignIn
  /** The clock for "stilgevallen" (no event for 30+ days); tests move it. */
  now: () => Date
  /** Told about unexpected errors (the page shows none of their details). */
  onError?: ((error: unknown) => void) | undefined
  /** Most bytes of one document attached to an event (default 10 MiB). */
  documentMaxBytes?: number | undefined
}

/** The logged-in caller of a page: the token's principal and the browser session. */
export interface Who {
  principal: Principal
  session: Session
}

export type UiEnv = AppEnv
