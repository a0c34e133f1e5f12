import type { Role } from './policy.ts'

/** The caller, as its token says. */
export interface Principal {
  tokenId: string
  role: Role
  /**
   * The person the token is bound to: always for member and teacher, for hr from this release
   * on, optionally for admin and auditor. null: a service token (or an hr token from before
   * tokens were bound), whose acts name no person.
   */
  personId: string | null
  /**
   * hr, auditor: the organisations in scope, with every organisation that belongs to one of them
   * (the schools of a bestuur); null means all (auditor without scope, admin).
   */
  organisationIds: readonly string[] | null
}
