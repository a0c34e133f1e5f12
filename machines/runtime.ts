import { initialTransition } from 'xstate'
import type { AnyTransitionDefinition, StateValue } from 'xstate'
import { z } from 'zod'
import { eventDay } from './fields.ts'
import { explanationOf, inertScope, transitionsFor } from './snapshot-cache.ts'
import { stateLabel } from './state-label.ts'
import type {
  AnySnapshot,
  EventDefinition,
  Evaluation,
  Explanation,
  MachineDefinition,
  MachineEvent,
  StoredSnapshot,
} from './types.ts'

export { stateLabel }

// The pure API the engine calls. Which event is possible where is read from the machine itself
// (the transitions of the active state nodes); why a guard fails comes from the same named
// checks the machine's guards are derived from. Nothing here keeps a table of its own.

/** A stored snapshot that does not fit its machine. */
export class InvalidSnapshotError extends Error {
  override name = 'InvalidSnapshotError'
}

/** `apply` was asked for an event the machine does not accept now; `reasons` say why (Dutch). */
export class EventNotPossibleError extends Error {
  override name = 'EventNotPossibleError'
  constructor(
    readonly type: string,
    readonly reasons: string[],
  ) {
    super(`Event '${type}' is not possible: ${reasons.join(' ')}`)
  }
}

const StateValueSchema: z.ZodType<StateValue> = z.lazy(() =>
  z.union([z.string().min(1).max(100), z.record(z.string().min(1).max(100), StateValueSchema)]),
)
const StoredShape = z.object({
  value: StateValueSchema,
  context: z.record(z.string(), z.unknown()),
})

/** Validates `input`, runs the initial transition at time `at` and returns the snapshot to store. */
export function start(
  def: MachineDefinition,
  input: unknown,
  at: string,
  effectiveDate: string | null = null,
): StoredSnapshot {
  const parsed = def.input.parse(input) as Record<string, unknown>
  const [snapshot] = initialTransition(def.machine, { ...parsed, at, effectiveDate })
  return toStored(snapshot)
}

/**
 * Snapshots already checked and resolved, by the stored object. A stored snapshot is checked once
 * when it is loaded, however often evaluate/apply/explain then look at it; stored snapshots are
 * never mutated, so the object stands for its content.
 */
const resolved = new WeakMap<object, AnySnapshot>()

/** Checks an untrusted stored snapshot against the machine and resolves it. Throws if it does not fit. */
export function restore(def: MachineDefinition, stored: unknown): AnySnapshot {
  const known = typeof stored === 'object' && stored !== null ? resolved.get(stored) : undefined
  if (known && known.machine === def.machine) return known
  const snapshot = checkAndResolve(def, stored)
  if (typeof stored === 'object' && stored !== null) resolved.set(stored, snapshot)
  return snapshot
}

function checkAndResolve(def: MachineDefinition, stored: unknown): AnySnapshot {
  const shape = StoredShape.safeParse(stored)
  if (!shape.success) throw invalid(def, z.prettifyError(shape.error))
  const context = def.context.safeParse(shape.data.context)
  if (!context.success) throw invalid(def, z.prettifyError(context.error))
  let snapshot: AnySnapshot
  try {
    snapshot = def.machine.resolveState({ value: shape.data.value, context: context.data })
  } catch (error) {
    throw invalid(def, error instanceof Error ? error.message : String(error))
  }
  // resolveState fills in missing regions; a stored value must already be complete.
  if (!sameValue(snapshot.value, shape.data.value)) {
    throw invalid(def, `state value ${JSON.stringify(shape.data.value)} is incomplete`)
  }
  return snapshot
}

/** Whether `event` (with its payload and reason) is possible now, and if not, why. */
export function evaluate(
  def: MachineDefinition,
  stored: StoredSnapshot,
  event: MachineEvent,
): Evaluation {
  return check(def, restore(def, stored), event)
}

/** Applies `event`; throws EventNotPossibleError when `evaluate` says it is not possible. */
export function apply(
  def: MachineDefinition,
  stored: StoredSnapshot,
  event: MachineEvent,
): StoredSnapshot {
  const outcome = step(def, stored, event)
  if (!outcome.ok) throw new EventNotPossibleError(event.type, outcome.reasons)
  return outcome.next
}

/** The outcome of `step`: the next snapshot, or why the event is not possible now. */
export type Step = { ok: true; next: StoredSnapshot } | { ok: false; reasons: string[] }

/**
 * `evaluate` and `apply` in one: checks the event once and, when it is possible, applies it.
 * `payloadValidated`: the caller has already parsed `event.payload` with the event's schema.
 */
export function step(
  def: MachineDefinition,
  stored: StoredSnapshot,
  event: MachineEvent,
  options: { payloadValidated?: boolean } = {},
): Step {
  const snapshot = restore(def, stored)
  const verdict = check(def, snapshot, event, options.payloadValidated === true)
  if (!verdict.ok) return verdict
  const payload = options.payloadValidated
    ? event.payload
    : (eventDefinition(def, event.type)?.payload.parse(event.payload) ?? event.payload)
  const reason = event.reason?.trim() || null
  const next = def.machine.transition(
    snapshot,
    { ...event, payload, reason },
    inertScope(def.machine),
  ) as AnySnapshot
  // XState ignores an event it does not take; after a passing check that would be a bug here.
  if (next === snapshot) throw new Error(`Machine ${def.id} did not take '${event.type}'`)
  return { ok: true, next: toStored(next) }
}

