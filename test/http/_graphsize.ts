import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph'
import type { AnyMachineSnapshot } from 'xstate'
import { machines, sampleEvents, sampleInput, explain } from '/work/main/machines/index.ts'
for (const def of Object.values(machines)) {
  const stored = (s: AnyMachineSnapshot) => ({ value: s.value, context: s.context })
  const t0 = Date.now()
  const opts = {
    input: { ...sampleInput(def), at: '2025-01-01T00:00:00.000Z' },
    events: (s: AnyMachineSnapshot) => sampleEvents(def, stored(s)),
    serializeState: (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.status === 'done' ? [] : explain(def, stored(s))]),
  }
  const adj = getAdjacencyMap(def.machine, opts)
  const verts = Object.keys(adj).length
  let edges = 0
  for (const v of Object.values(adj)) edges += Object.keys(v.transitions).length
  const paths = getShortestPaths(def.machine, opts)
  const total = paths.reduce((n, p) => n + p.steps.length, 0)
  console.log(def.id, 'vertices', verts, 'edges', edges, 'paths', paths.length, 'steps', total, 'maxlen', Math.max(...paths.map(p=>p.steps.length)), Date.now() - t0, 'ms')
}
