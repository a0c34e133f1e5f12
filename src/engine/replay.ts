import type { EventRow } from '../../db/database.ts'
import {
  EventNotPossibleError,
  apply,
  getMachine,
  migrationFor,
  start,
} from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { isEventFormat, machineVersionOf } from './hash.ts'

/** The engine's own event that moves an instance to another version of its machine. */
export const MIGRATED = 'definitie.gemigreerd'

/** What `definitie.gemigreerd` records: from which version to which, and what changed. */
export interface MigratedPayload {
  from: number
  to: number
  changes: string[]
}

/** Where a replay stands: the machine version in force and the snapshot under it. */
export interface Replaying {
  def: MachineDefinition
  snapshot: StoredSnapshot
}

/** The machine version a stored event was applied under. */
export function rowMachineVersion(row: EventRow): number {
  return machineVersionOf(isEventFormat(row.format) ? row.format : 1, row.machine_version)
}

/**
 * Applies one stored event to a replay. Event 1 (`aangemaakt`) starts the machine in the version
 * it was applied under; `definitie.gemigreerd` moves the snapshot by the declared migration; any
 * other event is applied by the version in force, which must be the one it was recorded under.
 * Throws EventNotPossibleError when the event does not apply to this snapshot.
 */
export function replayStep(
  machineId: string,
  current: Replaying | undefined,
  row: EventRow,
): Replaying {
  const payload = JSON.parse(row.payload) as Record<string, unknown>
  if (!current) {
    if (row.type !== 'aangemaakt')
      throw new Error(`history of ${row.instance_id} does not start with aangemaakt`)
    const def = definition(machineId, rowMachineVersion(row))
    return { def, snapshot: start(def, payload, row.recorded_at, row.effective_date) }
  }
  if (row.type === MIGRATED)
    return migrated(machineId, current, payload as unknown as MigratedPayload)
  const version = rowMachineVersion(row)
  if (version !== current.def.version) {
    throw new EventNotPossibleError(row.type, [
      `De gebeurtenis hoort bij versie ${version}, maar versie ${current.def.version} is van kracht.`,
    ])
  }
  const snapshot = apply(current.def, current.snapshot, {
    type: row.type,
    payload,
    reason: row.reason,
    at: row.recorded_at,
    effectiveDate: row.effective_date,
    actor: { tokenId: row.actor_token_id, role: row.actor_role, personId: row.actor_person_id },
  })
  return { def: current.def, snapshot }
}

function migrated(machineId: string, current: Replaying, payload: MigratedPayload): Replaying {
  const migration = migrationFor(machineId, payload.from, payload.to)
  if (!migration || payload.from !== current.def.version) {
    throw new EventNotPossibleError(MIGRATED, [
      `Geen migratie van versie ${current.def.version} naar ${payload.to} van ${machineId}.`,
    ])
  }
  const outcome = migration.migrate(current.snapshot)
  if (!outcome.ok) throw new EventNotPossibleError(MIGRATED, outcome.reasons)
  return { def: definition(machineId, payload.to), snapshot: outcome.next }
}

function definition(machineId: string, version: number): MachineDefinition {
  const def = getMachine(machineId, version)
  if (!def) throw new Error(`machine ${machineId} has no version ${version}`)
  return def
}

/**
 * Rebuilds a snapshot from an instance's history alone: event 1 (`aangemaakt`) carries the
 * machine input, every later event is applied as it was recorded, under the version it was
 * recorded under. The stored snapshot is only a cache of this; tests prove they are equal.
 */
export function replay(machineId: string, events: readonly EventRow[]): Replaying | undefined {
  let current: Replaying | undefined
  for (const row of events) current = replayStep(machineId, current, row)
  return current
}