/** For every event type of the machine: possible now, or blocked with the Dutch reasons. */
export function explain(def: MachineDefinition, stored: StoredSnapshot): Explanation {
  const snapshot = restore(def, stored)
  return explanationOf(snapshot, () => {
    const explanation: Explanation = { possible: [], blocked: [] }
    for (const type of Object.keys(def.events)) {
      const verdict = check(def, snapshot, { type })
      if (verdict.ok) explanation.possible.push(type)
      else explanation.blocked.push({ type, reasons: verdict.reasons })
    }
    return explanation
  })
}

type Asked = Pick<MachineEvent, 'type'> &
  Partial<Pick<MachineEvent, 'payload' | 'reason' | 'at' | 'effectiveDate'>>

/**
 * Checks an event; without a payload (asked in general) only what depends on the context.
 * `payloadValidated`: the payload has already passed the event's schema.
 */
function check(
  def: MachineDefinition,
  snapshot: AnySnapshot,
  event: Asked,
  payloadValidated = false,
): Evaluation {
  const { type } = event
  const definition = eventDefinition(def, type)
  if (!definition) {
    return { ok: false, reasons: [`Onbekende gebeurtenis ‘${type}’ voor machine ${def.id}.`] }
  }
  const stored: StoredSnapshot = { value: snapshot.value, context: snapshot.context }
  if (snapshot.status === 'done') {
    const status = def.statusOf(stored)
    return { ok: false, reasons: [`Het proces is ${status}; er kan niets meer gebeuren.`] }
  }
  let payload: Record<string, unknown> | undefined
  if (event.payload !== undefined) {
    if (payloadValidated) payload = event.payload
    else {
      const parsed = definition.payload.safeParse(event.payload)
      if (!parsed.success) {
        const issues = parsed.error.issues.map(
          (i) => `${i.path.join('.') || 'payload'}: ${i.message}`,
        )
        return {
          ok: false,
          reasons: [`De gegevens bij ‘${type}’ kloppen niet (${issues.join('; ')}).`],
        }
      }
      payload = parsed.data
    }
    if (definition.reasonRequired && !event.reason?.trim()) {
      return { ok: false, reasons: [`Bij ‘${type}’ is een reden verplicht.`] }
    }
  }
  // What a guard may know of the event: only when a whole event is checked.
  const meta =
    payload !== undefined && event.at !== undefined
      ? {
          day: eventDay({ at: event.at, effectiveDate: event.effectiveDate }),
          reason: event.reason?.trim() || null,
        }
      : undefined
  const candidates = transitionsFor(snapshot, type)
  if (candidates.length === 0) {
    return {
      ok: false,
      reasons: [`‘${type}’ kan alleen ${definition.when}; ${def.describeState(stored)}.`],
    }
  }
  const reasons: string[] = []
  for (const candidate of candidates) {
    const name = guardName(def, candidate)
    if (name === undefined) return { ok: true }
    const guard = def.guards[name]
    if (!guard) throw new Error(`Machine ${def.id} has no check for guard '${name}'`)
    const failed = guard(snapshot.context as Record<string, unknown>, payload, meta)
    if (failed.length === 0) return { ok: true }
    reasons.push(...failed.filter((r) => !reasons.includes(r)))
  }
  return { ok: false, reasons }
}

function guardName(def: MachineDefinition, t: AnyTransitionDefinition): string | undefined {
  const guard: unknown = t.guard
  if (guard === undefined) return undefined
  if (typeof guard === 'string') return guard
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    if (typeof guard.type === 'string') return guard.type
  }
  throw new Error(`Machine ${def.id}: every guard must be named (event '${t.eventType}')`)
}

/** The JSON text of snapshots, serialized at most once each (see `snapshotJson`). */
const jsonOf = new WeakMap<StoredSnapshot, string>()

function toStored(snapshot: AnySnapshot): StoredSnapshot {
  // XState's context is plain data that assign() replaces, never mutates: the stored snapshot
  // shares it. Serialized only when it is stored (snapshotJson): a replay makes a snapshot per
  // event and stores none of them. What the JSON text drops (undefined values) reads back equal.
  const stored: StoredSnapshot = {
    value: snapshot.value,
    context: snapshot.context as Record<string, unknown>,
  }
  // The machine made it from a checked snapshot: no need to check it again.
  resolved.set(stored, snapshot)
  return stored
}

/** `JSON.stringify(stored)`, serialized once per snapshot (stored snapshots are never mutated). */
export function snapshotJson(stored: StoredSnapshot): string {
  let json = jsonOf.get(stored)
  if (json === undefined) {
    json = JSON.stringify(stored)
    jsonOf.set(stored, json)
  }
  return json
}

function invalid(def: MachineDefinition, detail: string): InvalidSnapshotError {
  return new InvalidSnapshotError(`Invalid stored snapshot for machine ${def.id}: ${detail}`)
}

function sameValue(a: StateValue | undefined, b: StateValue | undefined): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined || b === undefined) {
    return a === b
  }
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]))
}

/** The definition of an event type; own keys only, so `toString` or `__proto__` are unknown types. */
export function eventDefinition(def: MachineDefinition, type: string): EventDefinition | undefined {
  return Object.hasOwn(def.events, type) ? def.events[type] : undefined
}
