import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listEvents } from '../../db/queries/events.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { explain, machineVersions, machines } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { replay } from '../../src/engine/replay.ts'
import { ZERO_HASH } from '../../src/engine/hash.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { allEvents, toRow } from './http.helpers.ts'
import {
  coverFor,
  definedStatePaths,
  definedTransitions,
  planWalks,
  senderOf,
  statePathsOf,
  transitionsTaken,
  vertexKey,
} from './paths.plan.ts'
import type { Plan, Sender } from './paths.plan.ts'
import { eventBody, eventsPath, prober } from './paths.probe.ts'
import { enginePrincipal, openTransitionOnVersion } from './transitions.helpers.ts'
import { createPilot } from '../../src/engine/pilots.service.ts'

// Every path of every released machine version, driven through POST /api/v1/instances/:id/events:
// a team by HR of both its organisations (who may act namens either, as admin may not), a
// transition by the admin token, except the teacher's own word (motives, agreement to an
// afspraak), which only the transition's own teacher may give: the plan says who sends each event.
// The API opens new transitions on the newest version only; one of version 1 is opened through the
// engine, as it was before version 2 existed, and then driven through the API like the others.
// The walks come from the machine definitions (paths.plan.ts); each walk is one instance, and
// together they take every defined transition and stand on every vertex. At every state a walk
// visits, every event that is not possible is sent too: 422 with the Dutch reasons, and the
// instance stays exactly as it was. Afterwards each instance's history, read back through the
// API, replays to the stored snapshot.

interface Run {
  plan?: Plan
  instances: { id: string; walk: number }[]
  statePaths: Set<string>
  /** The plan's edge targets the API took (pairs or transitions, see paths.plan.ts). */
  covered: Set<string>
  transitions: Set<string>
  probes: number
  probed: Set<string>
}

