import { createHash, createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// The checkpoint format, shared by the server that signs and the offline verifier that checks.
// It imports node:crypto only, so an auditor can read all of it.

export const CHECKPOINT_FORMAT = 'doorlopend-checkpoint-v1'

/** One instance's head: its last event's seq and hash. */
export interface CheckpointHead {
  instanceId: string
  seq: number
  hash: string
}

/** A signed statement of every instance's head at one moment. */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT
  at: string
  /** Events in all chains: the sum of the heads' seq. */
  events: number
  instances: number
  /** Merkle root over the heads, see `merkleRoot`. */
  root: string
  /** SHA-256 (hex) of the signing key's public key in SPKI DER form. */
  keyId: string
  /** Sorted by instanceId, comparing UTF-8 bytes. */
  heads: CheckpointHead[]
  /** Ed25519 signature (base64) over `signedMessage`. */
  signature: string
}

/** Orders heads by instanceId, comparing UTF-8 bytes (not locale, not UTF-16 units). */
export function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}

/** Leaf hash of one head: SHA-256(0x00 ‖ UTF-8 "instanceId:seq:hash"). */
export function leafHash(head: CheckpointHead): Buffer {
  return sha256(
    Buffer.from([0]),
    Buffer.from(`${head.instanceId}:${head.seq}:${head.hash}`, 'utf8'),
  )
}

/**
 * The Merkle tree hash of RFC 6962 (§2.1) over the heads' leaf hashes, in the order given (sorted
 * by instanceId): an empty tree is SHA-256 of nothing; a node is SHA-256(0x01 ‖ left ‖ right),
 * where the left subtree holds the largest power of two smaller than the node's leaf count.
 */
export function merkleRoot(heads: readonly CheckpointHead[]): string {
  if (heads.length === 0) return sha256().toString('hex')
  return treeHash(heads.map(leafHash), 0, heads.length).toString('hex')
}

function treeHash(leaves: readonly Buffer[], start: number, end: number): Buffer {
  const n = end - start
  if (n === 1) return leaves[start] as Buffer
  let k = 1
  while (k * 2 < n) k *= 2
  return sha256(
    Buffer.from([1]),
    treeHash(leaves, start, start + k),
    treeHash(leaves, start + k, end),
  )
}

/** The exact bytes the signature covers: one field per line, the heads through the root. */
export function signedMessage(c: Omit<Checkpoint, 'heads' | 'signature'>): Buffer {
  const lines = [
    c.format,
    `at ${c.at}`,
    `events ${c.events}`,
    `instances ${c.instances}`,
    `root ${c.root}`,
    `keyId ${c.keyId}`,
  ]
  return Buffer.from(lines.join('\n'), 'utf8')
}

/** The key id of a public key: SHA-256 (hex) of its SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('hex')
}

/**
 * Reads a public key given as PEM, or as the JSON that GET /api/v1/audit/public-key answers
 * (`{ publicKeyPem }`). Throws when it is neither or not Ed25519.
 */
export function parsePublicKey(text: string): KeyObject {
  let pem = text
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as { publicKeyPem?: unknown }
    if (typeof parsed.publicKeyPem !== 'string') throw new Error('JSON without publicKeyPem')
    pem = parsed.publicKeyPem
  }
  const key = createPublicKey(pem)
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'unknown'}`)
  }
  return key
}
