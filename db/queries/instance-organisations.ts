import type { Db } from '../database.ts'

/**
 * Replaces the organisations an instance belongs to (a team that renews with other partners).
 * Only in the transaction of the event that changes them.
 */
export async function replaceInstanceOrganisations(
  db: Db,
  instanceId: string,
  organisationIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('instance_organisations').where('instance_id', '=', instanceId).execute()
  const ids = [...new Set(organisationIds)]
  if (ids.length === 0) return
  await db
    .insertInto('instance_organisations')
    .values(ids.map((organisation_id) => ({ instance_id: instanceId, organisation_id })))
    .execute()
}
