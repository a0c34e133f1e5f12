import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apply, explain, machines, sampleEvents, start } from '../../machines/index.ts'
import type { MachineDefinition, MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'

// Every event of both machines × every kind of caller, through POST /instances/:id/events. For each
// event the instance is first driven (by an HR adviser of both organisations) to a state where the
// event is possible; then each caller sends it. A refusal must be the status the table says, a
// problem+json with a Dutch reason, and leave the instance exactly as it was; a success must record
// the person and the organisation the act was done for.

type Caller =
  'vertegenwoordiger' | 'ander-lid' | 'hr-binnen' | 'hr-buiten' | 'leraar' | 'auditor' | 'admin'
const CALLERS: Caller[] = [
  'vertegenwoordiger',
  'ander-lid',
  'hr-binnen',
  'hr-buiten',
  'leraar',
  'auditor',
  'admin',
]

/** What each caller gets, per kind of event (the table the test iterates over). */
const EXPECTED: Record<string, Record<Caller, number>> = {
  // An act for organisation A: only A's representative in the team, or A's HR.
  namens: {
    vertegenwoordiger: 200,
    'ander-lid': 403,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 403,
  },
  // Membership: the coordinator (A's representative), HR of a party, admin.
  lid: {
    vertegenwoordiger: 200,
    'ander-lid': 403,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 200,
  },
  // The team's own work: every member, HR of a party, admin.
  team: {
    vertegenwoordiger: 200,
    'ander-lid': 200,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 200,
  },
  // A transition at organisation A, of a teacher of A: A's HR handles it; members do not see it.
  hr: {
    vertegenwoordiger: 404,
    'ander-lid': 404,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 403,
    auditor: 403,
    admin: 200,
  },
  // The teacher owns their development: they may withdraw, as may HR and admin.
  intrekken: {
    vertegenwoordiger: 404,
    'ander-lid': 404,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 200,
    auditor: 403,
    admin: 200,
  },
}

function kindOf(def: MachineDefinition, type: string): keyof typeof EXPECTED {
  const rule = def.rules[type]
  if (rule?.namens) return 'namens'
  if (rule?.action === 'ontwikkelteam.lid') return 'lid'
  if (rule?.action === 'ontwikkelteam.event') return 'team'
  if (rule?.action === 'rolovergang.intrekken') return 'intrekken'
  return 'hr'
}

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
])

/**
 * The events that bring a new instance to a state where `type` is possible: forward, taking each
 * sample once, pausing first when `type` needs a paused team.
 */
function pathTo(
  def: MachineDefinition,
  input: Record<string, unknown>,
  type: string,
  personIds: string[],
): MachineEvent[] {
  let snapshot: StoredSnapshot = start(def, input, '2026-01-01T00:00:00.000Z')
  const path: MachineEvent[] = []
  const taken = new Set<string>()
  // A team first gets its members: A's representative (the coordinator), then B's.
  const members = def.id === 'ontwikkelteam' ? 2 : 0
  for (let i = 0; i < 80; i++) {
    const possible = explain(def, snapshot).possible
    const samples = sampleEvents(def, snapshot, { personIds })
    const joined = (snapshot.context['members'] as unknown[] | undefined)?.length ?? 0
    if (joined >= members && possible.includes(type)) return path
    const next =
      (joined < members ? samples.find((e) => e.type === 'lid.toevoegen') : undefined) ??
      (type === 'hervatten' ? samples.find((e) => e.type === 'pauzeren') : undefined) ??
      samples.find((e) => e.type === 'fase.volgende') ??
      samples.find(
        (e) => !NOT_ON_THE_WAY.has(e.type) && !taken.has(JSON.stringify([e.type, e.payload])),
      )
    if (!next) break
    taken.add(JSON.stringify([next.type, next.payload]))
    path.push(next)
    snapshot = apply(def, snapshot, next)
  }
  throw new Error(`no path to a state where ${type} is possible`)
}

const body = (e: MachineEvent) => ({
  type: e.type,
  payload: e.payload,
  ...(e.reason ? { reason: e.reason } : {}),
})

