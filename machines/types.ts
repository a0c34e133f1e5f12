import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate'
import type { z } from 'zod'

/** Top-level status of an instance, derived from its snapshot. */
export type InstanceStatus =
  'actief' | 'gepauzeerd' | 'afgerond' | 'gestopt' | 'afgewezen' | 'ingetrokken'

/**
 * The event a machine receives. `payload` has already passed the event's zod schema; `at` is the
 * recorded time (ISO string) so that replaying the history gives exactly the same context.
 */
export interface MachineEvent {
  type: string
  payload: Record<string, unknown>
  reason: string | null
  at: string
  /** Set by the engine; lets guards distinguish e.g. coordinator-only events. */
  actor: { tokenId: string; role: string; personId: string | null }
}

/** One event type a machine knows: its payload schema and when it applies. */
export interface EventDefinition {
  /** zod schema of the payload (an object schema; `{}` when the event has none). */
  payload: z.ZodType<Record<string, unknown>>
  /** The request must carry a non-empty `reason`. */
  reasonRequired: boolean
  /** Dutch: where the event applies, used in the "not possible here" sentence. */
  when: string
  /** Dutch: one line saying what the event does (UI labels, OpenAPI descriptions). */
  label: string
}

/** What is stored as an instance's snapshot: enough for `machine.resolveState`. */
export interface StoredSnapshot {
  value: StateValue
  context: Record<string, unknown>
}

export interface Blocked {
  type: string
  reasons: string[]
}

export interface Explanation {
  possible: string[]
  blocked: Blocked[]
}

/** A machine as the engine sees it. */
export interface MachineDefinition<TInput = unknown> {
  id: string
  version: number
  machine: AnyStateMachine
  events: Record<string, EventDefinition>
  /** zod schema for the input given at creation. */
  input: z.ZodType<TInput>
  /** Status derived from a snapshot. */
  statusOf(snapshot: StoredSnapshot): InstanceStatus
  /** zod schema of the context; stored snapshots are checked against it when restored. */
  context: z.ZodType<Record<string, unknown>>
  /** Guard name (as used in the machine) → the check that explains why it fails. */
  guards: Record<string, GuardCheck>
  /** Dutch: where the instance is now, e.g. "het team is nu in fase delen". */
  describeState(snapshot: StoredSnapshot): string
}

/**
 * A named guard: the Dutch reasons why it fails (empty = passes). Without a payload only what
 * depends on the context is checked.
 */
export type GuardCheck<TContext = Record<string, unknown>> = (
  context: TContext,
  payload: Record<string, unknown> | undefined,
) => string[]

/** A snapshot as XState resolves it (`machine.resolveState`). */
export type AnySnapshot = AnyMachineSnapshot

/** Outcome of checking one event against a snapshot. */
export type Evaluation = { ok: true } | { ok: false; reasons: string[] }
