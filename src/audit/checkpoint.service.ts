import { insertAuditRun } from '../../db/queries/audit-runs.ts'
import { newId } from '../engine/ids.ts'
import { sign } from 'node:crypto'
import { listAllHeads } from '../../db/queries/audit-checkpoint.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import type { Store } from '../engine/store.ts'
import {
  CHECKPOINT_FORMAT,
  compareIds,
  merkleRoot,
  signedMessage,
} from '../verifier/checkpoint-format.ts'
import type { Checkpoint, CheckpointHead } from '../verifier/checkpoint-format.ts'
import { runOffThread } from '../workers/pool.ts'
import type { SigningKey } from './signing-key.ts'

/** Signs the heads as a checkpoint (heads are sorted here). */
export function signCheckpoint(heads: CheckpointHead[], at: string, key: SigningKey): Checkpoint {
  const sorted = [...heads].sort((a, b) => compareIds(a.instanceId, b.instanceId))
  const body = {
    format: CHECKPOINT_FORMAT,
    at,
    events: sorted.reduce((n, h) => n + h.seq, 0),
    instances: sorted.length,
    root: merkleRoot(sorted),
    keyId: key.keyId,
  } as const
  const signature = sign(null, signedMessage(body), key.privateKey).toString('base64')
  return { ...body, heads: sorted, signature }
}

/**
 * A signed checkpoint of every chain: each instance's head (seq and hash), read in one statement,
 * under a Merkle root. It covers the whole database, whatever the auditor's scope: ids and hashes
 * only, nothing personal.
 */
export async function takeCheckpoint(
  store: Store,
  principal: Principal,
  key: SigningKey,
): Promise<Checkpoint> {
  authorizeRole(principal, 'audit.read')
  const at = new Date().toISOString()
  const checkpoint = await runOffThread(store, 'checkpoint', { at, key }, () =>
    checkpointOf(store, at, key),
  )
  await insertAuditRun(store.db, {
    id: newId('run'),
    kind: 'checkpoint',
    at,
    token_id: principal.tokenId,
    instances: checkpoint.heads.length,
    events: checkpoint.heads.reduce((sum, h) => sum + h.seq, 0),
    breaks: 0,
  })
  return checkpoint
}

/** The heads of every chain, signed: the work of a checkpoint, run in a worker thread. */
export async function checkpointOf(store: Store, at: string, key: SigningKey): Promise<Checkpoint> {
  const rows = await listAllHeads(store.db)
  const heads = rows
    .filter((r) => r.version > 0)
    .map((r) => ({ instanceId: r.id, seq: r.version, hash: r.head_hash }))
  return signCheckpoint(heads, at, key)
}

/** The public half of the key, for auditors to keep beside their checkpoints. */
export function publicKeyView(principal: Principal, key: SigningKey) {
  authorizeRole(principal, 'audit.read')
  return { algorithm: 'Ed25519' as const, keyId: key.keyId, publicKeyPem: key.publicKeyPem }
}
