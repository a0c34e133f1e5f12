import { getNextTransitions, type AnyMachineSnapshot } from 'xstate'
import { getAdjacencyMap, getShortestPaths, getStateNodes } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { machineVersions, machines } from '../../machines/index.ts'
import { rolovergang } from '../../machines/rolovergang.machine.ts'
import { apply, evaluate, explain } from '../../machines/runtime.ts'
import { sampleEvents, sampleInput } from '../../machines/samples.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import { teamStates } from '../../machines/vocabulary.ts'
import { T0 } from './helpers.ts'

// Breadth-first walks over the machines, driven only by sampleEvents: they prove that every
// state (and for rolovergang every reachable combination of its regions) and every transition
// is reachable with valid events, and that the samples cover every possible event.

type Edge = { event: MachineEvent; state: AnyMachineSnapshot }

const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

/** Snapshots that differ in state or in what is possible and why count as different vertices. */
function traversal(def: MachineDefinition) {
  return {
    input: { ...sampleInput(def), at: T0 },
    events: (s: AnyMachineSnapshot) => sampleEvents(def, stored(s)),
    serializeState: (s: AnyMachineSnapshot) =>
      JSON.stringify([s.value, s.status === 'done' ? [] : explain(def, stored(s))]),
  }
}

function reachedValues(def: MachineDefinition): Set<string> {
  const paths = getShortestPaths(def.machine, traversal(def))
  return new Set(paths.map((p) => JSON.stringify(p.state.value)))
}

/** Every (state node, event type) pair of the machine definition. */
function allTransitions(def: MachineDefinition): Set<string> {
  const all = new Set<string>()
  for (const node of getStateNodes(def.machine.root)) {
    for (const type of node.transitions.keys()) all.add(`${node.id} ${type}`)
  }
  return all
}

function rolovergangCombinations(): Set<string> {
  const values = new Set(['"aangevraagd"', '"afgerond"', '"afgewezen"', '"ingetrokken"'])
  for (const toegang of ['open', 'orientatie', 'toegelaten'])
    for (const ondersteuning of ['open', 'afgesproken', 'afgerond'])
      for (const facilitering of ['open', 'afgesproken'])
        for (const erkenning of ['open', 'afgesproken', 'verleend'])
          for (const rol of ['voorbereiding', 'actief']) {
            const rolMogelijk =
              toegang === 'toegelaten' && facilitering === 'afgesproken' && ondersteuning !== 'open'
            if (rol === 'actief' && !rolMogelijk) continue
            if (erkenning === 'verleend' && rol !== 'actief') continue
            const lopend = { toegang, ondersteuning, facilitering, erkenning, rol }
            values.add(JSON.stringify({ lopend }))
          }
  return values
}

describe('reachability with sample events (xstate/graph)', () => {
  it('reaches every ontwikkelteam state', () => {
    const reached = reachedValues(machines.ontwikkelteam)
    expect(reached).toEqual(new Set(teamStates.map((s) => JSON.stringify(s))))
  })

  it('reaches every combination of the rolovergang (version 1) regions the guards allow', () => {
    const expected = rolovergangCombinations()
    expect(expected.size).toBe(46)
    expect(reachedValues(rolovergang)).toEqual(expected)
  })

  for (const def of machineVersions) {
    it(`${def.id} version ${String(def.version)}: takes every transition, and samples cover every possible event`, () => {
      const adjacency = getAdjacencyMap(def.machine, traversal(def))
      const taken = new Set<string>()
      let paused = 0
      for (const { state, transitions } of Object.values(adjacency)) {
        const snapshot = stored(state)
        if (def.statusOf(snapshot) === 'gepauzeerd') paused++
        const edges = Object.values(transitions) as Edge[]
        const types = new Set(edges.map((edge) => edge.event.type))
        expect(types).toEqual(new Set(explain(def, snapshot).possible))
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
      expect(taken).toEqual(allTransitions(def))
      if (def.id === 'ontwikkelteam') expect(paused).toBeGreaterThanOrEqual(7)
    })
  }
})
