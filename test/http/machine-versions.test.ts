import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countEvents } from '../../db/queries/events.ts'
import { rolovergangSamples } from '../../machines/rolovergang.samples.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { expectProblem, fingerprint } from './http.helpers.ts'
import { openTransitionOnVersion } from './transitions.helpers.ts'

// Machine versions through the API: the catalogue lists every version, an instance says which one
// it runs, an event only a newer version knows is refused on an instance of an older one with the
// versions named, and a migration is previewed by an administrator without writing anything.

describe.each(DATABASES)('machine versions through the API (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let hr: Client
  let teacher: Client
  /** A transition opened on version 1, still aangevraagd: its mapping to version 2 is clear. */
  let waiting: string
  /** A transition on version 1 whose role is actief: version 2 would have asked more first. */
  let active: string

  const instance = (id: string) => `/api/v1/instances/${id}`

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    hr = admin.as(world.hrToken)
    const token = await admin.post('/api/v1/tokens', {
      name: 'leraar',
      role: 'teacher',
      personId: world.teacherA,
    })
    teacher = admin.as(token.body.token as string)
    const input = {
      personId: world.teacherA,
      organisationId: world.orgA,
      newRole: 'coach',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    }
    waiting = (await openTransitionOnVersion(db.store, admin, input, 1)).instanceId
    active = (await openTransitionOnVersion(db.store, admin, input, 1)).instanceId
    // Version 1 lets HR admit straight from `open` and start the role without the teacher.
    for (const type of [
      'behandeling.starten',
      'toegang.toelaten',
      'ondersteuning.afspreken',
      'facilitering.afspreken',
      'rol.starten',
    ]) {
      const res = await hr.post(`${instance(active)}/events`, {
        type,
        payload: rolovergangSamples(type)[0],
      })
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200)
    }
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('GET /machines lists every version of every machine, saying which is the newest', async () => {
    const res = await admin.get('/api/v1/machines')
    expect(res.status).toBe(200)
    const items = res.body.items as { id: string; version: number; latest: boolean }[]
    expect(items.map(({ id, version, latest }) => ({ id, version, latest }))).toEqual([
      { id: 'ontwikkelteam', version: 1, latest: false },
      { id: 'ontwikkelteam', version: 2, latest: true },
      { id: 'rolovergang', version: 1, latest: false },
      { id: 'rolovergang', version: 2, latest: true },
    ])
    expect(res.body.items.map((m: { versions: number[] }) => m.versions)).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
      [1, 2],
    ])
    const types = (m: { events: { type: string }[] }) => m.events.map((e) => e.type)
    expect(types(res.body.items[0])).not.toContain('uitgave.boeken')
    expect(types(res.body.items[1])).toContain('uitgave.boeken')
    expect(types(res.body.items[2])).not.toContain('inbreng.vastleggen')
    expect(types(res.body.items[3])).toContain('inbreng.vastleggen')
  })

  it('GET /machines/rolovergang/versions/:version gives that version, an unknown one 404', async () => {
    const first = await admin.get('/api/v1/machines/rolovergang/versions/1')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ id: 'rolovergang', version: 1, latest: false })
    expect(first.body.events.map((e: { type: string }) => e.type)).not.toContain('rol.beeindigen')
    expect((await admin.get('/api/v1/machines/rolovergang')).body).toMatchObject({
      version: 2,
      latest: true,
    })
    const missing = await admin.get('/api/v1/machines/rolovergang/versions/99')
    expectProblem(missing, 404)
    expect(missing.body.detail).toMatch(/[a-z]/)
  })

  it('an instance says the version it runs: new transitions and teams 2, an older one 1', async () => {
    expect((await admin.get(instance(world.transitionInstanceId))).body.machine).toEqual({
      id: 'rolovergang',
      version: 2,
    })
    expect((await hr.get(instance(waiting))).body.machine).toEqual({
      id: 'rolovergang',
      version: 1,
    })
    expect((await admin.get(instance(world.teamId))).body.machine).toEqual({
      id: 'ontwikkelteam',
      version: 2,
    })
  })

  it('an event of version 2 sent to a version 1 instance → 422 naming both versions, nothing changed', async () => {
    const before = await admin.get(instance(waiting))
    const eventsBefore = await countEvents(db.store.db)
    const sent = [
      { by: admin, type: 'startniveau.vastleggen', payload: { level: 'startend' } },
      // The teacher's own word, which only version 2 asks for.
      { by: teacher, type: 'inbreng.vastleggen', payload: { leervraag: 'Hoe coach ik?' } },
    ]
    for (const { by, type, payload } of sent) {
      const res = await by.post(`${instance(waiting)}/events`, { type, payload })
      expectProblem(res, 422, type)
      expect(res.body.blocked.type).toBe(type)
      expect(res.body.detail).toContain(
        `‘${type}’ hoort bij versie 2 van rolovergang, maar dit proces loopt op versie 1.`,
      )
      expect(res.body.detail).toContain('Versie 1 van rolovergang neemt aan: behandeling.starten')
    }
    const after = await admin.get(instance(waiting))
    expect(after.body.version).toBe(before.body.version)
    expect(await countEvents(db.store.db)).toBe(eventsBefore)
    // An event no version knows says so, and what this version accepts.
    const unknown = await admin.post(`${instance(waiting)}/events`, { type: 'rol.verzinnen' })
    expectProblem(unknown, 422)
    expect(unknown.body.detail).toContain('Onbekende gebeurtenis ‘rol.verzinnen’ voor rolovergang.')
  })

  it('POST /machines/rolovergang/migrations to a version that does not exist → 422 in Dutch', async () => {
    const before = await fingerprint(db.store)
    const res = await admin.post('/api/v1/machines/rolovergang/migrations', { to: 3 })
    expectProblem(res, 422)
    expect(res.body.detail).toBe('Versie 3 van rolovergang bestaat niet. Bekende versies: 1, 2.')
    expectProblem(
      await admin.post('/api/v1/machines/bestaat-niet/migrations', { to: 2, dryRun: true }),
      404,
    )
    expect(await fingerprint(db.store)).toBe(before)
  })

  it('a dry run by admin reports what would move and what stays, and writes nothing', async () => {
    const before = await fingerprint(db.store)
    const eventsBefore = await countEvents(db.store.db)
    const res = await admin.post('/api/v1/machines/rolovergang/migrations', {
      to: 2,
      dryRun: true,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ machine: 'rolovergang', to: 2, dryRun: true })
    const items = res.body.items as { instanceId: string; changes: string[]; reasons: string[] }[]
    const item = (id: string) => items.find((i) => i.instanceId === id)
    expect(item(waiting)).toMatchObject({ from: 1, to: 2, outcome: 'verplaatst', reasons: [] })
    expect(item(waiting)?.changes.length).toBeGreaterThan(0)
    expect(item(active)).toMatchObject({ from: 1, to: 2, outcome: 'blijft', changes: [] })
    expect(item(active)?.reasons.join(' ')).toContain('blijft op versie 1')
    expect(res.body).toMatchObject({ moved: 1, refused: 1 })
    // The world's own transition is on version 2 already.
    expect(res.body.current).toBeGreaterThanOrEqual(1)
    expect(item(world.transitionInstanceId)).toBeUndefined()

    expect(await countEvents(db.store.db)).toBe(eventsBefore)
    expect(await fingerprint(db.store)).toBe(before)
    expect((await admin.get(instance(waiting))).body.machine.version).toBe(1)
  })

  it('HR may not migrate, not even as a dry run (403), and nothing is written', async () => {
    const before = await fingerprint(db.store)
    for (const dryRun of [true, false]) {
      const res = await hr.post('/api/v1/machines/rolovergang/migrations', { to: 2, dryRun })
      expectProblem(res, 403, `dryRun ${String(dryRun)}`)
    }
    expect(await fingerprint(db.store)).toBe(before)
  })
})
