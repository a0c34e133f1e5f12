import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ZERO_HASH } from '../../src/engine/hash.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { Client, testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { tamper } from '../support/tamper.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'

describe.each(DATABASES)('the write path on %s', (kind) => {
  let db: TestDatabase
  let admin: Client
  /** HR of both pilot organisations: acts namens them, as admin may not. */
  let hr: Client
  let world: World

  beforeEach(async () => {
    db = await freshDatabase(kind)
    admin = (await testApp(db.store)).admin
    world = await buildWorld(admin)
    hr = admin.as(world.hrToken)
  })
  afterEach(async () => {
    await db.cleanup()
  })

  const events = (id: string) => `/api/v1/instances/${id}/events`
  const ambitie = (organisationId: string, text = 'Meer leraren behouden') => ({
    type: 'ambitie.vastleggen',
    payload: { organisationId, text },
  })

  async function eventCount(): Promise<number> {
    const row = await db.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('links every event to the previous one, starting from the zero hash', async () => {
    await hr.post(events(world.teamId), ambitie(world.orgA))
    await hr.post(events(world.teamId), ambitie(world.orgB))
    const history = await admin.get(events(world.teamId))
    expect(history.status).toBe(200)
    const items = history.body.items as { seq: number; prevHash: string; hash: string }[]
    expect(items.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(items[0]?.prevHash).toBe(ZERO_HASH)
    for (let i = 1; i < items.length; i++) expect(items[i]?.prevHash).toBe(items[i - 1]?.hash)
    const instance = await admin.get(`/api/v1/instances/${world.teamId}`)
    expect(instance.headers.get('etag')).toBe('"3"')
  })

  it('answers a stale If-Match with 412 and the current version, writing nothing', async () => {
    await hr.post(events(world.teamId), ambitie(world.orgA))
    const before = await eventCount()
    const res = await hr.post(events(world.teamId), ambitie(world.orgB), { 'if-match': '"1"' })
    expect(res.status).toBe(412)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.currentVersion).toBe(2)
    expect(await eventCount()).toBe(before)
    const fresh = await hr.post(events(world.teamId), ambitie(world.orgB), { 'if-match': '"2"' })
    expect(fresh.status).toBe(200)
    expect(fresh.body.instance.version).toBe(3)
  })

  it('accepts If-Match: * as "whatever the current version is"', async () => {
    const res = await hr.post(events(world.teamId), ambitie(world.orgA), { 'if-match': '*' })
    expect(res.status).toBe(200)
  })

  it('refuses to add a member who does not exist (422), writing nothing', async () => {
    const before = await eventCount()
    const res = await admin.post(events(world.teamId), {
      type: 'lid.toevoegen',
      payload: { personId: 'pers_bestaat_niet', role: 'leraar', organisationId: world.orgA },
    })
    expect(res.status).toBe(422)
    expect(res.body.blocked.reasons[0]).toMatch(/bestaat niet/)
    expect(await eventCount()).toBe(before)
    const real = await admin.post(events(world.teamId), {
      type: 'lid.toevoegen',
      payload: { personId: world.personA, role: 'coordinator', organisationId: world.orgA },
    })
    expect(real.status).toBe(200)
  })

  it('applies one Idempotency-Key sent 10 times concurrently once, with identical answers', async () => {
    const before = await eventCount()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        hr.post(events(world.teamId), ambitie(world.orgA), { 'idempotency-key': 'key-1' }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200))
    const bodies = new Set(answers.map((a) => JSON.stringify(a.body)))
    expect(bodies.size).toBe(1)
    expect(await eventCount()).toBe(before + 1)
  })

  it('refuses the same Idempotency-Key with another body (422), writing nothing', async () => {
    await hr.post(events(world.teamId), ambitie(world.orgA), { 'idempotency-key': 'key-2' })
    const before = await eventCount()
    const res = await hr.post(events(world.teamId), ambitie(world.orgB), {
      'idempotency-key': 'key-2',
    })
    expect(res.status).toBe(422)
    expect(res.body.detail).toMatch(/Idempotency-Key/)
    expect(await eventCount()).toBe(before)
  })

  it('answers a blocked event with 422 and Dutch reasons naming what is missing, writing nothing', async () => {
    const before = await eventCount()
    const res = await admin.post(events(world.teamId), { type: 'fase.volgende' })
    expect(res.status).toBe(422)
    expect(res.body.blocked.type).toBe('fase.volgende')
    expect(res.body.blocked.reasons.join(' ')).toContain('Esprit Scholen')
    expect(await eventCount()).toBe(before)
  })

  it('refuses UPDATE and DELETE on events in the database itself', async () => {
    await expect(sql`UPDATE events SET type = 'x'`.execute(db.store.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM events`.execute(db.store.db)).rejects.toThrow(/append-only/)
  })

  it('names the instance and seq of an event changed behind the trigger’s back', async () => {
    await hr.post(events(world.teamId), ambitie(world.orgA))
    const clean = await admin.get('/api/v1/audit/verify')
    expect(clean.body.ok).toBe(true)
    await tamper(
      db,
      `UPDATE events SET payload = replace(payload, 'leraren', 'LERAREN') WHERE instance_id = '${world.teamId}' AND seq = 2`,
    )
    const report = await admin.get('/api/v1/audit/verify')
    expect(report.body.ok).toBe(false)
    expect(report.body.breaks).toContainEqual(
      expect.objectContaining({
        instanceId: world.teamId,
        seq: 2,
        reason: expect.stringMatching(/hash/),
      }),
    )
    const one = await admin.get(`/api/v1/audit/verify?instanceId=${world.transitionInstanceId}`)
    expect(one.body).toMatchObject({ ok: true, instances: 1 })
  })

  it('raises no false alarm when verifying while writers append', async () => {
    const writes = Array.from({ length: 40 }, (_, i) =>
      hr.post(events(world.teamId), ambitie(i % 2 ? world.orgA : world.orgB, `ambitie ${i}`)),
    )
    const reports = await Promise.all([
      verifyChains(db.store),
      verifyChains(db.store),
      Promise.all(writes).then(() => verifyChains(db.store)),
    ])
    for (const report of reports) expect(report.breaks).toEqual([])
  })

  it('keeps everything across a restart on the same database', async () => {
    await hr.post(events(world.teamId), ambitie(world.orgA))
    const before = await admin.get(`/api/v1/instances/${world.teamId}`)
    await db.store.destroy()
    db.store = db.open()
    const { admin: again } = await appWithoutNewAdmin(db)
    const after = await again.get(`/api/v1/instances/${world.teamId}`)
    expect(after.status).toBe(200)
    expect(after.body).toEqual(before.body)
    expect((await again.get('/api/v1/audit/verify')).body.ok).toBe(true)
  })
})

async function appWithoutNewAdmin(db: TestDatabase) {
  const { createApp } = await import('../../src/http/app.ts')
  const { ADMIN_SECRET } = await import('../support/app.ts')
  const app = createApp({ store: db.store })
  return { admin: new Client(app, ADMIN_SECRET) }
}
