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
  /**
   * The ingangsdatum (YYYY-MM-DD) the event was recorded with, if any: the day it takes effect
   * when that is not the day it was recorded. Replay passes the stored one.
   */
  effectiveDate?: string | null | undefined
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
  /** A document may be attached (its DocumentRef goes in the payload's `document`). */
  attachment?: boolean
  /**
   * Dutch: when a reason is asked although not always (an expense past the balance); forms then
   * offer an optional reason with this hint.
   */
  reasonWhen?: string
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

/**
 * The policy action an event falls under (the rows of src/access/policy.ts that name machine
 * events): the role and how far it reaches.
 */
export type EventAction =
  | 'ontwikkelteam.event'
  | 'ontwikkelteam.lid'
  | 'ontwikkelteam.heropenen'
  | 'rolovergang.event'
  | 'rolovergang.intrekken'
  | 'rolovergang.leraar'

/** Who may send one event: declared by the machine, evaluated by the engine. */
export interface EventRule {
  action: EventAction
  /**
   * The act is done for the organisation the payload names in this field: only someone who
   * represents it on this instance, or HR whose scope includes it, may send it.
   */
  namens?: 'organisationId'
  /** The payload's person must be werkzaam bij (affiliated with) the payload's organisation. */
  affiliated?: { person: 'personId'; organisation: 'organisationId' }
  /**
   * Where the instance has a lead organisation (a leiderorganisatie), the act is the lead's:
   * only someone who may act for the lead may send it, whatever organisation the payload names.
   */
  lead?: boolean
  /** Organisations the payload adds must exist under the name given (checked by the engine). */
  organisations?: 'addOrganisations'
  /** Payload fields naming a person who must exist (and not be erased). */
  people?: readonly string[]
}

/** Who an instance concerns and which organisations it belongs to, for access and mandate. */
export interface InstanceParties {
  /** The people it concerns (team members, the teacher of a transition). */
  people: string[]
  /** People who may manage its membership (a team's coordinators). */
  coordinators: string[]
  /**
   * The organisations whose HR handles it. null: every organisation of the instance (a team);
   * a transition: only the organisation where the new role is.
   */
  handledBy: string[] | null
}

/** A machine as the engine sees it. */
export interface MachineDefinition<TInput = unknown, TEvent extends string = string> {
  id: string
  version: number
  machine: AnyStateMachine
  events: Record<TEvent, EventDefinition>
  /** Per event, who may send it (a misspelt or missing event fails the type check). */
  rules: Record<TEvent, EventRule>
  /** Who an instance concerns, read from its context. */
  parties(context: Record<string, unknown>): InstanceParties
  /** The organisations `personId` represents on this instance (as a team member), in order. */
  representedBy(context: Record<string, unknown>, personId: string): string[]
  /** Dutch: the name of an organisation of the instance, for reasons. */
  organisationName(context: Record<string, unknown>, organisationId: string): string
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
  /** The lead organisation, where the instance has one (a leiderorganisatie). */
  leadOrganisation?(context: Record<string, unknown>): string | null
  /**
   * The organisations the instance belongs to, read from its context, for a machine whose events
   * may change them (a team renewing with other partners). Without it they never change.
   */
  organisationsOf?(context: Record<string, unknown>): string[]
}

/**
 * A named guard: the Dutch reasons why it fails (empty = passes). Without a payload only what
 * depends on the context is checked.
 */
export type GuardCheck<TContext = Record<string, unknown>> = (
  context: TContext,
  payload: Record<string, unknown> | undefined,
  event?: GuardEvent,
) => string[]

/** What a guard may know of the event beyond its payload (absent when asked in general). */
export interface GuardEvent {
  /** The day the event takes effect (see eventDay). */
  day: string
  reason: string | null
}

/** A snapshot as XState resolves it (`machine.resolveState`). */
export type AnySnapshot = AnyMachineSnapshot

/** Outcome of checking one event against a snapshot. */
export type Evaluation = { ok: true } | { ok: false; reasons: string[] }
