import { z } from 'zod'
import { getMachine, machineVersions, versionsOf } from '../../machines/index.ts'
import type { MachineDefinition } from '../../machines/types.ts'
import type { AnyStateNode } from 'xstate'

export interface MachineDescription {
  id: string
  version: number
  /** The newest version: what new instances are created with. */
  latest: boolean
  /** Every version of this machine, oldest first. */
  versions: number[]
  states: string[]
  events: {
    type: string
    label: string
    when: string
    reasonRequired: boolean
    /** A document may be sent with it (multipart/form-data, part `document`). */
    attachment: boolean
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
    latest: getMachine(def.id) === def,
    versions: versionsOf(def.id).map((v) => v.version),
    states: statePaths(def.machine.root),
    events: Object.entries(def.events).map(([type, e]) => ({
      type,
      label: e.label,
      when: e.when,
      reasonRequired: e.reasonRequired,
      attachment: e.attachment === true,
      payloadSchema: z.toJSONSchema(e.payload, { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
    })),
  }
}

const catalog = machineVersions.map(describe)

/** Every version of every machine, oldest first per machine. */
export function describeMachines(): MachineDescription[] {
  return [...catalog]
}

/** One version of a machine (the newest when none is given), or undefined. */
export function describeMachine(id: string, version?: number): MachineDescription | undefined {
  const def = getMachine(id, version)
  return def ? catalog[machineVersions.indexOf(def)] : undefined
}
