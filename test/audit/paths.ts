import type { AnyMachineSnapshot } from 'xstate'
import { getShortestPaths } from 'xstate/graph'
import { explain, sampleEvents, sampleInput } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'

// Planned at the time the events are sent: their days (phase periods, dates) are today's.
const T0 = new Date().toISOString()
const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

/**
 * The shortest path to every vertex of the machine's graph, driven by sampleEvents (as in
 * test/machines/graph.test.ts), keeping only paths that are no prefix of another: walking the
 * kept ones passes through every generated path. `at`: when the events will be sent.
 */
export function generatedPaths(def: MachineDefinition, at = T0): MachineEvent[][] {
  const paths = getShortestPaths(def.machine, {
    input: { ...sampleInput(def), at },
    events: (s: AnyMachineSnapshot) => sampleEvents(def, stored(s), { at }),
    serializeState: (s: AnyMachineSnapshot) =>
      JSON.stringify([s.value, s.status === 'done' ? [] : explain(def, stored(s))]),
  })
  const all = paths.map((p) =>
    p.steps.map((s) => s.event as MachineEvent).filter((e) => e.type !== 'xstate.init'),
  )
  const keys = all.map((events) => events.map((e) => JSON.stringify([e.type, e.payload])))
  const isPrefix = (a: string[], b: string[]) =>
    a.length < b.length && a.every((k, i) => k === b[i])
  return all.filter((_, i) => !keys.some((other) => isPrefix(keys[i] as string[], other)))
}