describe.each(DATABASES)('every path of every machine version through the API (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let people: string[]
  /** Who sends which event: HR of orgA and orgB (namens either), the teacher, admin. */
  let clients: Record<Sender, Client>
  let academieId: string
  let probeBlocked: ReturnType<typeof prober>

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    people = [world.personA, world.personB, world.teacherA]
    const teacher = await admin.post('/api/v1/tokens', {
      name: 'leraar van de rolovergangen',
      role: 'teacher',
      personId: world.teacherA,
    })
    expect(teacher.status, JSON.stringify(teacher.body)).toBe(201)
    // Teams of version 2 are a leiderorganisatie led by a huisacademie: every transition of the
    // machine exists there (the consultations only there). HR covers the academie too.
    const academie = await admin.post('/api/v1/organisations', {
      name: 'Amstelscholen Academie',
      kind: 'huisacademie',
    })
    expect(academie.status, JSON.stringify(academie.body)).toBe(201)
    academieId = academie.body.id as string
    const hr = await admin.post('/api/v1/tokens', {
      name: 'hr van A, B en de academie',
      role: 'hr',
      organisationIds: [world.orgA, world.orgB, academieId],
      personId: world.hrPerson,
    })
    expect(hr.status, JSON.stringify(hr.body)).toBe(201)
    clients = { hr: admin.as(hr.body.token), leraar: admin.as(teacher.body.token), admin }
    probeBlocked = prober({ admin, store: db.store, people, sender })
    // The samples give each new member the pilot organisations in turn; a member represents only
    // an organisation the person works at, so each of them works at every one.
    for (const personId of people) {
      const person = await admin.get(`/api/v1/people/${personId}`)
      for (const organisationId of [world.orgA, world.orgB, academieId]) {
        if (person.body.affiliations.some((a: any) => a.organisationId === organisationId)) continue
        const res = await admin.post(`/api/v1/people/${personId}/affiliations`, { organisationId })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
      }
    }
  })

  /** The client that sends `type` to an instance of `def`. */
  const sender = (def: MachineDefinition, type: string): Client => clients[senderOf(def, type)]

  afterAll(async () => {
    await db?.cleanup()
  })

  /**
   * A new instance of the machine version: a pilot or a transition created as a client would, or,
   * for an older version of the rolovergang, opened through the engine on that version.
   */
  async function create(def: MachineDefinition, n: number): Promise<string> {
    const id = await createOn(def, n)
    const view = await admin.get(`/api/v1/instances/${id}`)
    expect(view.body.machine).toEqual({ id: def.id, version: def.version })
    return id
  }

  async function createOn(def: MachineDefinition, n: number): Promise<string> {
    if (def.id === 'ontwikkelteam') {
      const pilot = {
        name: `Pad ${n}`,
        scenario: '1a' as const,
        organisationIds: [world.orgA, world.orgB],
      }
      // The API opens the newest version only; an older one is opened as it was before.
      if (def !== machines.ontwikkelteam) {
        const made = await createPilot(db.store, await enginePrincipal(admin), pilot, {
          machineVersion: def.version,
        })
        return made.teams[0]!.instanceId
      }
      const res = await admin.post('/api/v1/pilots', {
        ...pilot,
        scenario: '2b',
        organisationIds: [academieId, world.orgA, world.orgB],
        leadOrganisationId: academieId,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.teams[0].instanceId as string
    }
    const input = {
      personId: world.teacherA,
      organisationId: world.orgA,
      newRole: 'schoolopleider',
      currentRole: 'leraar',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    }
    if (def !== machines.rolovergang) {
      return (await openTransitionOnVersion(db.store, admin, input, def.version)).instanceId
    }
    const res = await admin.post('/api/v1/transitions', input)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.instanceId as string
  }

  for (const def of machineVersions) {
    describe(`${def.id} version ${def.version}`, () => {
      const run: Run = {
        instances: [],
        statePaths: new Set(),
        covered: new Set(),
        transitions: new Set(),
        probes: 0,
        probed: new Set(),
      }

      it('takes every (state, event type) pair the samples offer (every transition, where parallel regions make the pairs too many); at every visited state each impossible event answers 422, a bad payload 400, and neither changes anything', async () => {
        const firstId = await create(def, 0)
        const first = await admin.get(`/api/v1/instances/${firstId}`)
        const root: StoredSnapshot = { value: first.body.state, context: first.body.context }
        const cover = coverFor(def, root, { personIds: people })
        const plan = planWalks(def, root, { personIds: people, cover })
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
            const res = await clients[step.sender].post(eventsPath(id), eventBody(step.event), {
              'if-match': `"${version}"`,
            })
            expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(200)
            expect(res.body.instance.state, where).toEqual(step.after.value)
            expect(res.body.instance.version, where).toBe(version + 1)
            expect(res.body.event.seq, where).toBe(version + 1)
            expect(res.headers.get('etag'), where).toBe(`"${version + 1}"`)
            expect(res.body.instance.possible, where).toEqual(explain(def, step.after).possible)
            version++
            for (const target of step.covers) run.covered.add(target)
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
          `[paths ${kind}] ${def.id} v${def.version} (${plan.cover}): ${plan.walks.length} instances, ${plan.walks.reduce((n, w) => n + w.length, 0)} events, ${probed.size} states probed with ${run.probes} refused events`,
        )
      }, 300_000)

      it('reached every state and took every transition of the machine definition', () => {
        expect(run.plan, 'the walks did not run').toBeDefined()
        expect(run.statePaths).toEqual(definedStatePaths(def))
        expect(run.transitions).toEqual(definedTransitions(def))
        expect(run.covered).toEqual(run.plan?.targets)
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
            // Written now, so in the current event format, each under the version it ran.
            expect({ format: e.format, machineVersion: e.machineVersion }).toEqual({
              format: 3,
              machineVersion: def.version,
            })
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
          expect(replay(def.id, rows)?.snapshot, `walk ${walk}`).toEqual(
            JSON.parse(stored?.snapshot ?? 'null'),
          )
        }
      }, 120_000)
    })
  }
})
