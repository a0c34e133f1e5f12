import type { AnyStateNode } from 'xstate'
import type { EventDefinition, MachineDefinition } from '../../../machines/types.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'

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
  /** The caller's role, scope and mandate allow sending it. */
  allowed: boolean
  /** An act for an organisation: the organisations the caller may act for; else null. */
  organisations: string[] | null
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

/**
 * Events handled by every open top-level state: not final, and not a state with a single way out
 * (a stopped team that only beheer can reopen is no state the team works in).
 */
function everywhere(root: AnyStateNode): Set<string> {
  const open = Object.values(root.states).filter(
    (s) => s.type !== 'final' && s.ownEvents.length !== 1,
  )
  const [first, ...rest] = open
  if (!first || rest.length === 0) return new Set()
  return new Set(first.ownEvents.filter((e) => rest.every((s) => s.ownEvents.includes(e))))
}

/**
 * The events the instance's current state handles, in the machine's order, with what the caller
 * may do (`view.allowed`: the engine's mandate rules, the same postEvent enforces).
 */
export function choicesFor(def: MachineDefinition, view: CallerInstanceView): Choice[] {
  const allowed = new Map(view.allowed.map((a) => [a.type, a.organisationIds]))
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
      allowed: allowed.has(type),
      organisations: allowed.get(type) ?? null,
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
