import type { Db } from '../../db/database.ts'
import { getInstanceOrganisationIds } from '../../db/queries/instances.ts'

/** Most instances whose organisations are kept in memory. */
const MAX_KEPT = 16_384
const kept = new Map<string, readonly string[]>()

/**
 * The organisations an instance belongs to. They are written once, with the instance, and never
 * change, so they are read from the database once per instance and then kept (bounded).
 */
export async function organisationIdsOf(db: Db, instanceId: string): Promise<readonly string[]> {
  const known = kept.get(instanceId)
  if (known) return known
  const ids = await getInstanceOrganisationIds(db, instanceId)
  // An instance that does not exist (yet) has none: keep only what was found.
  if (ids.length > 0) {
    if (kept.size >= MAX_KEPT) kept.clear()
    kept.set(instanceId, ids)
  }
  return ids
}
