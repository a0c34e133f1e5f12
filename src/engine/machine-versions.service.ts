import type { DbHandle } from '../../db/create-db.ts'
import { countInstancesByVersion } from '../../db/queries/instance-versions.ts'
import { getMachine, machineVersions, migrationFor } from '../../machines/index.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'

/** One released version of a machine, as the administrator sees it before a migration. */
export interface MachineVersionView {
  machineId: string
  version: number
  /** The newest version: what new instances are created with. */
  latest: boolean
  /** How many instances run this version now. */
  instances: number
  /** What this version changes against the one before it (the declared migration's summary). */
  summary: string | null
  /** Whether a declared migration leads from this version to the next. */
  migratesOnward: boolean
}

/**
 * Every released version of every machine, oldest first per machine, with how many instances
 * run it. For those who may migrate instances (admin): it is what they decide a migration on.
 */
export async function listMachineVersions(
  store: DbHandle,
  principal: Principal,
): Promise<MachineVersionView[]> {
  authorizeRole(principal, 'machine.migrate')
  const counts = new Map(
    (await countInstancesByVersion(store.db)).map((c) => [`${c.machineId}@${c.version}`, c]),
  )
  return machineVersions.map((def) => ({
    machineId: def.id,
    version: def.version,
    latest: getMachine(def.id) === def,
    instances: counts.get(`${def.id}@${def.version}`)?.instances ?? 0,
    summary: migrationFor(def.id, def.version - 1, def.version)?.summary ?? null,
    migratesOnward: migrationFor(def.id, def.version, def.version + 1) !== undefined,
  }))
}
