import { createHash, randomBytes } from 'node:crypto'
import type { Db, Token } from '../../db/database.ts'
import { withDescendants } from '../../db/queries/organisations.ts'
import { findLiveToken } from '../../db/queries/tokens.ts'
import type { LiveToken } from '../../db/queries/tokens.ts'
import type { Principal } from './principal.ts'
import { isRole } from './policy.ts'

/** A new token secret: 256 random bits, with a prefix that makes leaked tokens easy to spot. */
export function newTokenSecret(): string {
  return `dl_${randomBytes(32).toString('base64url')}`
}

/** Tokens are stored only as this digest. */
export function tokenDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Why a bearer secret speaks for nobody; Dutch, for the 401 problem. */
export type Refusal = 'onbekend' | 'persoon-gewist'

/** The principal a bearer secret speaks for, or why it speaks for nobody. */
export async function resolveToken(
  db: Db,
  secret: string,
): Promise<{ principal: Principal } | { refused: Refusal }> {
  if (secret.length < 10 || secret.length > 200) return { refused: 'onbekend' }
  const token = await findLiveToken(db, tokenDigest(secret))
  if (!token) return { refused: 'onbekend' }
  return principalForToken(db, token)
}

/** The principal of a live token row (its person's erasure checked, its scope widened). */
export async function principalForToken(
  db: Db,
  token: LiveToken,
): Promise<{ principal: Principal } | { refused: Refusal }> {
  if (token.revoked_at !== null) return { refused: 'onbekend' }
  // A token bound to an erased person speaks for nobody: its acts would name a gone person.
  if (token.person_erased_at !== null) return { refused: 'persoon-gewist' }
  const principal = principalOf(token)
  if (!principal) return { refused: 'onbekend' }
  if (principal.organisationIds !== null) {
    return {
      principal: {
        ...principal,
        organisationIds: await withDescendants(db, principal.organisationIds),
      },
    }
  }
  return { principal }
}

/** The principal a bearer secret speaks for, or undefined when it is unknown, revoked or erased. */
export async function authenticate(db: Db, secret: string): Promise<Principal | undefined> {
  const resolved = await resolveToken(db, secret)
  return 'principal' in resolved ? resolved.principal : undefined
}

/** The principal of a token row, its scope as stored (without the organisations below it). */
export function principalOf(token: Token): Principal | undefined {
  if (!isRole(token.role)) return undefined
  return {
    tokenId: token.id,
    role: token.role,
    personId: token.person_id,
    organisationIds: token.organisation_ids
      ? (JSON.parse(token.organisation_ids) as string[])
      : null,
  }
}
