import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, tokenFor } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { expectProblem } from './http.helpers.ts'

describe.each(DATABASES)('If-None-Match on instance reads (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let hr: Client
  let world: World
  let instance: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    hr = admin.as(world.hrToken)
    instance = `/api/v1/instances/${world.transitionInstanceId}`
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  it('GET /instances/:id → 304 without a body while If-None-Match names its version', async () => {
    const first = await admin.get(instance)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toBe(`"${first.body.version}"`)
    for (const ifNoneMatch of [etag, `W/${etag}`, `"999", ${etag}`, '*']) {
      const res = await admin.get(instance, { 'if-none-match': ifNoneMatch })
      expect(res.status, ifNoneMatch).toBe(304)
      expect(res.body, ifNoneMatch).toBeNull()
      expect(res.headers.get('etag'), ifNoneMatch).toBe(etag)
    }
    const other = await admin.get(instance, { 'if-none-match': `"${first.body.version + 1}"` })
    expect(other.status).toBe(200)
    expect(other.body.id).toBe(world.transitionInstanceId)
  })

  it('after an event the old ETag gets the new instance, 200', async () => {
    const before = await admin.get(instance)
    const posted = await hr.post(`${instance}/events`, { type: 'behandeling.starten' })
    expect(posted.status, JSON.stringify(posted.body)).toBe(200)
    const after = await admin.get(instance, { 'if-none-match': before.headers.get('etag') ?? '' })
    expect(after.status).toBe(200)
    expect(after.body.version).toBe(before.body.version + 1)
    expect(after.headers.get('etag')).toBe(`"${after.body.version}"`)
  })

  it('a token that may not read the instance gets 404 (or 401), never a 304', async () => {
    const etag = (await admin.get(instance)).headers.get('etag') ?? ''
    const stranger = await tokenFor(db.store, {
      name: 'leraar elders',
      role: 'teacher',
      personId: world.personB,
    })
    for (const path of [instance, `${instance}/events`]) {
      expectProblem(await admin.as(stranger).get(path, { 'if-none-match': '*' }), 404, path)
      expectProblem(await admin.as(undefined).get(path, { 'if-none-match': etag }), 401, path)
    }
  })

  it('GET /instances/:id/events: an ETag per page, 304 while the page is the same', async () => {
    const page = await admin.get(`${instance}/events?limit=1`)
    const etag = page.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const again = await admin.get(`${instance}/events?limit=1`, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
    expect(again.headers.get('etag')).toBe(etag)

    // A new event leaves the first page of one event as it was, and changes the whole history.
    const whole = await admin.get(`${instance}/events`)
    const posted = await admin.post(`${instance}/events`, {
      type: 'facilitering.afspreken',
      payload: { hoursPerYear: 40, budgetSource: 'school', agreedBy: 'De schoolleiding' },
    })
    expect(posted.status, JSON.stringify(posted.body)).toBe(200)
    const firstPage = await admin.get(`${instance}/events?limit=1`, { 'if-none-match': etag })
    expect(firstPage.status).toBe(304)
    const history = await admin.get(`${instance}/events`, {
      'if-none-match': whole.headers.get('etag') ?? '',
    })
    expect(history.status).toBe(200)
    expect(history.body.items.length).toBe(whole.body.items.length + 1)
  })

  it('a history page changes its ETag when an actor is erased, though no event was added', async () => {
    const before = await admin.get(`${instance}/events`)
    const byHr = before.body.items.find(
      (e: { actor: { personId: string | null } }) => e.actor.personId === world.hrPerson,
    )
    expect(byHr?.actor.name).toBe('Hanna Hofman')
    expect((await admin.delete(`/api/v1/people/${world.hrPerson}`)).status).toBe(204)
    const after = await admin.get(`${instance}/events`, {
      'if-none-match': before.headers.get('etag') ?? '',
    })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    const erased = after.body.items.find((e: { seq: number }) => e.seq === byHr.seq)
    expect(erased.actor).toMatchObject({ name: null, erased: true })
  })
})
