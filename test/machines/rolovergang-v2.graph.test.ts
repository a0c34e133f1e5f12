import { getNextTransitions, type AnyMachineSnapshot } from 'xstate'
import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { rolovergangV2 as def } from '../../machines/rolovergang.v2.machine.ts'
import { apply, evaluate, explain } from '../../machines/runtime.ts'
import { sampleEvents, sampleInput } from '../../machines/samples.ts'
import type { MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import { T0 } from './helpers.ts'

// A breadth-first walk over version 2 of the rolovergang, driven only by sampleEvents: every
// state node, every combination of the regions the guards allow, and every transition is reached
// with valid events, and the samples cover every event that is possible anywhere.

type Edge = { event: MachineEvent; state: AnyMachineSnapshot }

const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

/** Snapshots that differ in state or in what is possible and why count as different vertices. */
const traversal = {
  input: { ...sampleInput(def), at: T0 },
  events: (s: AnyMachineSnapshot) => sampleEvents(def, stored(s)),
  serializeState: (s: AnyMachineSnapshot) =>
    JSON.stringify([s.value, s.status === 'done' ? [] : explain(def, stored(s))]),
}

/** The combinations of the regions of `lopend` the guards allow, and the other states. */
function combinations(): Set<string> {
  const values = new Set(['"aangevraagd"', '"afgerond"', '"afgewezen"', '"ingetrokken"'])
  for (const toegang of ['open', 'orientatie', 'toegelaten'])
    for (const ondersteuning of ['open', 'afgesproken', 'ingestemd', 'afgerond'])
      for (const facilitering of ['open', 'afgesproken', 'ingestemd'])
        for (const erkenning of ['open', 'afgesproken', 'ingestemd', 'verleend'])
          for (const rol of ['voorbereiding', 'actief', 'beeindigd']) {
            const begonnen = rol !== 'voorbereiding'
            // The role starts only when admitted and every afspraak was agreed to; a revised
            // afspraak afterwards waits for agreement again, but is never open.
            const alleAfspraken = [ondersteuning, facilitering, erkenning].every(
              (s) => s !== 'open',
            )
            if (begonnen && !(toegang === 'toegelaten' && alleAfspraken)) continue
            if (erkenning === 'verleend' && !begonnen) continue
            const lopend = { toegang, ondersteuning, facilitering, erkenning, rol }
            values.add(JSON.stringify({ lopend }))
          }
  return values
}

/** Every (state node, event type) pair of the machine definition. */
function allTransitions(): Set<string> {
  const all = new Set<string>()
  for (const node of getStateNodes(def.machine.root)) {
    for (const type of node.transitions.keys()) all.add(`${node.id} ${type}`)
  }
  return all
}

describe('rolovergang v2: reachability with sample events (xstate/graph)', () => {
  const paths = getShortestPaths(def.machine, traversal)

  it('reaches every combination of the regions the guards allow, and nothing else', () => {
    const expected = combinations()
    expect(expected.size).toBe(148)
    expect(new Set(paths.map((p) => JSON.stringify(p.state.value)))).toEqual(expected)
  })

  it('reaches every state node', () => {
    const reached = new Set<string>()
    for (const { state } of paths) for (const node of state._nodes) reached.add(node.id)
    const all = getStateNodes(def.machine.root).map((node) => node.id)
    expect(new Set(all)).toEqual(new Set([...reached].filter((id) => id !== 'rolovergang')))
  })

  it('takes every transition, and the samples cover every possible event', () => {
    const adjacency = getAdjacencyMap(def.machine, traversal)
    const taken = new Set<string>()
    for (const { state, transitions } of Object.values(adjacency)) {
      const snapshot = stored(state)
      const edges = Object.values(transitions) as Edge[]
      expect(new Set(edges.map((edge) => edge.event.type))).toEqual(
        new Set(explain(def, snapshot).possible),
      )
      for (const { event, state: next } of edges) {
        expect(evaluate(def, snapshot, event)).toEqual({ ok: true })
        // The runtime's apply and the machine's own transition agree.
        expect(apply(def, snapshot, event)).toEqual(JSON.parse(JSON.stringify(stored(next))))
        for (const t of getNextTransitions(state)) {
          if (t.eventType !== event.type) continue
          const guard = typeof t.guard === 'string' ? def.guards[t.guard] : undefined
          if (!guard || guard(snapshot.context, event.payload).length === 0) {
            taken.add(`${t.source.id} ${t.eventType}`)
          }
        }
      }
    }
    expect(taken).toEqual(allTransitions())
  })
})
