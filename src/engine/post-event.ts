import type { DbHandle } from '../../db/create-db.ts'

import { listEvents } from '../../db/queries/events.ts'
import { replaceInstanceOrganisations } from '../../db/queries/instance-organisations.ts'
import { followReach } from './facts/project.ts'
import { eventDefinition, getMachine, step, versionsOf } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import { authorize } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { effectiveDay } from '../audit/effective-date.ts'
import {
  ProblemError,
  badRequest,
  blocked,
  effectiveBeforeStart,
  notFound,
  stale,
  unprocessable,
} from '../errors.ts'
import { commit } from './commit.ts'
import { storeAttachment, withAttachment } from './documents/document-upload.ts'
import type { Attachment } from './documents/document-upload.ts'
import { storeAnswer, storedAnswer } from './idempotency.ts'
import type { Idempotency } from './idempotency.ts'
import { authorizeEvent } from './mandate.ts'
import { organisationNames } from './organisation-names.ts'
import type { Writer } from './commit.ts'
import { viewInstance } from './instance-view.ts'
import type { InstanceView } from './instance-view.ts'
import { organisationIdsOf } from './instance-organisations.ts'
import { notifyObservers } from './observers.ts'
import { checkReferences } from './references.ts'
import { instanceScope, peopleOf, sameSet } from './scope.ts'
import { keepSnapshot, snapshotOf } from './snapshot.ts'
import { zodErrors } from './validation.ts'

export interface EventRequest {
  type: string
  payload?: Record<string, unknown> | undefined
  reason?: string | undefined
  effectiveDate?: string | undefined
}

export interface PostOptions {
  /** The version the client saw (from If-Match). */
  ifMatch?: number | undefined
  /** Idempotency-Key and the fingerprint of the request it came with. */
  idempotency?: Idempotency | undefined
  /**
   * A document sent with the event, checked and hashed (inspectDocument). Its reference goes into
   * the payload's `document`; its bytes are stored in the event's transaction.
   */
  attachment?: Attachment | undefined
}

export interface PostResult {
  instance: InstanceView
  event: { seq: number; hash: string }
}

/**
 * Applies one event to an instance: load → access → validate → transition → hash → append and
 * move the head, with its document and any change of the instance's organisations, in one
 * transaction. Any failure leaves the instance as it was and stores no document. A 422 is told to
 * the engine's observers.
 */
export async function postEvent(
  store: DbHandle,
  principal: Principal,
  instanceId: string,
  request: EventRequest,
  options: PostOptions = {},
): Promise<PostResult> {
  const seen: { machineId?: string; machineVersion?: number } = {}
  try {
    return await applyEvent(store, principal, instanceId, request, options, seen)
  } catch (error) {
    const { machineId, machineVersion } = seen
    if (machineId && error instanceof ProblemError && error.status === 422) {
      // The type is the client's text: only a type the machine knows is passed on as it is.
      const def = getMachine(machineId, machineVersion)
      const type = def && eventDefinition(def, request.type) ? request.type : 'unknown'
      notifyObservers(store, (o) => o.refused?.({ machine: machineId, type }))
    }
    throw error
  }
}

