import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'

/** The previous hash of an instance's first event. */
export const ZERO_HASH = '0'.repeat(64)

/** The fields of an event that its hash commits to. */
export interface HashedEvent {
  instanceId: string
  seq: number
  type: string
  payload: unknown
  reason: string | null
  actor: { tokenId: string; role: string }
  recordedAt: string
  effectiveDate: string | null
  stateBefore: unknown
  stateAfter: unknown
}

/**
 * SHA-256 over the previous hash and the RFC 8785 canonical JSON of the event's fields. This is
 * the only hashing function: the server, `verify` and the offline verifier all call it.
 */
export function eventHash(prevHash: string, event: HashedEvent): string {
  let canonical: string | undefined
  try {
    canonical = canonicalizeEvent(event)
  } catch (error) {
    throw new UnhashableEvent(error instanceof Error ? error.message : String(error))
  }
  if (canonical === undefined) throw new UnhashableEvent('event cannot be canonicalized')
  return createHash('sha256').update(prevHash).update(canonical).digest('hex')
}

/** The RFC 8785 canonical JSON of exactly the hashed fields. */
function canonicalizeEvent(event: HashedEvent): string | undefined {
  return canonicalize({
    instanceId: event.instanceId,
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    reason: event.reason,
    actor: { tokenId: event.actor.tokenId, role: event.actor.role },
    recordedAt: event.recordedAt,
    effectiveDate: event.effectiveDate,
    stateBefore: event.stateBefore,
    stateAfter: event.stateAfter,
  })
}

/** An event whose fields RFC 8785 cannot serialise (e.g. a lone surrogate in a string). */
export class UnhashableEvent extends Error {}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
