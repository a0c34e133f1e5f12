import { ontwikkelteamSampleInput, ontwikkelteamSamples } from './ontwikkelteam.samples.ts'
import { ontwikkelteamV2SampleInput, ontwikkelteamV2Samples } from './ontwikkelteam.v2.samples.ts'
import { rolovergangSampleInput, rolovergangSamples } from './rolovergang.samples.ts'
import { rolovergangV2SampleInput, rolovergangV2Samples } from './rolovergang.v2.samples.ts'
import { evaluate, explain } from './runtime.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from './types.ts'

// Example events for tests and demos: from any reachable snapshot, for every event that is
// possible there, at least one event that passes. A breadth-first walk over these reaches every
// state and every transition of both machines (test/machines/graph.test.ts proves it) and of
// version 2 of the rolovergang (test/machines/rolovergang-v2.graph.test.ts).

export interface SampleOptions {
  /** Recorded time of the events (default 2025-01-01T00:00:00.000Z). */
  at?: string
  /** Actor of the events (default an admin token named 'sample'). */
  actor?: MachineEvent['actor']
  /** People that may join a team, tried in order (default persoon-1, persoon-2, …). */
  personIds?: readonly string[]
  /** Also give a schema-valid event for each blocked type (it will not pass its guards). */
  includeBlocked?: boolean
}

/** A valid creation input for the machine. */
export function sampleInput(def: MachineDefinition): Record<string, unknown> {
  if (def.id === 'ontwikkelteam') {
    return copy(def.version === 2 ? ontwikkelteamV2SampleInput : ontwikkelteamSampleInput)
  }
  if (def.id === 'rolovergang') {
    return copy(def.version === 2 ? rolovergangV2SampleInput : rolovergangSampleInput)
  }
  throw new Error(`No sample input for machine ${def.id}`)
}

/** Valid example events for the snapshot: every possible type with a payload that passes. */
export function sampleEvents(
  def: MachineDefinition,
  snapshot: StoredSnapshot,
  options: SampleOptions = {},
): MachineEvent[] {
  const explanation = explain(def, snapshot)
  const types = options.includeBlocked ? Object.keys(def.events) : explanation.possible
  const events: MachineEvent[] = []
  for (const type of types) {
    const definition = def.events[type]
    if (!definition) continue
    for (const payload of payloads(def, snapshot, type, options.personIds)) {
      const event: MachineEvent = {
        type,
        payload: definition.payload.parse(payload),
        reason: definition.reasonRequired ? `Voorbeeldreden voor ${type}.` : null,
        at: options.at ?? '2025-01-01T00:00:00.000Z',
        actor: options.actor ?? { tokenId: 'sample', role: 'admin', personId: null },
      }
      if (options.includeBlocked || evaluate(def, snapshot, event).ok) events.push(event)
    }
  }
  return events
}

function payloads(
  def: MachineDefinition,
  snapshot: StoredSnapshot,
  type: string,
  personIds: readonly string[] | undefined,
): Record<string, unknown>[] {
  if (def.id === 'ontwikkelteam') {
    return def.version === 2
      ? ontwikkelteamV2Samples(snapshot.context, type, personIds)
      : ontwikkelteamSamples(snapshot.context, type, personIds)
  }
  if (def.id === 'rolovergang') {
    return def.version === 2 ? rolovergangV2Samples(type) : rolovergangSamples(type)
  }
  return [{}]
}

function copy<T>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>
}
