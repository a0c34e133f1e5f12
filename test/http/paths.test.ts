import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents, listEvents } from '../../db/queries/events.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { evaluate, explain, machines, sampleEvents } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import { replay } from '../../src/engine/replay.ts'
import { ZERO_HASH } from '../../src/engine/hash.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { allEvents, expectProblem, toRow } from './http.helpers.ts'
import {
  definedStatePaths,
  definedTransitions,
  pairKey,
  planWalks,
  statePathsOf,
  transitionsTaken,
  vertexKey,
} from './paths.plan.ts'
import type { Plan } from './paths.plan.ts'

// Every path of both machines, driven through POST /api/v1/instances/:id/events: a team by HR of
// both its organisations (who may act namens either, as admin may not), a transition by the admin
// token. The walks come from the machine definitions (paths.plan.ts); each walk is one instance.
// At every state a walk visits, every event that is not possible is sent too: 422 with the Dutch
// reasons, and the instance stays exactly as it was. Afterwards each instance's history, read
// back through the API, replays to the stored snapshot.

interface Run {
  plan?: Plan
  instances: { id: string; walk: number }[]
  statePaths: Set<string>
  pairs: Set<string>
  transitions: Set<string>
  probes: number
  probed: Set<string>
}

const events = (id: string) => `/api/v1/instances/${id}/events`

function body(event: MachineEvent) {
  return {
    type: event.type,
    payload: event.payload,
    ...(event.reason ? { reason: event.reason } : {}),
  }
}

