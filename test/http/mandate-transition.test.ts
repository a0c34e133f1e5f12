import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { versionsOf } from '../../machines/index.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { expectCallerTable } from './mandate.drive.ts'
import { CALLERS, EXPECTED, kindOf, mandateWorld } from './mandate.helpers.ts'
import type { MandateWorld } from './mandate.helpers.ts'

// Every event of every version of the rolovergang × every kind of caller: HR of the organisation
// where the new role is handles it, the teacher gives their own word (version 2: motives,
// leervraag, agreement to each afspraak) and may withdraw; members of teams do not see it. A
// transition of version 1 is opened through the engine, as before version 2 existed, and keeps
// the rules of its version. Then the move to another school's role (mobility) and erased people.

describe.each(DATABASES)('who may send which transition event (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: MandateWorld

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await mandateWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  for (const def of versionsOf('rolovergang')) {
    for (const type of Object.keys(def.events)) {
      const expected = EXPECTED[kindOf(def, type)]
      const table = CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')
      it(`${def.id} version ${def.version} ${type}: ${table}`, async () => {
        await expectCallerTable(db.store, admin, world, def, type)
      })
    }
  }
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
