import { getNextTransitions } from 'xstate'
import { getStateNodes } from 'xstate/graph'
import { apply, explain, restore, sampleEvents } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'

// Plans the HTTP path tests from the machine definitions alone: a breadth-first walk over the
// snapshots reachable with `sampleEvents` gives every (state value, event type) pair the samples
// offer and every distinct vertex; then a few walks from the initial snapshot cover them all. Each walk is one instance
// on the API, so prefixes are shared instead of one instance per edge. Walks are simulated on real
// snapshots (not on merged graph vertices), so every planned event is valid where it is sent.

export type Step = { event: MachineEvent; before: StoredSnapshot; after: StoredSnapshot }
export type Walk = Step[]

export interface Plan {
  /** Every (state value, event type) pair the samples offer somewhere: `JSON(value) type`. */
  pairs: Set<string>
  /** Every vertex (state value and explanation) the samples reach. */
  vertices: Set<string>
  walks: Walk[]
}

export interface PlanOptions {
  /** People that may join a team (real person ids, so the API sees existing people). */
  personIds?: readonly string[]
}

/** Snapshots that differ in state or in what is possible and why count as different vertices. */
export function vertexKey(def: MachineDefinition, s: StoredSnapshot): string {
  const done = isFinal(def, s)
  return JSON.stringify([s.value, done ? [] : explain(def, s)])
}

export const pairKey = (value: unknown, type: string) => `${JSON.stringify(value)} ${type}`

function isFinal(def: MachineDefinition, s: StoredSnapshot): boolean {
  return restore(def, s).status === 'done'
}

const memo = new WeakMap<MachineDefinition, Map<string, Step[]>>()

function successors(def: MachineDefinition, s: StoredSnapshot, options: PlanOptions): Step[] {
  const cache = memo.get(def) ?? new Map<string, Step[]>()
  memo.set(def, cache)
  const id = JSON.stringify([s, options.personIds ?? null])
  const known = cache.get(id)
  if (known) return known
  const events = isFinal(def, s)
    ? []
    : sampleEvents(def, s, options.personIds ? { personIds: options.personIds } : {})
  const steps = events.map((event) => ({ event, before: s, after: apply(def, s, event) }))
  cache.set(id, steps)
  return steps
}

/** All (state value, event type) pairs and all vertices reachable from `root` with sample events. */
export function reachable(
  def: MachineDefinition,
  root: StoredSnapshot,
  options: PlanOptions = {},
): { pairs: Set<string>; vertices: Set<string> } {
  const pairs = new Set<string>()
  const seen = new Set([vertexKey(def, root)])
  const queue = [root]
  for (let s = queue.shift(); s; s = queue.shift()) {
    for (const step of successors(def, s, options)) {
      pairs.add(pairKey(s.value, step.event.type))
      const key = vertexKey(def, step.after)
      if (!seen.has(key)) {
        seen.add(key)
        queue.push(step.after)
      }
    }
  }
  return { pairs, vertices: seen }
}

/** The shortest walk from `from` to an unvisited vertex or one offering an uncovered pair. */
function pathToUncovered(
  def: MachineDefinition,
  from: StoredSnapshot,
  uncovered: Set<string>,
  options: PlanOptions,
): Step[] | undefined {
  const seen = new Set([vertexKey(def, from)])
  const queue: { s: StoredSnapshot; path: Step[] }[] = [{ s: from, path: [] }]
  for (let item = queue.shift(); item; item = queue.shift()) {
    for (const step of successors(def, item.s, options)) {
      const path = [...item.path, step]
      const key = vertexKey(def, step.after)
      const offers = successors(def, step.after, options).some((next) =>
        uncovered.has(pairKey(step.after.value, next.event.type)),
      )
      if (offers || uncovered.has(key)) return path
      if (!seen.has(key)) {
        seen.add(key)
        queue.push({ s: step.after, path })
      }
    }
  }
  return undefined
}

/**
 * Greedy cover: from the root, take an uncovered pair where the walk stands (preferring one that
 * does not end the process), else move to the nearest snapshot that offers one; a walk ends when
 * nothing uncovered is reachable any more, and the next walk starts from the root again.
 */
export function planWalks(
  def: MachineDefinition,
  root: StoredSnapshot,
  options: PlanOptions = {},
): Plan {
  const { pairs, vertices } = reachable(def, root, options)
  // Targets: every pair to take, and every vertex to stand on (to probe what it refuses).
  const uncovered = new Set([...pairs, ...vertices])
  const walks: Walk[] = []
  while (uncovered.size > 0) {
    const walk: Walk = []
    let current = root
    uncovered.delete(vertexKey(def, root))
    for (;;) {
      const open = successors(def, current, options).filter((step) =>
        uncovered.has(pairKey(current.value, step.event.type)),
      )
      open.sort((a, b) => Number(isFinal(def, a.after)) - Number(isFinal(def, b.after)))
      const next = open[0]
      if (next) {
        uncovered.delete(pairKey(current.value, next.event.type))
        uncovered.delete(vertexKey(def, next.after))
        walk.push(next)
        current = next.after
        continue
      }
      const path = pathToUncovered(def, current, uncovered, options)
      if (!path) break
      walk.push(...path)
      current = path[path.length - 1]?.after ?? current
      for (const step of path) {
        uncovered.delete(pairKey(step.before.value, step.event.type))
        uncovered.delete(vertexKey(def, step.after))
      }
    }
    if (walk.length === 0) throw new Error(`${def.id}: targets unreachable: ${[...uncovered]}`)
    walks.push(walk)
  }
  return { pairs, vertices, walks }
}

/** Every state node of the machine as a dotted path ('lopend.toegang.open'), from its definition. */
export function definedStatePaths(def: MachineDefinition): Set<string> {
  const paths = new Set<string>()
  for (const node of getStateNodes(def.machine.root)) {
    if (node.path.length > 0) paths.add(node.path.join('.'))
  }
  return paths
}

/** The state node paths a state value is in: 'lopend', 'lopend.toegang', 'lopend.toegang.open', … */
export function statePathsOf(value: unknown, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')]
  if (typeof value !== 'object' || value === null) return []
  const out: string[] = []
  for (const [key, sub] of Object.entries(value)) {
    out.push([...prefix, key].join('.'))
    out.push(...statePathsOf(sub, [...prefix, key]))
  }
  return out
}

/** Every (state node id, event type) transition of the machine definition. */
export function definedTransitions(def: MachineDefinition): Set<string> {
  const all = new Set<string>()
  for (const node of getStateNodes(def.machine.root)) {
    for (const type of node.transitions.keys()) all.add(`${node.id} ${type}`)
  }
  return all
}

/** The transitions of the definition that `event` takes from `before` (as the graph test does). */
export function transitionsTaken(
  def: MachineDefinition,
  before: StoredSnapshot,
  event: MachineEvent,
): string[] {
  const taken: string[] = []
  for (const t of getNextTransitions(restore(def, before))) {
    if (t.eventType !== event.type) continue
    const guard = typeof t.guard === 'string' ? def.guards[t.guard] : undefined
    if (!guard || guard(before.context, event.payload).length === 0) {
      taken.push(`${t.source.id} ${t.eventType}`)
    }
  }
  return taken
}