describe.each(DATABASES)('who may send which event, for whom (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let ids: Record<string, string>
  let callers: Record<Caller, Client>
  let driver: Client

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    const id = async (path: string, payload: unknown) => {
      const res = await admin.post(path, payload)
      if (res.status !== 201) throw new Error(JSON.stringify(res.body))
      return res.body.id as string
    }
    const token = async (payload: unknown) => {
      const res = await admin.post('/api/v1/tokens', payload)
      if (res.status !== 201) throw new Error(JSON.stringify(res.body))
      return admin.as(res.body.token as string)
    }
    const orgA = await id('/api/v1/organisations', { name: 'Sloterplas Mavo', kind: 'school' })
    const orgB = await id('/api/v1/organisations', {
      name: 'Opleidingsschool Noord-West',
      kind: 'opleidingsschool',
    })
    const orgC = await id('/api/v1/organisations', { name: 'IJdoorn College', kind: 'school' })
    const repA = await id('/api/v1/people', { name: 'Ilse Vermeulen', organisationId: orgA })
    const repB = await id('/api/v1/people', { name: 'Bram Jansen', organisationId: orgB })
    const hrA = await id('/api/v1/people', { name: 'Hanna Hofman', organisationId: orgA })
    const hrC = await id('/api/v1/people', { name: 'Cees Claes', organisationId: orgC })
    const teacher = await id('/api/v1/people', { name: 'Tara Tol', organisationId: orgA })
    ids = { orgA, orgB, orgC, repA, repB, teacher }
    callers = {
      vertegenwoordiger: await token({ name: 'rep A', role: 'member', personId: repA }),
      'ander-lid': await token({ name: 'lid B', role: 'member', personId: repB }),
      'hr-binnen': await token({
        name: 'hr A',
        role: 'hr',
        organisationIds: [orgA],
        personId: hrA,
      }),
      'hr-buiten': await token({
        name: 'hr C',
        role: 'hr',
        organisationIds: [orgC],
        personId: hrC,
      }),
      leraar: await token({ name: 'leraar', role: 'teacher', personId: teacher }),
      auditor: await token({ name: 'auditor', role: 'auditor' }),
      admin,
    }
    driver = await token({
      name: 'hr A+B',
      role: 'hr',
      organisationIds: [orgA, orgB],
      personId: hrA,
    })
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  async function newInstance(def: MachineDefinition): Promise<string> {
    if (def.id === 'ontwikkelteam') {
      const res = await admin.post('/api/v1/pilots', {
        name: 'Pilot',
        scenario: '1a',
        organisationIds: [ids['orgA'], ids['orgB']],
      })
      return res.body.teams[0].instanceId as string
    }
    const res = await admin.post('/api/v1/transitions', {
      personId: ids['teacher'],
      organisationId: ids['orgA'],
      newRole: 'schoolopleider',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    })
    return res.body.instanceId as string
  }

  /** A new instance of `def` in a state where `type` is possible, and the event to send there. */
  async function ready(
    def: MachineDefinition,
    type: string,
  ): Promise<{ id: string; event: MachineEvent }> {
    const id = await newInstance(def)
    const view = (await admin.get(`/api/v1/instances/${id}`)).body
    const input =
      def.id === 'ontwikkelteam'
        ? {
            pilotId: view.context.pilotId,
            teamName: view.context.teamName,
            organisations: view.context.organisations,
          }
        : { ...view.context, currentRole: null }
    const personIds = [ids['repA'] as string, ids['repB'] as string]
    const path = pathTo(def, def.id === 'ontwikkelteam' ? input : pickInput(input), type, personIds)
    for (const e of path) {
      const res = await driver.post(`/api/v1/instances/${id}/events`, body(e))
      if (res.status !== 200) throw new Error(`${e.type}: ${JSON.stringify(res.body)}`)
    }
    const snapshot = {
      value: (await admin.get(`/api/v1/instances/${id}`)).body.state,
      context: (await admin.get(`/api/v1/instances/${id}`)).body.context,
    }
    const samples = sampleEvents(def, snapshot, {
      personIds: [...personIds, ids['teacher'] as string],
    })
    let event = samples.find((e) => e.type === type)
    if (!event) throw new Error(`no sample for ${type}`)
    // An act for an organisation is done for A, the organisation the representative speaks for.
    if (def.rules[type]?.namens)
      event = { ...event, payload: { ...event.payload, organisationId: ids['orgA'] } }
    // A new member for A (the coordinator, or A's HR, adds someone who works at A).
    if (type === 'lid.toevoegen')
      event = {
        ...event,
        payload: { ...event.payload, personId: ids['teacher'], organisationId: ids['orgA'] },
      }
    return { id, event }
  }

  function pickInput(context: Record<string, unknown>) {
    const { personId, organisationId, newRole, currentRole, domain, careerPath } = context
    return { personId, organisationId, newRole, currentRole, domain, careerPath }
  }

  for (const def of [machines.ontwikkelteam, machines.rolovergang]) {
    for (const type of Object.keys(def.events)) {
      const expected = EXPECTED[kindOf(def, type)] as Record<Caller, number>
      it(`${def.id} ${type}: ${CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')}`, async () => {
        const { id, event } = await ready(def, type)
        for (const caller of CALLERS) {
          const before = (await admin.get(`/api/v1/instances/${id}`)).body
          const res = await callers[caller].post(`/api/v1/instances/${id}/events`, body(event))
          expect(res.status, `${caller}: ${JSON.stringify(res.body)}`).toBe(expected[caller])
          if (res.status === 200) {
            const history = (
              await admin.get(`/api/v1/instances/${id}/events?after=${before.version}`)
            ).body.items
            expect(history[0]).toMatchObject({ format: 2, type })
            if (caller === 'vertegenwoordiger' || caller === 'hr-binnen') {
              expect(history[0].actor.personId).not.toBeNull()
              expect(history[0].actor.organisationId).toBe(
                def.rules[type]?.namens || caller === 'hr-binnen' || def.id === 'ontwikkelteam'
                  ? ids['orgA']
                  : null,
              )
            }
            // A success moved the instance on: the next caller needs it where it was.
            return expectRemainingOnFreshInstances(def, type, caller)
          }
          expect(res.headers.get('content-type')).toContain('application/problem+json')
          expect(res.body.detail).toMatch(/[a-z]/)
          const after = (await admin.get(`/api/v1/instances/${id}`)).body
          expect(after.version).toBe(before.version)
          expect(after.context).toEqual(before.context)
        }
      })
    }
  }

  /** The callers after `from` in the table, each on a new instance in the same state. */
  async function expectRemainingOnFreshInstances(
    def: MachineDefinition,
    type: string,
    from: Caller,
  ) {
    const expected = EXPECTED[kindOf(def, type)] as Record<Caller, number>
    for (const caller of CALLERS.slice(CALLERS.indexOf(from) + 1)) {
      const { id, event } = await ready(def, type)
      const before = (await admin.get(`/api/v1/instances/${id}`)).body
      const res = await callers[caller].post(`/api/v1/instances/${id}/events`, body(event))
      expect(res.status, `${caller}: ${JSON.stringify(res.body)}`).toBe(expected[caller])
      if (res.status !== 200) {
        const after = (await admin.get(`/api/v1/instances/${id}`)).body
        expect(after.version).toBe(before.version)
      }
    }
  }

  it('names who may, in Dutch, when a member speaks for another organisation', async () => {
    const { id, event } = await ready(machines.ontwikkelteam, 'ontwerp.akkoord')
    const res = await callers['ander-lid'].post(`/api/v1/instances/${id}/events`, body(event))
    expect(res.status).toBe(403)
    expect(res.body.detail).toContain(
      'Alleen een teamlid namens Sloterplas Mavo of HR van Sloterplas Mavo',
    )
    expect(res.body.detail).toContain('U kunt dit alleen namens Opleidingsschool Noord-West doen.')
  })

  it('refuses a member for an organisation the person does not work at (422), changing nothing', async () => {
    const { id, event } = await ready(machines.ontwikkelteam, 'lid.toevoegen')
    const before = (await admin.get(`/api/v1/instances/${id}`)).body
    const res = await driver.post(
      `/api/v1/instances/${id}/events`,
      body({ ...event, payload: { ...event.payload, organisationId: ids['orgB'] } }),
    )
    expect(res.status).toBe(422)
    expect(res.body.detail).toContain('niet werkzaam bij Opleidingsschool Noord-West')
    expect((await admin.get(`/api/v1/instances/${id}`)).body.version).toBe(before.version)
  })

  it('tells the caller what it may send, and for whom', async () => {
    const { id } = await ready(machines.ontwikkelteam, 'ontwerp.akkoord')
    const allowed = async (c: Caller) =>
      (await callers[c].get(`/api/v1/instances/${id}`)).body.allowed as {
        type: string
        organisationIds: string[] | null
      }[]
    expect(
      (await allowed('vertegenwoordiger')).find((a) => a.type === 'ontwerp.akkoord')
        ?.organisationIds,
    ).toEqual([ids['orgA']])
    expect(
      (await allowed('ander-lid')).find((a) => a.type === 'ontwerp.akkoord')?.organisationIds,
    ).toEqual([ids['orgB']])
    expect((await allowed('admin')).find((a) => a.type === 'ontwerp.akkoord')).toBeUndefined()
    expect((await allowed('admin')).find((a) => a.type === 'fase.volgende')).toBeDefined()
    expect(await allowed('auditor')).toEqual([])
  })
})

