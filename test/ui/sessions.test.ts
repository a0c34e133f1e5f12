import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { safeReturn } from '../../src/ui/session/guard.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'

describe('where a login may send the browser', () => {
  it.each([
    ['/teams/t_1?tab=2', '/teams/t_1?tab=2'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/\r\nSet-Cookie: x=1', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/x\\y', '/'],
    ['https://evil.example/', '/'],
    ['evil.example', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/pilots/ö', '/pilots/%C3%B6'],
    ['', '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturn(input)).toBe(expected)
  })
})

describe.each(DATABASES)('sessions in the database (%s)', (kind) => {
  let db: TestDatabase
  let world: UiWorld
  let app: App
  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await uiWorld(db.store)
    app = createApp({ store: db.store })
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('keep working across a restart and on a second server on the same database', async () => {
    const browser = new Browser(app)
    await browser.login(world.hrToken)
    expect((await browser.get('/transitions')).status).toBe(200)
    const other = db.open()
    try {
      const second = new Browser(createApp({ store: other }))
      second.cookies.set('dl_session', browser.cookies.get('dl_session') ?? '')
      const page = await second.get('/transitions')
      expect(page.status).toBe(200)
      expect(page.text).toContain('Ingelogd als')
    } finally {
      await other.destroy()
    }
  })

  it('sends a login with a tab, CR or LF in terug home, with no 500', async () => {
    const browser = new Browser(app)
    expect(await browser.login(world.memberToken, '/\t/evil.example')).toBe('/')
    const loggedIn = await browser.get('/login?terug=/%09/evil.example')
    expect(loggedIn.status).toBe(303)
    expect(loggedIn.res.headers.get('location')).toBe('/')
    const crlf = await browser.get('/login?terug=/%0d%0aSet-Cookie:%20x=1')
    expect(crlf.status).toBe(303)
    expect(crlf.res.headers.get('location')).toBe('/')
    const fresh = new Browser(app)
    const form = await fresh.get('/login?terug=%0d%0a')
    expect(form.status).toBe(200)
    expect(await fresh.login(world.memberToken, '\r\n')).toBe('/')
  })

  it('end after the idle time and after the absolute time', async () => {
    let now = Date.now()
    const timed = createApp({
      store: db.store,
      sessions: { now: () => now, idleMs: 60_000, maxAgeMs: 150_000, touchEveryMs: 0 },
    })
    const idle = new Browser(timed)
    await idle.login(world.auditorToken)
    now += 61_000
    const lapsed = await idle.get('/audit')
    expect(lapsed.status).toBe(303)
    expect(lapsed.res.headers.get('location')).toContain('verlopen=1')

    const busy = new Browser(timed)
    await busy.login(world.auditorToken)
    for (let i = 0; i < 3; i++) {
      now += 50_000
      expect((await busy.get('/audit')).status).toBe(i < 2 ? 200 : 303)
    }
  })

  it('lets a person see and end their own sessions, and no one else’s', async () => {
    const laptop = new Browser(app)
    const phone = new Browser(app)
    await laptop.login(world.teacherToken)
    await phone.login(world.teacherToken)
    const list = await laptop.get('/sessies')
    expect(list.status).toBe(200)
    expect(list.text).toContain('(deze sessie)')
    const rows = list.text.split('<tr>').slice(2)
    const idIn = (row: string) =>
      /action="\/sessies\/([0-9a-f]{64})\/beeindigen"/.exec(row)?.[1] ?? ''
    const own = idIn(rows.find((r) => r.includes('(deze sessie)')) ?? '')
    const others = rows.map(idIn).filter((id) => id && id !== own)
    expect(own).toMatch(/^[0-9a-f]{64}$/)
    expect(others.length).toBeGreaterThanOrEqual(1)

    const stranger = new Browser(app)
    await stranger.login(world.memberToken)
    await stranger.get('/sessies')
    expect((await stranger.post(`/sessies/${own}/beeindigen`, {})).status).toBe(404)
    expect((await laptop.get('/transitions')).status).toBe(200)

    for (const id of others) {
      const ended = await laptop.post(`/sessies/${id}/beeindigen`, {})
      expect(ended.res.headers.get('location')).toBe('/sessies?beeindigd=1')
      await laptop.get('/sessies')
    }
    expect((await phone.get('/transitions')).status).toBe(303)
    expect((await laptop.get('/transitions')).status).toBe(200)
    const self = await laptop.post(`/sessies/${own}/beeindigen`, {})
    expect(self.res.headers.get('location')).toBe('/login?uitgelogd=1')
    expect((await laptop.get('/transitions')).status).toBe(303)
  })

  it('ends a person’s sessions at once when the person is erased', async () => {
    const person = await world.admin.post('/api/v1/people', {
      name: 'Wis Mij',
      organisationId: world.orgA,
    })
    const created = await world.admin.post('/api/v1/tokens', {
      name: 'wis',
      role: 'teacher',
      personId: person.body.id,
    })
    const browser = new Browser(app)
    await browser.login(created.body.token)
    expect((await browser.get('/transitions')).status).toBe(200)
    expect((await world.admin.delete(`/api/v1/people/${person.body.id}`)).status).toBe(204)
    const after = await browser.get('/transitions')
    expect(after.status).toBe(303)
    expect(after.res.headers.get('location')).toContain('verlopen=1')
  })
})
