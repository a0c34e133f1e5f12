import type { DbHandle } from '../../db/create-db.ts'
import { findLiveToken, listTokens } from '../../db/queries/tokens.ts'
import { tokenDigest } from '../access/tokens.ts'
import { SYSTEM_ACTOR } from './actor.ts'
import { issueToken } from './tokens.service.ts'

export interface BootstrapResult {
  /** A freshly created admin token to print once, when the database had none. */
  printOnce?: string
  /** ADMIN_TOKEN from the environment was stored now. */
  storedEnvToken: boolean
}

/**
 * ADMIN_TOKEN, when set and not stored yet, is stored (hashed) as an admin token. Without it, the
 * first start on a database without tokens creates an admin token to print once.
 */
export async function bootstrapAdmin(
  store: DbHandle,
  adminToken: string | undefined,
): Promise<BootstrapResult> {
  if (adminToken) {
    if (await findLiveToken(store.db, tokenDigest(adminToken))) return { storedEnvToken: false }
    await issueToken(store, SYSTEM_ACTOR, { name: 'ADMIN_TOKEN', role: 'admin' }, adminToken)
    return { storedEnvToken: true }
  }
  if ((await listTokens(store.db)).length > 0) return { storedEnvToken: false }
  const { token } = await issueToken(store, SYSTEM_ACTOR, { name: 'eerste beheerder', role: 'admin' })
  return { printOnce: token, storedEnvToken: false }
}
