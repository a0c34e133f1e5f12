import { createHash, randomBytes } from 'node:crypto'
import type { Db, Token } from '../../db/database.ts'
import { findLiveToken } from '../../db/queries/tokens.ts'
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

/** The principal a bearer secret speaks for, or undefined when it is unknown or revoked. */
export async function authenticate(db: Db, secret: string): Promise<Principal | undefined> {
  if (secret.length < 10 || secret.length > 200) return undefined
  const token = await findLiveToken(db, tokenDigest(secret))
  return token ? principalOf(token) : undefined
}

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
