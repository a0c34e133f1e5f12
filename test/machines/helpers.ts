import { apply, explain, start } from '../../machines/runtime.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'

export const T0 = '2025-01-01T00:00:00.000Z'

/** A machine event as the engine would build it. */
export function ev(
  type: string,
  payload: Record<string, unknown> = {},
  reason: string | null = null,
  at = T0,
): MachineEvent {
  return { type, payload, reason, at, actor: { tokenId: 'tok-1', role: 'admin', personId: null } }
}

/** Applies the events in order. */
export function run(
  def: MachineDefinition,
  snapshot: StoredSnapshot,
  events: readonly MachineEvent[],
): StoredSnapshot {
  return events.reduce((s, e) => apply(def, s, e), snapshot)
}

export function begin(def: MachineDefinition, input: unknown): StoredSnapshot {
  return start(def, input, T0)
}

/** The reasons `explain` gives for one blocked event type (undefined when it is possible). */
export function blockedReasons(
  def: MachineDefinition,
  snapshot: StoredSnapshot,
  type: string,
): string[] | undefined {
  return explain(def, snapshot).blocked.find((b) => b.type === type)?.reasons
}
