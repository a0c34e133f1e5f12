import type { Role } from './policy.ts'

/** The caller, as its token says. */
export interface Principal {
  tokenId: string
  role: Role
  /** member, teacher: the person the token speaks for. */
  personId: string | null
  /** hr, auditor: the organisations in scope; null means all (auditor without scope, admin). */
  organisationIds: readonly string[] | null
}