describe.each(DATABASES)('every path of both machines through the API (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let people: string[]
  /** HR of orgA and orgB: sends a team's events, namens either organisation. */
  let hr: Client
  const badPayloadSent = new Set<string>()

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    people = [world.personA, world.personB, world.teacherA]
    hr = admin.as(world.hrToken)
    // The samples give each new member the pilot organisations in turn; a member represents only
    // an organisation the person works at, so each of them works at both.
    for (const personId of people) {
      const person = await admin.get(`/api/v1/people/${personId}`)
      for (const organisationId of [world.orgA, world.orgB]) {
        if (person.body.affiliations.some((a: any) => a.organisationId === organisationId)) continue
        const res = await admin.post(`/api/v1/people/${personId}/affiliations`, { organisationId })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
      }
    }
  })

  /** Who sends the events of a machine's instances. */
  const sender = (def: MachineDefinition): Client => (def.id === 'ontwikkelteam' ? hr : admin)

  afterAll(async () => {
    await db?.cleanup()
  })

  /** A new instance of the machine, created as a client would: a pilot, or a transition. */
  async function create(def: MachineDefinition, n: number): Promise<string> {
    if (def.id === 'ontwikkelteam') {
      const res = await admin.post('/api/v1/pilots', {
        name: `Pad ${n}`,
        scenario: '1a',
        organisationIds: [world.orgA, world.orgB],
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.teams[0].instanceId as string
    }
    const res = await admin.post('/api/v1/transitions', {
      personId: world.teacherA,
      organisationId: world.orgA,
      newRole: 'schoolopleider',
      currentRole: 'leraar',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.instanceId as string
  }

  /**
   * Sends every event that is not possible in `s` (422 with reasons) and every possible one with
   * a payload its schema refuses (400); none may change the instance.
   */
  async function probeBlocked(
    def: MachineDefinition,
    s: StoredSnapshot,
    id: string,
    where: string,
  ) {
    const before = await admin.get(`/api/v1/instances/${id}`)
    const eventsBefore = await countEvents(db.store.db)
    const samples = sampleEvents(def, s, { includeBlocked: true, personIds: people })
    const blocked = explain(def, s).blocked
    expect(blocked.map((b) => b.type)).toEqual(
      before.body.blocked.map((b: { type: string }) => b.type),
    )
    const probes = [
      ...blocked.map(
        (b) => samples.find((e) => e.type === b.type) ?? { ...samples[0]!, type: b.type },
      ),
      { type: 'bestaat.niet', payload: {}, reason: null } as unknown as MachineEvent,
    ]
    for (const event of probes) {
      const res = await sender(def).post(events(id), body(event))
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
    // A possible event with a payload its schema refuses: 400 naming the payload field (once
    // per state value and event type: the schema does not depend on the rest of the context).
    const possible = explain(def, s).possible.filter(
      (type) => !badPayloadSent.has(pairKey(s.value, type)),
    )
    for (const type of possible) {
      badPayloadSent.add(pairKey(s.value, type))
      const res = await sender(def).post(events(id), {
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
    const after = await admin.get(`/api/v1/instances/${id}`)
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'))
    expect(after.body.version).toBe(before.body.version)
    expect({ state: after.body.state, context: after.body.context }).toEqual({
      state: before.body.state,
      context: before.body.context,
    })
    expect(await countEvents(db.store.db)).toBe(eventsBefore)
    return probes.length + possible.length
  }

  for (const def of Object.values(machines)) {
    describe(def.id, () => {
      const run: Run = {
        instances: [],
        statePaths: new Set(),
        pairs: new Set(),
        transitions: new Set(),
        probes: 0,
        probed: new Set(),
      }

      it('takes every (state, event type) pair the samples offer; at every visited state each impossible event answers 422, a bad payload 400, and neither changes anything', async () => {
        const firstId = await create(def, 0)
        const first = await admin.get(`/api/v1/instances/${firstId}`)
        const root: StoredSnapshot = { value: first.body.state, context: first.body.context }
        const plan = planWalks(def, root, { personIds: people })
        run.plan = plan
        const probed = run.probed

        for (const [w, walk] of plan.walks.entries()) {
          const id = w === 0 ? firstId : await create(def, w)
          run.instances.push({ id, walk: w })
          const start = await admin.get(`/api/v1/instances/${id}`)
          expect(start.body.state).toEqual(root.value)
          expect(start.headers.get('etag')).toBe('"1"')
          let version = start.body.version as number
          for (const path of statePathsOf(root.value)) run.statePaths.add(path)

          for (const [i, step] of walk.entries()) {
            const where = `walk ${w} step ${i} (${JSON.stringify(step.before.value)} ${step.event.type})`
            const key = vertexKey(def, step.before)
            if (!probed.has(key)) {
              probed.add(key)
              run.probes += await probeBlocked(def, step.before, id, where)
            }
            const res = await sender(def).post(events(id), body(step.event), {
              'if-match': `"${version}"`,
            })
            expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(200)
            expect(res.body.instance.state, where).toEqual(step.after.value)
            expect(res.body.instance.version, where).toBe(version + 1)
            expect(res.body.event.seq, where).toBe(version + 1)
            expect(res.headers.get('etag'), where).toBe(`"${version + 1}"`)
            expect(res.body.instance.possible, where).toEqual(explain(def, step.after).possible)
            version++
            run.pairs.add(pairKey(step.before.value, step.event.type))
            for (const t of transitionsTaken(def, step.before, step.event)) run.transitions.add(t)
            for (const path of statePathsOf(res.body.instance.state)) run.statePaths.add(path)
          }
          const last = walk[walk.length - 1]
          if (last && !probed.has(vertexKey(def, last.after))) {
            probed.add(vertexKey(def, last.after))
            run.probes += await probeBlocked(def, last.after, id, `walk ${w} end`)
          }
        }
        console.log(
          `[paths ${kind}] ${def.id}: ${plan.walks.length} instances, ${plan.walks.reduce((n, w) => n + w.length, 0)} events, ${probed.size} states probed with ${run.probes} refused events`,
        )
      }, 300_000)

      it('reached every state and took every transition of the machine definition', () => {
        expect(run.plan, 'the walks did not run').toBeDefined()
        expect(run.statePaths).toEqual(definedStatePaths(def))
        expect(run.transitions).toEqual(definedTransitions(def))
        expect(run.pairs).toEqual(run.plan?.pairs)
        // Every distinct state (value and explanation) the samples reach was probed.
        expect(run.probed).toEqual(run.plan?.vertices)
        expect(run.probes).toBeGreaterThan(run.probed.size)
      })

      it('rebuilds every path’s snapshot from its history read through the API (replay equals snapshot)', async () => {
        expect(run.instances.length).toBe(run.plan?.walks.length)
        for (const { id, walk } of run.instances) {
          const history = await allEvents(admin, id, 7)
          const instance = await admin.get(`/api/v1/instances/${id}`)
          expect(history.length, `walk ${walk}`).toBe(instance.body.version)
          history.forEach((e, i) => {
            expect(e.seq).toBe(i + 1)
            expect(e.prevHash).toBe(i === 0 ? ZERO_HASH : history[i - 1]?.hash)
            if (i > 0) expect(e.stateBefore).toEqual(history[i - 1]?.stateAfter)
          })
          expect(history[history.length - 1]?.stateAfter).toEqual(instance.body.state)
          const rebuilt = replay(
            def.id,
            history.map((e) => toRow(id, e)),
          )?.snapshot
          expect(rebuilt, `walk ${walk}`).toEqual({
            value: instance.body.state,
            context: instance.body.context,
          })
          // The same from the rows in the database and the snapshot stored with the instance.
          const rows = await listEvents(db.store.db, id, { after: 0, limit: 10_000 })
          expect(rows).toEqual(history.map((e) => toRow(id, e)))
          const stored = await getInstance(db.store.db, id)
          expect(replay(def.id, rows)?.snapshot, `walk ${walk}`).toEqual(JSON.parse(stored?.snapshot ?? 'null'))
        }
      }, 120_000)
    })
  }
})
