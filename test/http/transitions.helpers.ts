import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../../src/access/principal.ts'
import { createTransition } from '../../src/engine/transitions.service.ts'
import type { TransitionInput } from '../../src/engine/transitions.service.ts'
import type { Client } from '../support/app.ts'

// The API opens every new rolovergang on the newest version of the machine; instances of an older
// version exist only because they were opened before the newer one was released, and they keep
// running. Tests open such an instance through the engine's own createTransition (the same unit of
// work as POST /transitions: the instance, its first event and the transitions row), asking it for
// the older version, and then drive it through the API like any other.

const principals = new WeakMap<Client, Promise<Principal>>()

/** An admin principal backed by a real token row, so the history names an existing token. */
export function enginePrincipal(admin: Client): Promise<Principal> {
  const known = principals.get(admin)
  if (known) return known
  const made = (async (): Promise<Principal> => {
    const res = await admin.post('/api/v1/tokens', { name: 'engine admin', role: 'admin' })
    if (res.status !== 201) throw new Error(`token: ${JSON.stringify(res.body)}`)
    return { tokenId: res.body.id as string, role: 'admin', personId: null, organisationIds: null }
  })()
  principals.set(admin, made)
  return made
}

/**
 * Opens a rolovergang on `version` of the machine, as an admin would have before a newer version
 * existed; answers the ids as POST /api/v1/transitions does.
 */
export async function openTransitionOnVersion(
  store: DbHandle,
  admin: Client,
  input: TransitionInput,
  version: number,
): Promise<{ id: string; instanceId: string }> {
  const created = await createTransition(store, await enginePrincipal(admin), input, {
    machineVersion: version,
  })
  return { id: created.id, instanceId: created.instanceId }
}
