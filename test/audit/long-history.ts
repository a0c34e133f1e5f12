import { getInstance } from '../../db/queries/instances.ts'
import { getMachine, sampleEvents, step } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { stateAt } from '../../src/audit/time-travel.service.ts'
import type { Moment } from '../../src/audit/time-travel.service.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import { parseSnapshot } from '../../src/engine/snapshot.ts'
import type { Store } from '../../src/engine/store.ts'
import type { TestDatabase } from '../support/db.ts'
import { ADMIN, actorFor } from './support.ts'

// Long histories written through the one write path, for time travel from kept snapshots: a
// seeded random walk through a machine, so that the kept snapshots lie in different phases.

/** What the instance stored after each event, by seq. */
export interface Recorded {
  seq: number
  at: string
  snapshot: StoredSnapshot
  status: string
  machineVersion: number
}

/** A seeded pseudo-random number in [0, 1) (mulberry32): the same walk on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The instance as stored now: its snapshot under the version it runs. */
export async function current(store: Store, id: string): Promise<Recorded> {
  const row = await getInstance(store.db, id)
  if (!row) throw new Error(`instance ${id} vanished`)
  return {
    seq: row.version,
    at: row.updated_at,
    snapshot: parseSnapshot(row.snapshot),
    status: row.status,
    machineVersion: row.machine_version,
  }
}

/** The people startSample makes sure of: a team can take on only these. */
const PEOPLE = Array.from({ length: 8 }, (_, i) => `persoon-${i + 1}`)

function definitionOf(machineId: string, version: number): MachineDefinition {
  const def = getMachine(machineId, version)
  if (!def) throw new Error(`no version ${version} of ${machineId}`)
  return def
}

export interface WalkOptions {
  /** Moves the clock on and returns the new time (each event gets its own instant). */
  tick: () => string
  random: () => number
  /** The ingangsdatum to give the event recorded at `at`, if any. */
  effectiveDate?: (at: string) => string | undefined
  /** Only events of these types (default: every possible one that keeps the instance open). */
  types?: readonly string[]
  /** Types taken one time in three when possible, so that the walk gets past the first phases. */
  forward?: readonly string[]
}

/**
 * Sends events to instance `id` until it has `until` events: each time one picked at random from
 * the sample events possible now that leave it open (never to afgerond or gestopt). Returns what
 * the instance stored after each.
 */
export async function walk(
  store: Store,
  machineId: string,
  id: string,
  until: number,
  options: WalkOptions,
): Promise<Recorded[]> {
  const recorded: Recorded[] = []
  for (let now = await current(store, id); now.seq < until;) {
    const def = definitionOf(machineId, now.machineVersion)
    const sentAt = new Date().toISOString()
    const open = sampleEvents(def, now.snapshot, { personIds: PEOPLE, at: sentAt }).filter(
      (event) => {
        if (options.types && !options.types.includes(event.type)) return false
        // Once all of them are in the team, a sample names someone who does not exist.
        const personId = event.payload.personId
        if (typeof personId === 'string' && !PEOPLE.includes(personId)) return false
        const next = step(def, now.snapshot, event)
        return next.ok && !['afgerond', 'gestopt'].includes(def.statusOf(next.next))
      },
    )
    const ahead = open.filter((e) => options.forward?.includes(e.type))
    const from = ahead.length > 0 && options.random() < 1 / 3 ? ahead : open
    const event = from[Math.floor(options.random() * from.length)]
    if (!event) throw new Error(`no open event in ${JSON.stringify(now.snapshot.value)}`)
    const at = options.tick()
    const effectiveDate = options.effectiveDate?.(at)
    await postEvent(store, actorFor(def, event.type), id, {
      type: event.type,
      payload: event.payload,
      reason: event.reason ?? undefined,
      ...(effectiveDate ? { effectiveDate } : {}),
    })
    now = await current(store, id)
    recorded.push(now)
  }
  return recorded
}

/** The answer to a moment, or the problem it was refused with. */
export async function answer(db: TestDatabase, id: string, moment: Moment): Promise<unknown> {
  try {
    return await stateAt(db.store, ADMIN, id, moment)
  } catch (error) {
    const { status, slug, detail } = error as { status?: number; slug?: string; detail?: string }
    if (status === undefined) throw error
    return { status, slug, detail }
  }
}

/** Removes the kept snapshots of an instance: time travel then replays from event 1. */
export async function dropKept(db: TestDatabase, id: string): Promise<void> {
  await db.store.db.deleteFrom('kept_snapshots').where('instance_id', '=', id).execute()
}
