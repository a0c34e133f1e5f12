import { getNextTransitions } from 'xstate'
import { getStateNodes } from 'xstate/graph'
import { apply, explain, restore, sampleEvents } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'

// Plans the HTTP path tests from the machine definitions alone: a breadth-first walk over the
// snapshots reachable with `sampleEvents` gives every (state value, event type) pair the samples
// offer and every distinct vertex; then a few walks from the initial snapshot cover them all. Each
// walk is one instance on the API, so prefixes are shared instead of one instance per edge. Walks
// are simulated on real snapshots (not on merged graph vertices), so every planned event is valid
// where it is sent. Each step also says who sends it, read from the machine's own rules.

/**
 * Who sends an event through the API: the transition's own teacher for the teacher's own word
 * (only they may give it), HR of both organisations for a team's events (it may act namens
 * either, as admin may not), admin for the rest.
 */
export type Sender = 'leraar' | 'hr' | 'admin'

export type Step = {
  event: MachineEvent
  sender: Sender
  before: StoredSnapshot
  after: StoredSnapshot
  /** The edge targets this step covers (see Cover). */
  covers: string[]
}
export type Walk = Step[]

/**
 * What the walks must take at least once:
 * - `pairs`: every (state value, event type) pair the samples offer (`JSON(value) type`);
 * - `transitions`: every transition of the definition the samples take (`stateNodeId type`).
 * Pairs are the stronger cover, but in a machine of parallel regions their number is about the
 * product of the regions' states: version 2 of the rolovergang reaches more than a thousand, some
 * 2,500 events over the API, where its transitions need less than a tenth of that. Every vertex is
 * visited (and probed) either way.
 */
export type Cover = 'pairs' | 'transitions'

/** Above this many pairs a machine is covered by its transitions (see Cover). */
const MAX_PAIRS = 500

export interface Plan {
  cover: Cover
  /** Every edge target the samples reach, in the plan's cover. */
  targets: Set<string>
  /** Every vertex (state value and explanation) the samples reach. */
  vertices: Set<string>
  walks: Walk[]
}

export interface PlanOptions {
  /** People that may join a team (real person ids, so the API sees existing people). */
  personIds?: readonly string[]
  cover?: Cover
}

/** Who sends `type` to an instance of `def`, by the rule the machine declares for it. */
export function senderOf(def: MachineDefinition, type: string): Sender {
  const rule = Object.hasOwn(def.rules, type) ? def.rules[type] : undefined
  if (rule?.action === 'rolovergang.leraar') return 'leraar'
  // Reopening a stopped team is beheer's alone.
  if (rule?.action === 'ontwikkelteam.heropenen') return 'admin'
  return def.id === 'ontwikkelteam' ? 'hr' : 'admin'
}

// Explaining a snapshot is the costly part of planning, and the walks meet the same snapshot
// objects again and again (successors are memoised), so keys are kept per snapshot object.
const keys = new WeakMap<StoredSnapshot, string>()

/** Snapshots that differ in state or in what is possible and why count as different vertices. */
export function vertexKey(def: MachineDefinition, s: StoredSnapshot): string {
  const known = keys.get(s)
  if (known !== undefined) return known
  const done = isFinal(def, s)
  const key = JSON.stringify([s.value, done ? [] : explain(def, s)])
  keys.set(s, key)
  return key
}

export const pairKey = (value: unknown, type: string) => `${JSON.stringify(value)} ${type}`

function isFinal(def: MachineDefinition, s: StoredSnapshot): boolean {
  return restore(def, s).status === 'done'
}

const PLANNED_AT = new Date().toISOString()
const memo = new WeakMap<MachineDefinition, Map<string, Step[]>>()

function successors(def: MachineDefinition, s: StoredSnapshot, options: PlanOptions): Step[] {
  const cache = memo.get(def) ?? new Map<string, Step[]>()
  memo.set(def, cache)
  const id = JSON.stringify([s, options.personIds ?? null, options.cover ?? null])
  const known = cache.get(id)
  if (known) return known
  const events = isFinal(def, s)
    ? []
    : sampleEvents(def, s, {
        // Sent now: the events' days (phase periods, activity dates) are today's.
        at: PLANNED_AT,
        ...(options.personIds ? { personIds: options.personIds } : {}),
      })
  const steps = events.map((event) => ({
    event,
    sender: senderOf(def, event.type),
    before: s,
    after: apply(def, s, event),
    covers:
      options.cover === 'transitions'
        ? transitionsTaken(def, s, event)
        : [pairKey(s.value, event.type)],
  }))
  cache.set(id, steps)
  return steps
}

/** All edge targets and all vertices reachable from `root` with sample events. */
export function reachable(
  def: MachineDefinition,
  root: StoredSnapshot,
  options: PlanOptions = {},
): { targets: Set<string>; vertices: Set<string> } {
  const targets = new Set<string>()
  const seen = new Set([vertexKey(def, root)])
  const queue = [root]
  for (let s = queue.shift(); s; s = queue.shift()) {
    for (const step of successors(def, s, options)) {
      for (const target of step.covers) targets.add(target)
      const key = vertexKey(def, step.after)
      if (!seen.has(key)) {
        seen.add(key)
        queue.push(step.after)
      }
    }
  }
  return { targets, vertices: seen }
}

/** Pairs where they stay few enough to send each over the API, transitions otherwise. */
export function coverFor(
  def: MachineDefinition,
  root: StoredSnapshot,
  options: PlanOptions = {},
): Cover {
  const pairs = reachable(def, root, { ...options, cover: 'pairs' }).targets
  return pairs.size <= MAX_PAIRS ? 'pairs' : 'transitions'
}

const coversAny = (step: Step, uncovered: Set<string>) =>
  step.covers.some((target) => uncovered.has(target))

/** The shortest walk from `from` to an unvisited vertex or one offering an uncovered target. */
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
      const offers = successors(def, step.after, options).some((next) => coversAny(next, uncovered))
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
 * Greedy cover: from the root, take a step that covers an uncovered target where the walk stands
 * (preferring one that does not end the process), else move to the nearest snapshot that offers
 * one; a walk ends when nothing uncovered is reachable any more, and the next walk starts from
 * the root again.
 */
export function planWalks(
  def: MachineDefinition,
  root: StoredSnapshot,
  options: PlanOptions = {},
): Plan {
  const { targets, vertices } = reachable(def, root, options)
  // Targets: every edge target to take, and every vertex to stand on (to probe what it refuses).
  const uncovered = new Set([...targets, ...vertices])
  const take = (step: Step) => {
    for (const target of step.covers) uncovered.delete(target)
    uncovered.delete(vertexKey(def, step.after))
  }
  const walks: Walk[] = []
  while (uncovered.size > 0) {
    const walk: Walk = []
    let current = root
    uncovered.delete(vertexKey(def, root))
    for (;;) {
      const open = successors(def, current, options).filter((step) => coversAny(step, uncovered))
      open.sort((a, b) => Number(isFinal(def, a.after)) - Number(isFinal(def, b.after)))
      const next = open[0]
      if (next) {
        take(next)
        walk.push(next)
        current = next.after
        continue
      }
      const path = pathToUncovered(def, current, uncovered, options)
      if (!path) break
      walk.push(...path)
      current = path[path.length - 1]?.after ?? current
      path.forEach(take)
    }
    if (walk.length === 0) throw new Error(`${def.id}: targets unreachable: ${[...uncovered]}`)
    walks.push(walk)
  }
  return { cover: options.cover ?? 'pairs', targets, vertices, walks }
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
