import type { Principal } from '../access/principal.ts'
import type { Resolved } from '../access/session-store.ts'
import type { Refusal } from '../access/tokens.ts'
import type { ClientFacts } from './client-address.ts'

/** What the first middleware learns of every request, for the API and the UI alike. */
export interface RequestVars {
  client: ClientFacts
  /** The verified bearer token's principal (API requests). */
  principal: Principal
  /** Why the bearer token sent speaks for nobody (API requests). */
  refusal: Refusal | 'geen-token'
  /** Where the session cookie led (UI requests); unset without a cookie. */
  session: Resolved | undefined
}

export interface AppEnv {
  Variables: RequestVars
}
