import type { Db } from '../database.ts'

/** How many instances run one version of one machine. */
export interface VersionCount {
  machineId: string
  version: number
  instances: number
}

/** The number of instances per machine and version, in one grouped query. */
export async function countInstancesByVersion(db: Db): Promise<VersionCount[]> {
  const rows = await db
    .selectFrom('instances')
    .select(['machine_id', 'machine_version', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['machine_id', 'machine_version'])
    .execute()
  // PostgreSQL returns a count as a string (bigint), SQLite as a number.
  return rows.map((r) => ({
    machineId: r.machine_id,
    version: r.machine_version,
    instances: Number(r.n),
  }))
}
