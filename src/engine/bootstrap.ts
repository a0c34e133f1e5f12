import type { DbHandle } from '../../db/create-db.ts'
import { findLiveToken, listTokens } from '../../db/queries/tokens.ts'
import { newTokenSecret, tokenDigest } from '../access/tokens.ts'
import { SYSTEM_ACTOR } from './actor.ts'
import { commit } from './commit.ts'
import { insertTokenWith } from './tokens.service.ts'

export interface BootstrapResult {
  /** A freshly created admin token to print once, when the database had none. */
  printOnce?: string
  /** ADMIN_TOKEN from the environment was stored now. */
  storedEnvToken: boolean
}

/**
 * ADMIN_TOKEN, when set and not stored yet, is stored (hashed) as an admin token. Without it, the
 * first start on a database without tokens creates an admin token to print once. Check and insert
 * share one transaction, so servers starting together on one database store it once.
 */
export async function bootstrapAdmin(
  store: DbHandle,
  adminToken: string | undefined,
): Promise<BootstrapResult> {
  return commit(store, SYSTEM_ACTOR, async (w) => {
    if (adminToken) {
      if (await findLiveToken(w.tx, tokenDigest(adminToken))) return { storedEnvToken: false }
      await insertTokenWith(w, { name: 'ADMIN_TOKEN', role: 'admin' }, adminToken)
      return { storedEnvToken: true }
    }
    if ((await listTokens(w.tx)).length > 0) return { storedEnvToken: false }
    const secret = newTokenSecret()
    await insertTokenWith(w, { name: 'eerste beheerder', role: 'admin' }, secret)
    return { printOnce: secret, storedEnvToken: false }
  })
}
