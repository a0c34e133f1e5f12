import type { Db, Instance, NewInstance } from '../database.ts'
import { prepared } from '../prepared.ts'
import type { PageRequest } from './page.ts'

export async function insertInstance(db: Db, row: NewInstance): Promise<void> {
  await db.insertInto('instances').values(row).execute()
}

const selectInstance = prepared((db, id: string) =>
  db.selectFrom('instances').selectAll().where('id', '=', id),
)
const selectInstanceForUpdate = prepared((db, id: string) =>
  db.selectFrom('instances').selectAll().where('id', '=', id).forUpdate(),
)

/** Loads an instance; `forUpdate` locks its row until the transaction ends (PostgreSQL). */
export async function getInstance(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Instance | undefined> {
  const select = options.forUpdate ? selectInstanceForUpdate : selectInstance
  return (await select(db, id)).rows[0]
}

const updateHead = prepared(
  (
    db,
    id: string,
    fromVersion: number,
    next: Pick<
      Instance,
      'snapshot' | 'status' | 'version' | 'head_hash' | 'updated_at' | 'machine_version'
    >,
  ) =>
    db.updateTable('instances').set(next).where('id', '=', id).where('version', '=', fromVersion),
)

/**
 * Moves an instance to a new head, only from the version that was read. Returns false when
 * another writer got there first (nothing is changed then).
 */
export async function advanceInstance(
  db: Db,
  id: string,
  fromVersion: number,
  next: Pick<
    Instance,
    'snapshot' | 'status' | 'version' | 'head_hash' | 'updated_at' | 'machine_version'
  >,
): Promise<boolean> {
  const result = await updateHead(db, id, fromVersion, next)
  return result.numAffectedRows === 1n
}

export async function setInstanceOrganisations(
  db: Db,
  instanceId: string,
  organisationIds: readonly string[],
): Promise<void> {
  if (organisationIds.length === 0) return
  await db
    .insertInto('instance_organisations')
    .values(
      organisationIds.map((organisation_id) => ({ instance_id: instanceId, organisation_id })),
    )
    .execute()
}

/** Replaces the set of people an instance concerns. */
export async function setInstancePeople(
  db: Db,
  instanceId: string,
  personIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('instance_people').where('instance_id', '=', instanceId).execute()
  if (personIds.length === 0) return
  await db
    .insertInto('instance_people')
    .values([...new Set(personIds)].map((person_id) => ({ instance_id: instanceId, person_id })))
    .execute()
}

const selectOrganisationIds = prepared((db, instanceId: string) =>
  db
    .selectFrom('instance_organisations')
    .select('organisation_id')
    .where('instance_id', '=', instanceId)
    .orderBy('organisation_id'),
)

export async function getInstanceOrganisationIds(db: Db, instanceId: string): Promise<string[]> {
  const { rows } = await selectOrganisationIds(db, instanceId)
  return rows.map((r) => r.organisation_id)
}

export async function getInstancePersonIds(db: Db, instanceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('instance_people')
    .select('person_id')
    .where('instance_id', '=', instanceId)
    .orderBy('person_id')
    .execute()
  return rows.map((r) => r.person_id)
}

export interface InstanceFilter {
  machineIds: readonly string[]
  status?: string | undefined
  organisationId?: string | undefined
  pilotId?: string | undefined
  /** Only instances concerning one of these organisations (null: no restriction). */
  scopeOrganisationIds: readonly string[] | null
  /** Only instances concerning this person (null: no restriction). */
  scopePersonId: string | null
}

export async function listInstances(
  db: Db,
  filter: InstanceFilter,
  page: PageRequest,
): Promise<Instance[]> {
  let query = db
    .selectFrom('instances')
    .selectAll()
    .where('machine_id', 'in', filter.machineIds)
    .orderBy('id')
    .limit(page.limit)
  if (page.after) query = query.where('id', '>', page.after)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.pilotId) query = query.where('pilot_id', '=', filter.pilotId)
  if (filter.organisationId) {
    const organisationId = filter.organisationId
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', '=', organisationId),
    )
  }
  const scopeOrgs = filter.scopeOrganisationIds
  if (scopeOrgs) {
    if (scopeOrgs.length === 0) return []
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('instance_organisations')
        .select('instance_id')
        .where('organisation_id', 'in', scopeOrgs),
    )
  }
  const scopePerson = filter.scopePersonId
  if (scopePerson) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('instance_people').select('instance_id').where('person_id', '=', scopePerson),
    )
  }
  return query.execute()
}

export async function listAllInstanceIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('instances').select('id').orderBy('id').execute()
  return rows.map((r) => r.id)
}
