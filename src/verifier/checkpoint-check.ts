import { verify as verifySignature } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import {
  CHECKPOINT_FORMAT,
  compareIds,
  keyIdOf,
  merkleRoot,
  signedMessage,
} from './checkpoint-format.ts'
import type { Checkpoint, CheckpointHead } from './checkpoint-format.ts'

const HEX64 = /^[0-9a-f]{64}$/
const FIELDS = ['format', 'at', 'events', 'instances', 'root', 'keyId', 'heads', 'signature']

/** A checkpoint file, by the name the auditor gave it. */
export interface NamedCheckpoint {
  name: string
  checkpoint: Checkpoint
}

/**
 * Checks a checkpoint on its own: its shape, that it was signed by `publicKey`, that the heads
 * give its root and its counts. Returns the problems (empty: sound).
 */
export function checkCheckpoint(data: unknown, publicKey: KeyObject): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['not a JSON object']
  const c = data as Record<string, unknown>
  const problems: string[] = []
  for (const key of Object.keys(c))
    if (!FIELDS.includes(key)) problems.push(`unexpected field ${key}`)
  if (c['format'] !== CHECKPOINT_FORMAT) problems.push(`format is not ${CHECKPOINT_FORMAT}`)
  if (typeof c['at'] !== 'string' || Number.isNaN(Date.parse(c['at'])))
    problems.push('at is not a time')
  for (const key of ['events', 'instances']) {
    if (!Number.isSafeInteger(c[key]) || (c[key] as number) < 0)
      problems.push(`${key} is not a count`)
  }
  for (const key of ['root', 'keyId']) {
    if (typeof c[key] !== 'string' || !HEX64.test(c[key]))
      problems.push(`${key} is not 64 hex digits`)
  }
  if (typeof c['signature'] !== 'string') problems.push('signature is missing')
  const heads = c['heads']
  if (!Array.isArray(heads)) problems.push('heads is not a list')
  else problems.push(...headProblems(heads))
  if (problems.length > 0) return problems

  const checkpoint = data as Checkpoint
  const expectedKey = keyIdOf(publicKey)
  if (checkpoint.keyId !== expectedKey) {
    return [
      `signed by another key: keyId ${checkpoint.keyId.slice(0, 16)}…, the public key given has ${expectedKey.slice(0, 16)}…`,
    ]
  }
  if (checkpoint.instances !== checkpoint.heads.length) {
    problems.push(`instances says ${checkpoint.instances}, heads lists ${checkpoint.heads.length}`)
  }
  const events = checkpoint.heads.reduce((n, h) => n + h.seq, 0)
  if (checkpoint.events !== events)
    problems.push(`events says ${checkpoint.events}, heads add up to ${events}`)
  if (merkleRoot(checkpoint.heads) !== checkpoint.root)
    problems.push('the heads do not give its root')
  const signature = Buffer.from(checkpoint.signature, 'base64')
  if (!verifySignature(null, signedMessage(checkpoint), publicKey, signature)) {
    problems.push('the signature does not verify with the public key given (a field was altered)')
  }
  return problems
}

function headProblems(heads: unknown[]): string[] {
  let previous: string | undefined
  for (const [i, head] of heads.entries()) {
    const h = head as Partial<CheckpointHead> | null
    if (
      typeof h !== 'object' ||
      h === null ||
      typeof h.instanceId !== 'string' ||
      !Number.isSafeInteger(h.seq) ||
      (h.seq as number) < 1 ||
      typeof h.hash !== 'string' ||
      !HEX64.test(h.hash) ||
      Object.keys(h).length !== 3
    ) {
      return [`heads[${i}] is not {instanceId, seq, hash}`]
    }
    if (previous !== undefined && compareIds(previous, h.instanceId) >= 0) {
      return [`heads[${i}] (${h.instanceId}) is not after ${previous}: not sorted, or twice`]
    }
    previous = h.instanceId
  }
  return []
}

/**
 * Whether `later` extends `earlier`: every instance of the earlier one is still there, at the
 * same or a later seq, and at the same seq with the same hash. Whether a longer chain starts with
 * the earlier head is for the export to show (see verify-export.ts).
 */
export function checkExtension(earlier: NamedCheckpoint, later: NamedCheckpoint): string[] {
  const problems: string[] = []
  const what = `${later.name} does not extend ${earlier.name}`
  if (Date.parse(later.checkpoint.at) < Date.parse(earlier.checkpoint.at)) {
    problems.push(`${what}: it is older (${later.checkpoint.at} < ${earlier.checkpoint.at})`)
  }
  const next = later.checkpoint.heads
  let j = 0
  for (const head of earlier.checkpoint.heads) {
    while (
      j < next.length &&
      compareIds((next[j] as CheckpointHead).instanceId, head.instanceId) < 0
    )
      j++
    const match = next[j]
    if (!match || match.instanceId !== head.instanceId) {
      problems.push(`${what}: instance ${head.instanceId} (seq ${head.seq}) has vanished`)
    } else if (match.seq < head.seq) {
      problems.push(
        `${what}: instance ${head.instanceId} went back from seq ${head.seq} to ${match.seq}`,
      )
    } else if (match.seq === head.seq && match.hash !== head.hash) {
      problems.push(`${what}: instance ${head.instanceId} seq ${head.seq} has another hash`)
    }
  }
  return problems
}

/**
 * Checks each checkpoint on its own, then each against the next older one (by time, then by
 * events). Returns the problems, and the sound checkpoints oldest first.
 */
export function soundCheckpoints(
  given: readonly { name: string; data: unknown }[],
  publicKey: KeyObject,
): { problems: string[]; sound: NamedCheckpoint[] } {
  const problems: string[] = []
  const sound: NamedCheckpoint[] = []
  for (const { name, data } of given) {
    const own = checkCheckpoint(data, publicKey)
    problems.push(...own.map((p) => `checkpoint ${name}: ${p}`))
    if (own.length === 0) sound.push({ name, checkpoint: data as Checkpoint })
  }
  sound.sort(
    (a, b) =>
      Date.parse(a.checkpoint.at) - Date.parse(b.checkpoint.at) ||
      a.checkpoint.events - b.checkpoint.events,
  )
  for (let i = 1; i < sound.length; i++) {
    problems.push(...checkExtension(sound[i - 1] as NamedCheckpoint, sound[i] as NamedCheckpoint))
  }
  return { problems, sound }
}
