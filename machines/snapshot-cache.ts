import { createActor, getNextTransitions } from 'xstate'
import type { AnyActorScope, AnyStateMachine, AnyTransitionDefinition } from 'xstate'
import type { AnySnapshot, Explanation } from './types.ts'

// What the runtime works out once per resolved snapshot or machine instead of on every call.
// Resolved snapshots are never mutated (every transition makes a new one), so a WeakMap keyed by
// the snapshot object holds exactly as long as the snapshot itself.

const byType = new WeakMap<AnySnapshot, Map<string, AnyTransitionDefinition[]>>()

/**
 * The transitions the active state nodes have for `type`, innermost first (XState's own
 * `getNextTransitions` order). Worked out once per snapshot for every event type.
 */
export function transitionsFor(
  snapshot: AnySnapshot,
  type: string,
): readonly AnyTransitionDefinition[] {
  let table = byType.get(snapshot)
  if (!table) {
    table = new Map()
    for (const t of getNextTransitions(snapshot)) {
      const list = table.get(t.eventType)
      if (list) list.push(t)
      else table.set(t.eventType, [t])
    }
    byType.set(snapshot, table)
  }
  return table.get(type) ?? []
}

const explanations = new WeakMap<AnySnapshot, Explanation>()

/** The explanation of a snapshot, computed once; callers treat it as read-only. */
export function explanationOf(snapshot: AnySnapshot, compute: () => Explanation): Explanation {
  let explanation = explanations.get(snapshot)
  if (!explanation) {
    explanation = compute()
    explanations.set(snapshot, explanation)
  }
  return explanation
}

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>()

/**
 * An inert actor scope per machine, as XState's `transition()` builds on every call (creating an
 * actor and its initial snapshot each time): actions are collected by nobody, nothing runs.
 * The machines here spawn no actors, so one scope serves every transition of its machine.
 */
export function inertScope(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine)
  if (!scope) {
    const self = createActor(machine)
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      defer: () => {},
      emit: () => {},
      logger: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    } as unknown as AnyActorScope
    scopes.set(machine, scope)
  }
  return scope
}
