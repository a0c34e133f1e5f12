import type { DbHandle } from '../../db/create-db.ts'
import type { EventRow, Instance } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { getInstance, listInstances } from '../../db/queries/instances.ts'
import { getMachine, machines } from '../../machines/index.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { notFound } from '../errors.ts'
import { nameActors } from './actor-names.ts'
import { allowedEvents } from './mandate.ts'
import type { MayPost } from './mandate.ts'
import type { ActorView } from './actor-names.ts'
import { hashedEventOf } from './event-row.ts'
import type { InstanceMoments } from './effective-moment.ts'
import { momentsOf, recordedMomentsOf } from './instance-moments.ts'
import { machineVersionOf } from './hash.ts'
import { viewInstance } from './instance-view.ts'
import type { InstanceView } from './instance-view.ts'
import { listScope, type Page, pageOf } from './paging.ts'
import { organisationIdsOf } from './instance-organisations.ts'
import { instanceScope } from './scope.ts'
import { snapshotOf } from './snapshot.ts'

/** Loads an instance the principal may read, or throws 404. */
export async function loadVisibleInstance(
  store: DbHandle,
  principal: Principal,
  id: string,
): Promise<Instance> {
  return (await loadVisible(store, principal, id)).instance
}

async function loadVisible(store: DbHandle, principal: Principal, id: string) {
  const instance = await getInstance(store.db, id)
  if (!instance) throw notFound('Proces', id)
  const organisationIds = await organisationIdsOf(store.db, id, instance.version)
  const scope = instanceScope(instance.machine_id, snapshotOf(instance), organisationIds)
  authorize(principal, 'instance.read', scope, { what: 'Proces', id })
  return { instance, organisationIds }
}

/** An instance with the moments of its first and last event (ingangsdatum where recorded). */
export interface ListedInstanceView extends InstanceView {
  moments: InstanceMoments
}

/** An instance as one caller sees it: also what that caller may send, and for whom. */
export interface CallerInstanceView extends ListedInstanceView {
  organisationIds: readonly string[]
  /** The event types this caller may send (role, reach and mandate), wherever they apply. */
  allowed: MayPost[]
}

export async function readInstance(
  store: DbHandle,
  principal: Principal,
  id: string,
): Promise<CallerInstanceView> {
  const { instance, organisationIds } = await loadVisible(store, principal, id)
  const snapshot = snapshotOf(instance)
  const def = getMachine(instance.machine_id, instance.machine_version)
  const on = def ? { instanceId: id, def, snapshot, organisationIds } : undefined
  const moments = await momentsOf(store.db, [instance])
  return {
    ...viewInstance(instance, snapshot),
    moments: moments.get(id) ?? recordedMomentsOf(instance),
    organisationIds,
    allowed: on ? allowedEvents(principal, on) : [],
  }
}

export interface InstanceQuery {
  machine?: string | undefined
  status?: string | undefined
  organisationId?: string | undefined
  limit: number
  after?: string | undefined
}

export async function listVisibleInstances(
  store: DbHandle,
  principal: Principal,
  query: InstanceQuery,
): Promise<Page<ListedInstanceView>> {
  const rule = authorizeRole(principal, 'instance.read')
  const rows = await listInstances(
    store.db,
    {
      machineIds: query.machine ? [query.machine] : Object.keys(machines),
      status: query.status,
      organisationId: query.organisationId,
      ...listScope(principal, rule),
    },
    { limit: query.limit + 1, after: query.after },
  )
  // One batched read for the whole page, not one per instance.
  const moments = await momentsOf(store.db, rows.slice(0, query.limit))
  return pageOf(
    rows,
    query.limit,
    (r) => r.id,
    (r) => ({ ...viewInstance(r), moments: moments.get(r.id) ?? recordedMomentsOf(r) }),
  )
}

/** An event as the API shows it. */
export interface EventView {
  /**
   * 1: the actor names a token and role; 2: also the person and the organisation acted for;
   * 3: also the machine version, which the hash then covers.
   */
  format: 1 | 2 | 3
  /** The version of the machine the event was applied under. */
  machineVersion: number
  seq: number
  type: string
  payload: unknown
  reason: string | null
  actor: ActorView
  recordedAt: string
  effectiveDate: string | null
  stateBefore: unknown
  stateAfter: unknown
  prevHash: string
  hash: string
}

/** An event as the API shows it, before the names of its actor are read. */
export type UnnamedEventView = Omit<EventView, 'actor'> & {
  actor: Omit<ActorView, 'name' | 'erased' | 'organisationName'>
}

export function viewEvent(row: EventRow): UnnamedEventView {
  // Field by field: an object rest (`{ instanceId, ...fields }`) here made V8 build every event
  // of a page as a dictionary object, slow to collect (~10 ms young-generation pauses).
  const event = hashedEventOf(row)
  return {
    format: event.format,
    machineVersion: machineVersionOf(event.format, row.machine_version),
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    reason: event.reason,
    actor: event.actor,
    recordedAt: event.recordedAt,
    effectiveDate: event.effectiveDate,
    stateBefore: event.stateBefore,
    stateAfter: event.stateAfter,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

export async function listInstanceEvents(
  store: DbHandle,
  principal: Principal,
  id: string,
  page: { after?: string | undefined; limit: number },
  route = 'unknown',
): Promise<Page<EventView>> {
  await loadVisibleInstance(store, principal, id)
  const after = page.after ? Number(page.after) : 0
  const rows = await listEvents(store.db, id, { after, limit: page.limit + 1 })
  const result = pageOf(rows, page.limit, (r) => String(r.seq), viewEvent)
  // Whoever may read a history may know who wrote it: that is what the history is for.
  return { items: await nameActors(store, principal, result.items, route), next: result.next }
}
