import type { AnyMachineSnapshot } from 'xstate'
import { getShortestPaths, getStateNodes } from 'xstate/graph'
import { z } from 'zod'
import { explain } from '../../machines/runtime.ts'
import { sampleEvents, sampleInput } from '../../machines/samples.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { T0 } from './helpers.ts'

// What a released machine version is, written down so that a change to it shows: its states and
// transitions (with guard names), its events with their payload schemas, its input and context
// schemas, and what its guards say about every snapshot the sample events reach.

const schema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>

const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

export function fingerprint(def: MachineDefinition) {
  const transitions: string[] = []
  for (const node of getStateNodes(def.machine.root)) {
    for (const [type, list] of node.transitions) {
      for (const t of list) {
        const guard = typeof t.guard === 'string' ? t.guard : ''
        const targets = (t.target ?? []).map((n) => n.id).join(',')
        transitions.push(`${node.id} --${type}[${guard}]--> ${targets}`)
      }
    }
  }
  const paths = getShortestPaths(def.machine, {
    input: { ...sampleInput(def), at: T0 },
    events: (s: AnyMachineSnapshot) => sampleEvents(def, stored(s)),
    serializeState: (s: AnyMachineSnapshot) =>
      JSON.stringify([s.value, s.status === 'done' ? [] : explain(def, stored(s))]),
  })
  const verdicts = paths
    .map((p) => ({
      path: p.steps.map((step) => step.event.type).join(' '),
      state: p.state.value,
      verdict: p.state.status === 'done' ? 'final' : explain(def, stored(p.state)),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {
    id: def.id,
    version: def.version,
    transitions: transitions.sort(),
    events: Object.fromEntries(
      Object.entries(def.events).map(([type, e]) => [
        type,
        { when: e.when, reasonRequired: e.reasonRequired, payload: schema(e.payload) },
      ]),
    ),
    input: schema(def.input as z.ZodType),
    context: schema(def.context),
    verdicts,
  }
}
