import { expect } from 'vitest'
import type { DbHandle } from '../../db/create-db.ts'
import { apply, explain, machines, sampleEvents } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import type { Client } from '../support/app.ts'
import { CALLERS, EXPECTED, body, kindOf, recordedActor } from './mandate.helpers.ts'
import type { MandateWorld } from './mandate.helpers.ts'
import { openTransitionOnVersion } from './transitions.helpers.ts'

// Drives instances for the mandate tests. A new instance is brought to a state where one event is
// possible, planned on the machine from the instance's own snapshot and sent through the API: by
// HR of both organisations (the driver), except the teacher's own word in a transition (version 2
// asks their agreement to each afspraak before the role starts), which only the transition's own
// teacher gives. Then every kind of caller sends that event.

// Events a path to another event does not take: they end the process, step back or aside, or
// (membership) are taken only as the path needs them.
const NOT_ON_THE_WAY = new Set([
  'lid.toevoegen',
  'pauzeren',
  'stoppen',
  'fase.terug',
  'lid.verwijderen',
  'cyclus.afronden',
  'cyclus.vernieuwen',
  'overgang.intrekken',
  'toegang.afwijzen',
  'overgang.afronden',
  'rol.beeindigen',
  'deelnemer.inschrijven',
  'deelnemer.terugtrekken',
  'deelnemer.afronden',
  'plaatsen.vaststellen',
  'uitgave.boeken',
  'raadpleging.vastleggen',
])

/** Events planned here are sent now: their days (phase periods, dates) are today's. */
const now = () => new Date().toISOString()

/** What an event needs done once before it is possible at all. */
const FIRST: Record<string, string> = {
  'deelnemer.terugtrekken': 'deelnemer.inschrijven',
  'deelnemer.afronden': 'deelnemer.inschrijven',
  heropenen: 'stoppen',
}

/**
 * The events that bring an instance from `start` to a state where `type` is possible: forward,
 * taking each sample once, pausing first when `type` needs a paused team.
 */
export function pathTo(
  def: MachineDefinition,
  start: StoredSnapshot,
  type: string,
  personIds: string[],
): MachineEvent[] {
  let snapshot = start
  const path: MachineEvent[] = []
  const taken = new Set<string>()
  // A team first gets its members: A's representative (the coordinator), then B's.
  const members = def.id === 'ontwikkelteam' ? 2 : 0
  for (let i = 0; i < 80; i++) {
    const possible = explain(def, snapshot).possible
    const samples = sampleEvents(def, snapshot, { personIds, at: now() })
    const joined = (snapshot.context['members'] as unknown[] | undefined)?.length ?? 0
    if (joined >= members && possible.includes(type)) return path
    const first = FIRST[type]
    const needed =
      first && !taken.has(first) && joined >= members
        ? samples.find((e) => e.type === first)
        : undefined
    const next =
      (joined < members ? samples.find((e) => e.type === 'lid.toevoegen') : undefined) ??
      needed ??
      (type === 'hervatten' ? samples.find((e) => e.type === 'pauzeren') : undefined) ??
      samples.find((e) => e.type === 'fase.volgende') ??
      samples.find(
        (e) => !NOT_ON_THE_WAY.has(e.type) && !taken.has(JSON.stringify([e.type, e.payload])),
      )
    if (!next) break
    if (next === needed) taken.add(next.type)
    taken.add(JSON.stringify([next.type, next.payload]))
    path.push(next)
    snapshot = apply(def, snapshot, next)
  }
  throw new Error(`${def.id} ${String(def.version)}: no path to a state where ${type} is possible`)
}

