import { expect } from 'vitest'
import type { DbHandle } from '../../db/create-db.ts'
import { countEvents } from '../../db/queries/events.ts'
import { evaluate, explain, sampleEvents } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import type { Client } from '../support/app.ts'
import { expectProblem } from './http.helpers.ts'
import { pairKey } from './paths.plan.ts'

// What the path tests send at every state they stand on, besides the walk's own next event:
// every event that is not possible there, and every possible one with a payload its schema
// refuses. Neither may change anything.

export const eventsPath = (id: string) => `/api/v1/instances/${id}/events`

/** The request body that sends `event`. */
export function eventBody(event: MachineEvent) {
  return {
    type: event.type,
    payload: event.payload,
    ...(event.reason ? { reason: event.reason } : {}),
  }
}

export interface ProbeContext {
  admin: Client
  store: DbHandle
  /** The people the samples may name (team members). */
  people: readonly string[]
  /** Who sends `type` to an instance of `def` (an event refused for its state, not its sender). */
  sender: (def: MachineDefinition, type: string) => Client
}

/**
 * A probe for one test run: `probe(def, s, id, where)` sends every event that is not possible in
 * `s` (422 with the machine's own Dutch reasons) and every possible one with a payload its schema
 * refuses (400 naming the payload); the instance and the event count stay as they were. It
 * answers how many requests it sent.
 */
export function prober(ctx: ProbeContext) {
  const { admin, store, people, sender } = ctx
  // A bad payload once per machine version, state value and event type: the schema does not
  // depend on the rest of the context.
  const badPayloadSent = new Set<string>()

  async function expectRefusedWithReasons(
    def: MachineDefinition,
    s: StoredSnapshot,
    id: string,
    event: MachineEvent,
    where: string,
  ) {
    const res = await sender(def, event.type).post(eventsPath(id), eventBody(event))
    expectProblem(res, 422, `${where}: ${event.type}`)
    expect(res.body.blocked.type).toBe(event.type)
    const reasons = res.body.blocked.reasons as unknown[]
    expect(reasons.length, `${where}: ${event.type} without reasons`).toBeGreaterThan(0)
    for (const reason of reasons) {
      expect(typeof reason === 'string' && reason.trim().length > 0).toBe(true)
      expect(reason).not.toMatch(/undefined|\[object|NaN/)
    }
    const expected = evaluate(def, s, event)
    if (def.events[event.type]) {
      expect(expected.ok ? [] : expected.reasons, `${where}: ${event.type}`).toEqual(reasons)
    }
  }

  async function expectBadPayloadRefused(
    def: MachineDefinition,
    id: string,
    type: string,
    where: string,
  ) {
    const res = await sender(def, type).post(eventsPath(id), {
      type,
      payload: { onbekendVeld: true },
      reason: 'Voor de test.',
    })
    expectProblem(res, 400, `${where}: ${type} with a bad payload`)
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path)
    expect(
      paths.some((p) => p.startsWith('payload')),
      `${where}: ${type} ${paths}`,
    ).toBe(true)
  }

  return async function probe(
    def: MachineDefinition,
    s: StoredSnapshot,
    id: string,
    where: string,
  ): Promise<number> {
    const before = await admin.get(`/api/v1/instances/${id}`)
    const eventsBefore = await countEvents(store.db)
    const samples = sampleEvents(def, s, {
      includeBlocked: true,
      personIds: people,
      at: new Date().toISOString(),
    })
    const { blocked, possible } = explain(def, s)
    expect(blocked.map((b) => b.type)).toEqual(
      before.body.blocked.map((b: { type: string }) => b.type),
    )
    const probes = [
      ...blocked.map(
        (b) => samples.find((e) => e.type === b.type) ?? { ...samples[0]!, type: b.type },
      ),
      { type: 'bestaat.niet', payload: {}, reason: null } as unknown as MachineEvent,
    ]
    for (const event of probes) await expectRefusedWithReasons(def, s, id, event, where)
    const version = `${def.id}@${String(def.version)}`
    const fresh = possible.filter(
      (type) => !badPayloadSent.has(`${version} ${pairKey(s.value, type)}`),
    )
    for (const type of fresh) {
      badPayloadSent.add(`${version} ${pairKey(s.value, type)}`)
      await expectBadPayloadRefused(def, id, type, where)
    }
    const after = await admin.get(`/api/v1/instances/${id}`)
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'))
    expect(after.body.version).toBe(before.body.version)
    expect({ state: after.body.state, context: after.body.context }).toEqual({
      state: before.body.state,
      context: before.body.context,
    })
    expect(await countEvents(store.db)).toBe(eventsBefore)
    return probes.length + fresh.length
  }
}
