import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countSessions } from '../../db/queries/sessions.ts'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'

/** 20,000 on SQLite; fewer on PostgreSQL, whose round trips make each login slower (same code). */
const LOGINS_BY_KIND = { sqlite: 20_000, postgres: 5_000 } as const
const IN_FLIGHT = 16

describe.each(DATABASES)('a flood of logins by one person (%s)', (kind) => {
  const LOGINS = LOGINS_BY_KIND[kind]
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

  it(`ends only that person’s oldest sessions: ${LOGINS} logins later everyone else is still logged in`, async () => {
    const admin = new Browser(app)
    await admin.login(world.adminToken)
    const hr = new Browser(app)
    await hr.login(world.hrToken)

    // One login form, its CSRF pair reused for every attempt, as the attacker did.
    const attacker = new Browser(app)
    await attacker.get('/login')
    const body = new URLSearchParams({ _csrf: attacker.lastCsrf, token: world.memberToken })
    const headers = {
      cookie: `dl_login=${attacker.cookies.get('dl_login')}`,
      'content-type': 'application/x-www-form-urlencoded',
    }
    let next = 0
    let accepted = 0
    const lane = async () => {
      while (next < LOGINS) {
        next++
        const res = await app.request('/login', { method: 'POST', headers, body: body.toString() })
        if (res.status === 303) accepted++
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
    expect(accepted).toBe(LOGINS)

    expect((await admin.get('/admin')).status).toBe(200)
    expect((await hr.get('/transitions')).status).toBe(200)
    // The attacker's own sessions: at most the cap per person.
    expect(await countSessions(db.store.db)).toBe(2 + 10)
  }, 240_000)
})
