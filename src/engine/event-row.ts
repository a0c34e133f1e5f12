import type { EventRow } from '../../db/database.ts'
import { isEventFormat } from './hash.ts'
import type { HashedEvent } from './hash.ts'

/** The hashed fields of a stored event, parsed from its row (throws on JSON that does not parse). */
export function hashedEventOf(row: EventRow): HashedEvent {
  return {
    format: isEventFormat(row.format) ? row.format : 1,
    instanceId: row.instance_id,
    seq: row.seq,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    reason: row.reason,
    actor: {
      tokenId: row.actor_token_id,
      role: row.actor_role,
      personId: row.actor_person_id,
      organisationId: row.actor_organisation_id,
    },
    recordedAt: row.recorded_at,
    effectiveDate: row.effective_date,
    stateBefore: row.state_before === null ? null : (JSON.parse(row.state_before) as unknown),
    stateAfter: JSON.parse(row.state_after) as unknown,
    machineVersion: row.format === 3 ? row.machine_version : null,
  }
}