async function applyEvent(
  store: DbHandle,
  principal: Principal,
  instanceId: string,
  request: EventRequest,
  options: PostOptions,
  seen: { machineId?: string; machineVersion?: number },
): Promise<PostResult> {
  return commit(store, principal, async (w) => {
    const instance = await w.lock(instanceId)
    if (!instance) throw notFound('Proces', instanceId)
    seen.machineId = instance.machine_id
    seen.machineVersion = instance.machine_version
    const snapshot = snapshotOf(instance)
    const def = getMachine(instance.machine_id, instance.machine_version)
    // Read in the transaction, never from what other processes cached: a renewal may change them.
    const scope = instanceScope(
      instance.machine_id,
      snapshot,
      await organisationIdsOf(w.tx, instance.id),
    )
    authorize(principal, 'instance.read', scope, { what: 'Proces', id: instanceId })
    if (!def) throw unprocessable(`Proces '${instanceId}' neemt geen gebeurtenissen aan.`)
    const on = {
      instanceId,
      def,
      snapshot,
      organisationIds: scope.organisationIds,
      nameOf: await organisationNames(w.tx, scope.organisationIds),
    }
    const actingFor = authorizeEvent(principal, on, request.type, request.payload ?? {})

    if (options.idempotency) {
      const replay = await storedAnswer(w, principal.tokenId, options.idempotency)
      if (replay !== undefined) return replay as PostResult
    }
    if (options.ifMatch !== undefined && options.ifMatch !== instance.version) {
      throw stale(instance.version, `"${options.ifMatch}"`)
    }

    const event = machineEvent(def, request, principal, w.now, options.attachment)
    if (request.effectiveDate !== undefined) {
      await checkEffectiveDate(w, instanceId, request.effectiveDate)
    }
    const outcome = step(def, snapshot, event, { payloadValidated: true })
    if (!outcome.ok) throw blocked(request.type, outcome.reasons)
    // After the machine: an event not possible now is told why in the machine's words first.
    await checkReferences(w.tx, def, event)
    const next = outcome.next
    const peopleBefore = peopleOf(def.id, snapshot)
    const peopleAfter = peopleOf(def.id, next)
    const appended = await w.append(instance, snapshot.value, {
      type: event.type,
      payload: event.payload,
      reason: event.reason,
      effectiveDate: request.effectiveDate ?? null,
      stateAfter: next.value,
      snapshot: keepSnapshot(instance.id, next),
      status: def.statusOf(next),
      actingFor,
      ...(sameSet(peopleBefore, peopleAfter) ? {} : { people: peopleAfter }),
    })
    if (options.attachment) await storeAttachment(w, instance.id, options.attachment)
    await followOrganisations(w, def, instance.id, scope.organisationIds, next)
    const result: PostResult = {
      instance: viewInstance(appended.instance, next),
      event: { seq: appended.seq, hash: appended.hash },
    }
    if (options.idempotency) {
      await storeAnswer(w, principal.tokenId, options.idempotency, 200, result)
    }
    return result
  })
}

/**
 * An ingangsdatum may not lie before the day the instance began (its first event took effect):
 * the instance did not exist then, and time travel to that date would show it anyway.
 */
async function checkEffectiveDate(
  w: Writer,
  instanceId: string,
  effectiveDate: string,
): Promise<void> {
  const [first] = await listEvents(w.tx, instanceId, { after: 0, limit: 1 })
  if (!first) return
  const start = effectiveDay(first)
  if (effectiveDate < start) throw effectiveBeforeStart(effectiveDate, start)
}

/**
 * Where the machine reads the instance's organisations from its context (a team renewing with
 * other partners), the rows that decide scope and mandate follow them, in the same transaction.
 */
async function followOrganisations(
  w: Writer,
  def: MachineDefinition,
  instanceId: string,
  before: readonly string[],
  next: StoredSnapshot,
): Promise<void> {
  if (!def.organisationsOf) return
  const after = def.organisationsOf(next.context)
  if (sameSet(before, after)) return
  await replaceInstanceOrganisations(w.tx, instanceId, after)
  await followReach(w.tx, instanceId)
}

/**
 * Why an event type is unknown here, naming the version the instance runs, the versions that do
 * know it, and what this one accepts.
 */
function unknownEvent(def: MachineDefinition, type: string): string {
  const accepts = `Versie ${String(def.version)} van ${def.id} neemt aan: ${Object.keys(def.events).join(', ')}.`
  const others = versionsOf(def.id).filter((v) => v !== def && eventDefinition(v, type))
  if (others.length === 0) return `Onbekende gebeurtenis ‘${type}’ voor ${def.id}. ${accepts}`
  const where = others.map((v) => String(v.version)).join(' en ')
  return `‘${type}’ hoort bij versie ${where} van ${def.id}, maar dit proces loopt op versie ${String(def.version)}. ${accepts}`
}

/** Validates the request against the event's definition and builds the machine event. */
function machineEvent(
  def: MachineDefinition,
  request: EventRequest,
  principal: Principal,
  at: string,
  attachment: Attachment | undefined,
): MachineEvent {
  const definition = eventDefinition(def, request.type)
  if (!definition) throw blocked(request.type, [unknownEvent(def, request.type)])
  const payload = withAttachment(def, definition, request.type, request.payload ?? {}, attachment)
  const parsed = definition.payload.safeParse(payload)
  if (!parsed.success) {
    throw badRequest(
      `De payload van ‘${request.type}’ klopt niet.`,
      zodErrors(parsed.error, ['payload']),
    )
  }
  const reason = request.reason?.trim() || null
  if (definition.reasonRequired && !reason) {
    throw badRequest(`‘${request.type}’ vraagt om een reden.`, [
      { path: 'reason', message: 'Geef een reden op.' },
    ])
  }
  return {
    type: request.type,
    payload: parsed.data,
    reason,
    at,
    effectiveDate: request.effectiveDate ?? null,
    actor: { tokenId: principal.tokenId, role: principal.role, personId: principal.personId },
  }
}
