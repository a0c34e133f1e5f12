import type { Db } from '../../db/database.ts'
import { getInstanceOrganisationIds } from '../../db/queries/instances.ts'

/** Most instances whose organisations are kept in memory. */
const MAX_KEPT = 16_384
const kept = new Map<string, { version: number; ids: readonly string[] }>()

/**
 * The organisations an instance belongs to. They are written with the instance and change only
 * with one of its events (a team that renews with other partners), which moves its version: given
 * the version of the instance row the caller read, they are read from the database once per
 * version and then kept (bounded). Without a version they are always read: the answer is right
 * whatever another process changed meanwhile.
 */
export async function organisationIdsOf(
  db: Db,
  instanceId: string,
  version?: number,
): Promise<readonly string[]> {
  const known = kept.get(instanceId)
  if (known && version !== undefined && known.version === version) return known.ids
  const ids = await getInstanceOrganisationIds(db, instanceId)
  // An instance that does not exist (yet) has none: keep only what was found.
  if (ids.length > 0 && version !== undefined) {
    if (kept.size >= MAX_KEPT) kept.clear()
    kept.set(instanceId, { version, ids })
  }
  return ids
}
