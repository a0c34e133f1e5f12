import type { EventRow } from '../../db/database.ts'
import { apply, start } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'

/**
 * Rebuilds a snapshot from an instance's history alone: event 1 (`aangemaakt`) carries the
 * machine input, every later event is applied as it was recorded. The stored snapshot is only a
 * cache of this; tests prove they are equal for every path.
 */
export function replay(
  def: MachineDefinition,
  events: readonly EventRow[],
): StoredSnapshot | undefined {
  let snapshot: StoredSnapshot | undefined
  for (const row of events) {
    const payload = JSON.parse(row.payload) as Record<string, unknown>
    if (!snapshot) {
      if (row.type !== 'aangemaakt')
        throw new Error(`history of ${row.instance_id} does not start with aangemaakt`)
      snapshot = start(def, payload, row.recorded_at)
      continue
    }
    snapshot = apply(def, snapshot, {
      type: row.type,
      payload,
      reason: row.reason,
      at: row.recorded_at,
      actor: { tokenId: row.actor_token_id, role: row.actor_role, personId: row.actor_person_id },
    })
  }
  return snapshot
}
