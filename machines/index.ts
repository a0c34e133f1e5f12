import { ontwikkelteam } from './ontwikkelteam.machine.ts'
import { ontwikkelteamV2 } from './ontwikkelteam.v2.machine.ts'
import { rolovergang } from './rolovergang.machine.ts'
import { rolovergangV2 } from './rolovergang.v2.machine.ts'
import { rolovergangV1toV2 } from './rolovergang.migrate-1-2.ts'
import { ontwikkelteamV1toV2 } from './ontwikkelteam.migrate-1-2.ts'
import type { SnapshotMigration } from './migration-types.ts'
import type { MachineDefinition } from './types.ts'

export type MachineId = 'ontwikkelteam' | 'rolovergang'

/**
 * Every released version of every machine, by machine, oldest first. A released version is never changed
 * (test/machines/frozen.test.ts holds each to its recorded definition); a change is a new version
 * with a declared migration.
 */
export const machineVersions: readonly MachineDefinition[] = [
  ontwikkelteam,
  ontwikkelteamV2,
  rolovergang,
  rolovergangV2,
]

/** Every declared migration between two versions of a machine. */
export const snapshotMigrations: readonly SnapshotMigration[] = [
  rolovergangV1toV2,
  ontwikkelteamV1toV2,
]

const latest = new Map<string, MachineDefinition>()
for (const def of machineVersions) {
  const known = latest.get(def.id)
  if (!known || known.version < def.version) latest.set(def.id, def)
}

/** The newest version of every machine, by id: what new instances are created with. */
export const machines = Object.fromEntries(latest) as Record<MachineId, MachineDefinition>

/**
 * The machine with this id in this version (the newest when no version is given), or undefined.
 * An instance runs the version it names in `machine_version`.
 */
export function getMachine(id: string, version?: number): MachineDefinition | undefined {
  if (version === undefined) return latest.get(id)
  return machineVersions.find((def) => def.id === id && def.version === version)
}

/** Every version of the machine, oldest first. */
export function versionsOf(id: string): MachineDefinition[] {
  return machineVersions.filter((def) => def.id === id)
}

/** The declared migration from `from` to `to`, or undefined. */
export function migrationFor(id: string, from: number, to: number): SnapshotMigration | undefined {
  return snapshotMigrations.find((m) => m.machine === id && m.from === from && m.to === to)
}

export {
  EventNotPossibleError,
  InvalidSnapshotError,
  apply,
  evaluate,
  eventDefinition,
  explain,
  restore,
  snapshotJson,
  start,
  stateLabel,
  step,
} from './runtime.ts'
export type { Step } from './runtime.ts'
export { sampleEvents, sampleInput } from './samples.ts'
export type { SampleOptions } from './samples.ts'
export type * from './types.ts'
export type * from './migration-types.ts'
export * from './vocabulary.ts'
export { ontwikkelteam, ontwikkelteamMachine } from './ontwikkelteam.machine.ts'
export { ontwikkelteamV2, ontwikkelteamV2Machine } from './ontwikkelteam.v2.machine.ts'
export { rolovergang, rolovergangMachine } from './rolovergang.machine.ts'
export { rolovergangV2, rolovergangV2Machine } from './rolovergang.v2.machine.ts'
export { OntwikkelteamContext, OntwikkelteamInput } from './ontwikkelteam.context.ts'
export { RolovergangContext, RolovergangInput } from './rolovergang.context.ts'
export { ontwikkelteamEvents } from './ontwikkelteam.events.ts'
export { rolovergangEvents } from './rolovergang.events.ts'
