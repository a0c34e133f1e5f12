import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { getMeta, putMetaIfAbsent } from '../../db/queries/meta.ts'
import type { Store } from '../engine/store.ts'
import { keyIdOf } from '../verifier/checkpoint-format.ts'

/** Where the signing key is kept with the data (migration 2026-11-24-audit creates it). */
export const SIGNING_KEY_META = 'audit.signing-key'

export interface SigningKey {
  privateKey: KeyObject
  publicKey: KeyObject
  publicKeyPem: string
  keyId: string
}

const cache = new WeakMap<Store, Map<string, Promise<SigningKey>>>()

/** A signing key from a PKCS#8 PEM; throws unless it is an Ed25519 private key. */
export function signingKeyFromPem(pem: string): SigningKey {
  // An environment variable may carry the PEM's line breaks as literal \n.
  const privateKey = createPrivateKey(pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem)
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `DOORLOPEND_SIGNING_KEY must be an Ed25519 private key (PEM), not ${privateKey.asymmetricKeyType ?? 'unknown'}`,
    )
  }
  const publicKey = createPublicKey(privateKey)
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  }
}

async function storedKey(store: Store): Promise<SigningKey> {
  let pem = await getMeta(store.db, SIGNING_KEY_META)
  if (pem === undefined) {
    // Only when the row was removed by hand: create one; the first writer wins on every server.
    const { privateKey } = generateKeyPairSync('ed25519')
    pem = await putMetaIfAbsent(
      store.db,
      SIGNING_KEY_META,
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    )
  }
  return signingKeyFromPem(pem)
}

/**
 * The key checkpoints are signed with: `configuredPem` (DOORLOPEND_SIGNING_KEY) when given, else
 * the key kept with the data. Loaded once per store.
 */
export function signingKey(store: Store, configuredPem?: string): Promise<SigningKey> {
  let byPem = cache.get(store)
  if (!byPem) cache.set(store, (byPem = new Map()))
  const slot = configuredPem ?? ''
  let key = byPem.get(slot)
  if (!key) {
    key = configuredPem
      ? Promise.resolve().then(() => signingKeyFromPem(configuredPem))
      : storedKey(store)
    key.catch(() => byPem.delete(slot))
    byPem.set(slot, key)
  }
  return key
}
