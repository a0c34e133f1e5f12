import type { Store } from '../engine/store.ts'
import type { Principal } from '../access/principal.ts'
import type { SessionStore, Session } from './session/session-store.ts'

/** What every UI handler works with. */
export interface UiDeps {
  store: Store
  sessions: SessionStore
  /** The clock for "stilgevallen" (no event for 30+ days); tests move it. */
  now: () => Date
}

/** The logged-in caller of a page: the token's principal and the browser session. */
export interface Who {
  principal: Principal
  session: Session
}

export type UiEnv = { Variables: Record<string, never> }
