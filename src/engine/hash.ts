import { createHash } from 'node:crypto'

/** The previous hash of an instance's first event. */
export const ZERO_HASH = '0'.repeat(64)

/**
 * The format of a stored event. 1: the actor is a token and its role. 2: the actor also names the
 * person behind the token and the organisation the act was done for, and the hash covers
 * `format` itself, so a record cannot pass for the other format. 3: as 2, and the hash also
 * covers the version of the machine the event was applied under (`machineVersion`), so which
 * rules an instance ran by is part of its tamper-evident history. Events of format 1 and 2 were
 * all applied under version 1: there was no other.
 */
export type EventFormat = 1 | 2 | 3

/** The format every new event is written in. */
export const CURRENT_EVENT_FORMAT: EventFormat = 3

/** Every event format that can be read and verified. */
export function isEventFormat(value: unknown): value is EventFormat {
  return value === 1 || value === 2 || value === 3
}

/** The machine version an event of this format and stored version was applied under. */
export function machineVersionOf(format: EventFormat, stored: number | null): number {
  return format === 3 && stored !== null ? stored : 1
}

/** Who did it: the token and its role; from format 2 also the person and the organisation. */
export interface HashedActor {
  tokenId: string
  role: string
  /** Format 2: the person the token is bound to (null for a service token or the system). */
  personId: string | null
  /** Format 2: the organisation the act was done for (null when it was done for none). */
  organisationId: string | null
}

/** The fields of an event that its hash commits to. */
export interface HashedEvent {
  format: EventFormat
  instanceId: string
  seq: number
  type: string
  payload: unknown
  reason: string | null
  actor: HashedActor
  recordedAt: string
  effectiveDate: string | null
  stateBefore: unknown
  stateAfter: unknown
  /** Format 3: the machine version the event was applied under (null in formats 1 and 2). */
  machineVersion?: number | null
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
  // One update with both: the same bytes (prevHash is ASCII hex), one call into the hash.
  return createHash('sha256')
    .update(prevHash + canonical)
    .digest('hex')
}

/**
 * The RFC 8785 canonical JSON of exactly the hashed fields of the event's format: `canonicalJson`
 * of the object of these fields, its members given in their sorted order (ASCII names, already
 * quoted) instead of sorted on every call: verify hashes every stored event. Format 1 has no
 * `format` member and a two-field actor, exactly as such events were hashed when written.
 */
function canonicalizeEvent(event: HashedEvent): string | undefined {
  if (!isEventFormat(event.format)) {
    throw new Error(`unknown event format ${String(event.format)}`)
  }
  const v2 = event.format !== 1
  const v3 = event.format === 3
  if (v3 && !Number.isSafeInteger(event.machineVersion)) {
    throw new Error('a format-3 event needs its machine version')
  }
  const { actor } = event
  const members: (readonly [string, unknown])[] = [
    [
      '"actor"',
      v2
        ? {
            tokenId: actor.tokenId,
            role: actor.role,
            personId: actor.personId,
            organisationId: actor.organisationId,
          }
        : { tokenId: actor.tokenId, role: actor.role },
    ],
    ['"effectiveDate"', event.effectiveDate],
    ['"format"', v2 ? event.format : undefined],
    ['"instanceId"', event.instanceId],
    ['"machineVersion"', v3 ? event.machineVersion : undefined],
    ['"payload"', event.payload],
    ['"reason"', event.reason],
    ['"recordedAt"', event.recordedAt],
    ['"seq"', event.seq],
    ['"stateAfter"', event.stateAfter],
    ['"stateBefore"', event.stateBefore],
    ['"type"', event.type],
  ]
  return membersJson(members)
}

/**
 * RFC 8785 (JCS) canonical JSON of JSON data: object keys sorted by UTF-16 code units, numbers and
 * strings as ECMAScript serialises them; NaN, infinities and lone surrogates are refused. Output is
 * byte for byte what the `canonicalize` package gives (a property test holds them together), at a
 * fraction of its cost: verifying a store spends most of its time here.
 */
export function canonicalJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) throw new Error('Lone surrogate is not allowed')
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} is not allowed`)
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      return value === null ? 'null' : canonicalObject(value)
    default:
      return JSON.stringify(value) as string | undefined
  }
}

function canonicalObject(object: object): string | undefined {
  const toJSON = (object as { toJSON?: unknown }).toJSON
  if (typeof toJSON === 'function') return canonicalJson(toJSON.call(object))
  if (Array.isArray(object)) {
    let out = '['
    for (let i = 0; i < object.length; i++) {
      const item: unknown = object[i]
      if (i > 0) out += ','
      out += canonicalJson(item === undefined || typeof item === 'symbol' ? null : item)
    }
    return out + ']'
  }
  const record = object as Record<string, unknown>
  return membersJson(
    Object.keys(record)
      .sort()
      .map((key) => [canonicalJson(key), record[key]]),
  )
}

/** `{name:value,…}` in the order given (names already JSON); undefined and symbols left out. */
function membersJson(members: readonly (readonly [string | undefined, unknown])[]): string {
  let out = '{'
  for (const [name, value] of members) {
    if (value === undefined || typeof value === 'symbol') continue
    if (out.length > 1) out += ','
    out += `${name}:${canonicalJson(value)}`
  }
  return out + '}'
}

const LONE_SURROGATE = /\p{Surrogate}/u
const wellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed

/** No lone (unpaired) surrogate in `text`. */
function isWellFormed(text: string): boolean {
  if (wellFormed) return wellFormed.call(text)
  // Paired surrogates match as one code point under /u, so only lone ones match.
  return !LONE_SURROGATE.test(text)
}

/** An event whose fields RFC 8785 cannot serialise (e.g. a lone surrogate in a string). */
export class UnhashableEvent extends Error {}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
