import type { AnyStateNode } from 'xstate'
import type { EventDefinition, MachineDefinition } from '../../../machines/types.ts'
import { reaches, ruleFor } from '../../access/policy.ts'
import type { Principal } from '../../access/principal.ts'
import type { InstanceView } from '../../engine/instance-view.ts'
import { actionForEvent } from '../../engine/post-event.ts'
import { instanceScope } from '../../engine/scope.ts'

/** An event the current state handles, and what the caller can do with it. */
export interface Choice {
  type: string
  definition: EventDefinition
  possible: boolean
  /** Dutch reasons when not possible. */
  reasons: string[]
  /** It moves the process to another state (a step forward, back, or out). */
  step: boolean
  /** Handled in every open state (team-wide events: members, pause, stop). */
  everywhere: boolean
  /** The region of a parallel state that handles it (`toegang`…), or null. */
  region: string | null
  /** The caller's role and scope allow sending it. */
  allowed: boolean
}

/** The deepest active state node for every event the active states handle. */
function handlers(root: AnyStateNode, value: unknown): Map<string, AnyStateNode> {
  const found = new Map<string, AnyStateNode>()
  const visit = (node: AnyStateNode, sub: unknown) => {
    if (typeof sub === 'string') {
      const child = node.states[sub]
      if (child) visit(child, undefined)
    } else if (typeof sub === 'object' && sub !== null) {
      for (const [key, inner] of Object.entries(sub)) {
        const child = node.states[key]
        if (child) visit(child, inner)
      }
    }
    // Children first: the deepest node that handles an event is the one that takes it.
    for (const event of node.ownEvents) if (!found.has(event)) found.set(event, node)
  }
  visit(root, value)
  return found
}

/** Events handled by every non-final top-level state. */
function everywhere(root: AnyStateNode): Set<string> {
  const open = Object.values(root.states).filter((s) => s.type !== 'final')
  const [first, ...rest] = open
  if (!first || rest.length === 0) return new Set()
  return new Set(first.ownEvents.filter((e) => rest.every((s) => s.ownEvents.includes(e))))
}

function organisationIdsOf(context: Record<string, unknown>): string[] {
  const ids = context['organisationIds']
  if (Array.isArray(ids)) return ids.filter((x): x is string => typeof x === 'string')
  const id = context['organisationId']
  return typeof id === 'string' ? [id] : []
}

/** May this principal send this event to this instance (role and scope, as postEvent checks)? */
export function mayPost(principal: Principal, view: InstanceView, type: string): boolean {
  const action = actionForEvent(view.machine.id, type)
  const rule = ruleFor(principal.role, action)
  if (!rule) return false
  const scope = instanceScope(
    view.machine.id,
    { value: view.state as string, context: view.context },
    organisationIdsOf(view.context),
  )
  return reaches(principal, rule, scope)
}

/** The events the instance's current state handles, in the machine's order. */
export function choicesFor(
  def: MachineDefinition,
  view: InstanceView,
  principal: Principal,
): Choice[] {
  const root = def.machine.root as AnyStateNode
  const active = handlers(root, view.state)
  const shared = everywhere(root)
  const blocked = new Map(view.blocked.map((b) => [b.type, b.reasons]))
  const choices: Choice[] = []
  for (const [type, definition] of Object.entries(def.events)) {
    const node = active.get(type)
    if (!node) continue
    const transitions = node.transitions.get(type) ?? []
    const step = transitions.some((t) => (t.target ?? []).some((target) => target !== node))
    const path = node.path
    choices.push({
      type,
      definition,
      possible: view.possible.includes(type),
      reasons: blocked.get(type) ?? [],
      step,
      everywhere: shared.has(type),
      region:
        path.length >= 2 && path[0] !== undefined && root.states[path[0]]?.type === 'parallel'
          ? (path[1] ?? null)
          : null,
      allowed: mayPost(principal, view, type),
    })
  }
  return choices
}

/** Forms to show: what the caller may send now, and the blocked steps (to try, and see why). */
export function formChoices(choices: Choice[]): Choice[] {
  return choices.filter((c) => c.allowed && (c.possible || (c.step && !c.everywhere)))
}

/** The steps that cannot be taken now, with their reasons ("waarom kan ik niet door?"). */
export function blockedSteps(choices: Choice[]): Choice[] {
  return choices.filter((c) => c.step && !c.possible && !c.everywhere)
}

/** Other things the caller could do in this state but not now, with their reasons. */
export function otherBlocked(choices: Choice[]): Choice[] {
  return choices.filter((c) => c.allowed && !c.possible && !c.step)
}