describe.each(DATABASES)('mobility and the bestuur (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('lets a teacher ask at another school, whose HR handles it while their own HR only reads it', async () => {
    const id = async (path: string, payload: unknown) =>
      (await admin.post(path, payload)).body.id as string
    const token = async (payload: unknown) =>
      admin.as((await admin.post('/api/v1/tokens', payload)).body.token)
    const bestuur = await id('/api/v1/organisations', {
      name: 'Stichting Amstelscholen',
      kind: 'bestuur',
    })
    const own = await id('/api/v1/organisations', {
      name: 'Sloterplas Mavo',
      kind: 'school',
      parentId: bestuur,
    })
    const other = await id('/api/v1/organisations', { name: 'IJdoorn College', kind: 'school' })
    const teacher = await id('/api/v1/people', { name: 'Tara Tol', organisationId: own })
    const hrBestuur = await id('/api/v1/people', { name: 'Hanna Hofman', organisationId: bestuur })
    const hrOther = await id('/api/v1/people', { name: 'Otto Oost', organisationId: other })
    const leraar = await token({ name: 'leraar', role: 'teacher', personId: teacher })
    const ownHr = await token({
      name: 'hr bestuur',
      role: 'hr',
      organisationIds: [bestuur],
      personId: hrBestuur,
    })
    const otherHr = await token({
      name: 'hr IJdoorn',
      role: 'hr',
      organisationIds: [other],
      personId: hrOther,
    })

    // HR of the bestuur covers its school: it sees the teacher, and may open a transition there.
    expect((await ownHr.get(`/api/v1/people/${teacher}`)).status).toBe(200)
    const transition = {
      personId: teacher,
      newRole: 'coach',
      domain: 'leren-van-collegas',
      careerPath: 'switch-school-of-vak',
    }
    expect(
      (await ownHr.post('/api/v1/transitions', { ...transition, organisationId: own })).status,
    ).toBe(201)
    // …but not at a school where the teacher does not work, nor may the other school's HR.
    const refused = await ownHr.post('/api/v1/transitions', {
      ...transition,
      organisationId: other,
    })
    expect(refused.status).toBe(404)
    const foreign = await otherHr.post('/api/v1/transitions', {
      ...transition,
      organisationId: other,
    })
    const missing = await otherHr.post('/api/v1/transitions', {
      ...transition,
      personId: 'pers_bestaat_niet',
      organisationId: other,
    })
    expect(foreign.status).toBe(400)
    expect(missing.status).toBe(400)
    expect(foreign.body.detail.replace(teacher, 'X')).toBe(
      missing.body.detail.replace('pers_bestaat_niet', 'X'),
    )

    // The teacher asks at the other school (seed 004: a move to a school with shortages).
    const asked = await leraar.post('/api/v1/transitions', { ...transition, organisationId: other })
    expect(asked.status).toBe(201)
    const instance = asked.body.instanceId as string
    expect((await ownHr.get(`/api/v1/instances/${instance}`)).status).toBe(200)
    const start = { type: 'behandeling.starten' }
    const byOwn = await ownHr.post(`/api/v1/instances/${instance}/events`, start)
    expect(byOwn.status).toBe(403)
    expect(byOwn.body.detail).toContain('behandeld door HR van IJdoorn College')
    const byOther = await otherHr.post(`/api/v1/instances/${instance}/events`, start)
    expect(byOther.status).toBe(200)
    const history = (await otherHr.get(`/api/v1/instances/${instance}/events`)).body.items
    expect(history.at(-1).actor).toMatchObject({
      personId: hrOther,
      organisationId: other,
      name: 'Otto Oost',
      organisationName: 'IJdoorn College',
    })
    expect(
      (await ownHr.get('/api/v1/transitions')).body.items.map(
        (t: { instanceId: string }) => t.instanceId,
      ),
    ).toContain(instance)
  })

  it('refuses a token whose person was erased, and an hr token without a person', async () => {
    const org = (await admin.post('/api/v1/organisations', { name: 'School', kind: 'school' })).body
      .id
    const person = (await admin.post('/api/v1/people', { name: 'Wim Weg', organisationId: org }))
      .body.id
    const unbound = await admin.post('/api/v1/tokens', {
      name: 'hr',
      role: 'hr',
      organisationIds: [org],
    })
    expect(unbound.status).toBe(400)
    expect(unbound.body.errors[0].path).toBe('personId')
    const secret = (
      await admin.post('/api/v1/tokens', {
        name: 'hr',
        role: 'hr',
        organisationIds: [org],
        personId: person,
      })
    ).body.token
    expect((await admin.as(secret).get('/api/v1/transitions')).status).toBe(200)
    expect((await admin.delete(`/api/v1/people/${person}`)).status).toBeLessThan(300)
    const res = await admin.as(secret).get('/api/v1/transitions')
    // Erasure revokes the person's tokens; a bound token whose person is erased is refused anyway.
    expect(res.status).toBe(401)
  })
})