/** A new instance of `def`: a team of A and B, or a transition at A of A's teacher. */
async function newInstance(
  store: DbHandle,
  admin: Client,
  world: MandateWorld,
  def: MachineDefinition,
): Promise<string> {
  if (def.id === 'ontwikkelteam') {
    const res = await admin.post('/api/v1/pilots', {
      name: 'Pilot',
      scenario: '1a',
      organisationIds: [world.ids.orgA, world.ids.orgB],
    })
    return res.body.teams[0].instanceId as string
  }
  const input = {
    personId: world.ids.teacher,
    organisationId: world.ids.orgA,
    newRole: 'schoolopleider',
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
  }
  // The API opens the newest version only; an older one is opened as it was before.
  if (def !== machines.rolovergang) {
    return (await openTransitionOnVersion(store, admin, input, def.version)).instanceId
  }
  return (await admin.post('/api/v1/transitions', input)).body.instanceId as string
}

/** A new instance of `def` in a state where `type` is possible, and the event to send there. */
export async function ready(
  store: DbHandle,
  admin: Client,
  world: MandateWorld,
  def: MachineDefinition,
  type: string,
): Promise<{ id: string; event: MachineEvent }> {
  const id = await newInstance(store, admin, world, def)
  const snapshotOf = async (): Promise<StoredSnapshot> => {
    const view = (await admin.get(`/api/v1/instances/${id}`)).body
    if (view.machine.version !== def.version) throw new Error(`${id} runs ${view.machine.version}`)
    return { value: view.state, context: view.context }
  }
  const personIds = [world.ids.repA, world.ids.repB]
  for (const e of pathTo(def, await snapshotOf(), type, personIds)) {
    const by = kindOf(def, e.type) === 'leraar' ? world.callers.leraar : world.driver
    const res = await by.post(`/api/v1/instances/${id}/events`, body(e))
    if (res.status !== 200) throw new Error(`${e.type}: ${JSON.stringify(res.body)}`)
  }
  const samples = sampleEvents(def, await snapshotOf(), {
    at: now(),
    personIds: [...personIds, world.ids.teacher],
  })
  let event = samples.find((e) => e.type === type)
  if (!event) throw new Error(`no sample for ${type}`)
  // An act for an organisation is done for A, the organisation the representative speaks for.
  if (def.rules[type]?.namens) {
    event = { ...event, payload: { ...event.payload, organisationId: world.ids.orgA } }
  }
  // A new member for A (the coordinator, or A's HR, adds someone who works at A).
  if (type === 'lid.toevoegen') {
    event = {
      ...event,
      payload: { ...event.payload, personId: world.ids.teacher, organisationId: world.ids.orgA },
    }
  }
  return { id, event }
}

/**
 * Sends `type` to an instance of `def` as every caller in turn, each where the event is possible
 * (a fresh instance after a success, which moved the last one on). A success is recorded in event
 * format 3 under the instance's version, naming who did it for whom; a refusal is the status the
 * table says, a problem+json with a Dutch reason, and leaves the instance exactly as it was.
 */
export async function expectCallerTable(
  store: DbHandle,
  admin: Client,
  world: MandateWorld,
  def: MachineDefinition,
  type: string,
): Promise<void> {
  const expected = EXPECTED[kindOf(def, type)]
  let target: { id: string; event: MachineEvent } | undefined
  for (const caller of CALLERS) {
    target ??= await ready(store, admin, world, def, type)
    const { id, event } = target
    const before = (await admin.get(`/api/v1/instances/${id}`)).body
    const res = await world.callers[caller].post(`/api/v1/instances/${id}/events`, body(event))
    expect(res.status, `${caller}: ${JSON.stringify(res.body)}`).toBe(expected[caller])
    if (res.status === 200) {
      const history = (await admin.get(`/api/v1/instances/${id}/events?after=${before.version}`))
        .body.items
      expect(history[0]).toMatchObject({ format: 3, machineVersion: def.version, type })
      expect(history[0].actor, caller).toMatchObject(recordedActor(world, caller) ?? {})
      target = undefined
      continue
    }
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.detail).toMatch(/[a-z]/)
    const after = (await admin.get(`/api/v1/instances/${id}`)).body
    expect(after.version).toBe(before.version)
    expect(after.context).toEqual(before.context)
  }
}
