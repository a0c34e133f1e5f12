import type { Db } from '../../db/database.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'

/** Most organisation names kept in memory. */
const MAX_KEPT = 4_096
const kept = new Map<string, string>()

/**
 * The names of these organisations, for Dutch reasons. Names are set when an organisation is
 * created and never change, so each is read once and then kept (bounded); an unknown id maps to
 * itself.
 */
export async function organisationNames(
  db: Db,
  ids: readonly string[],
): Promise<(id: string) => string> {
  const missing = ids.filter((id) => !kept.has(id))
  if (missing.length > 0) {
    if (kept.size + missing.length > MAX_KEPT) kept.clear()
    for (const o of await getOrganisations(db, missing)) kept.set(o.id, o.name)
  }
  return (id) => kept.get(id) ?? id
}
