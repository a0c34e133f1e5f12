import { z } from 'zod'
import { getMachine, machines } from '../../machines/index.ts'
import type { MachineDefinition } from '../../machines/types.ts'
import type { AnyStateNode } from 'xstate'

export interface MachineDescription {
  id: string
  version: number
  states: string[]
  events: {
    type: string
    label: string
    when: string
    reasonRequired: boolean
    payloadSchema: Record<string, unknown>
  }[]
}

function statePaths(node: AnyStateNode, prefix: string[] = []): string[] {
  const out: string[] = []
  for (const [key, child] of Object.entries(node.states)) {
    const path = [...prefix, key]
    out.push(path.join('.'))
    out.push(...statePaths(child, path))
  }
  return out
}

function describe(def: MachineDefinition): MachineDescription {
  return {
    id: def.id,
    version: def.version,
    states: statePaths(def.machine.root),
    events: Object.entries(def.events).map(([type, e]) => ({
      type,
      label: e.label,
      when: e.when,
      reasonRequired: e.reasonRequired,
      payloadSchema: z.toJSONSchema(e.payload, { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
    })),
  }
}

const catalog = new Map(Object.values(machines).map((def) => [def.id, describe(def)]))

export function describeMachines(): MachineDescription[] {
  return [...catalog.values()]
}

export function describeMachine(id: string): MachineDescription | undefined {
  return getMachine(id) ? catalog.get(id) : undefined
}
