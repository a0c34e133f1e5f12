import { ontwikkelteam } from './ontwikkelteam.machine.ts'
import { rolovergang } from './rolovergang.machine.ts'
import type { MachineDefinition } from './types.ts'

export type MachineId = 'ontwikkelteam' | 'rolovergang'

/** Every machine the engine runs, by id. */
export const machines: Record<MachineId, MachineDefinition> = { ontwikkelteam, rolovergang }

/** The machine with this id, or undefined. */
export function getMachine(id: string): MachineDefinition | undefined {
  return Object.hasOwn(machines, id) ? machines[id as MachineId] : undefined
}

export {
  EventNotPossibleError,
  InvalidSnapshotError,
  apply,
  evaluate,
  eventDefinition,
  explain,
  restore,
  snapshotJson,
  start,
  stateLabel,
  step,
} from './runtime.ts'
export type { Step } from './runtime.ts'
export { sampleEvents, sampleInput } from './samples.ts'
export type { SampleOptions } from './samples.ts'
export type * from './types.ts'
export * from './vocabulary.ts'
export { ontwikkelteam, ontwikkelteamMachine } from './ontwikkelteam.machine.ts'
export { rolovergang, rolovergangMachine } from './rolovergang.machine.ts'
export { OntwikkelteamContext, OntwikkelteamInput } from './ontwikkelteam.context.ts'
export { RolovergangContext, RolovergangInput } from './rolovergang.context.ts'
export { ontwikkelteamEvents } from './ontwikkelteam.events.ts'
export { rolovergangEvents } from './rolovergang.events.ts'
