import type { Instance } from '../../db/database.ts'
import type { Appended, Writer } from './commit.ts'

/**
 * Administrative actions (organisations, people, tokens, pilots) are events on one chain of
 * their own, the `beheer` stream, so the auditor verifies them like any process history.
 */
export const BEHEER_ID = 'beheer'
export const BEHEER_MACHINE = 'beheer'

async function beheerStream(w: Writer): Promise<Instance> {
  const existing = await w.lock(BEHEER_ID)
  if (existing) return existing
  const created = await w.create(
    {
      id: BEHEER_ID,
      machineId: BEHEER_MACHINE,
      machineVersion: 1,
      title: 'Beheer',
      pilotId: null,
      personId: null,
      organisationIds: [],
    },
    beheerEvent('beheer.gestart', {}),
  )
  return created.instance
}

function beheerEvent(type: string, payload: Record<string, unknown>) {
  return {
    type,
    payload,
    reason: null,
    effectiveDate: null,
    stateAfter: 'actief',
    snapshot: '{}',
    status: 'actief',
  }
}

/** Records an administrative action on the beheer chain, in the caller's transaction. */
export async function recordBeheer(
  w: Writer,
  type: string,
  payload: Record<string, unknown>,
): Promise<Appended> {
  const stream = await beheerStream(w)
  return w.append(stream, 'actief', beheerEvent(type, payload))
}
