import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { fingerprint } from '../http/http.helpers.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'

// A form's `type` comes from the client: a name that every plain object has (its prototype's
// keys) is an unknown event like any other, never a definition.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']

describe.each(DATABASES)('an unknown event type in a UI form (%s)', (kind) => {
  let db: TestDatabase
  let world: UiWorld

  beforeAll(async () => {
    db = await freshDatabase(kind)
    world = await uiWorld(db.store)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  /** The database without its access log (showing a page logs the names it reads). */
  async function stored() {
    const all = JSON.parse(await fingerprint(db.store)) as { counts: Record<string, number> }
    delete all.counts['access_log']
    return all
  }

  /** Logs in, opens `path` and posts its event form with `type`; what is stored is compared. */
  async function formPost(token: string, path: string, type: string) {
    const browser = new Browser(world.admin.app)
    await browser.login(token)
    const page = await browser.get(path)
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? ''
    const before = await stored()
    const res = await browser.post(`${path}/events`, { type, version, 'payload.text': 'Iets.' })
    return { ...res, unchanged: JSON.stringify(await stored()) === JSON.stringify(before) }
  }

  it.each([...PROTOTYPE_KEYS, 'bestaat.niet'])(
    'answers the team page with 400 and “Onbekende gebeurtenis” for type %s, and records nothing',
    async (type) => {
      const res = await formPost(world.memberToken, `/teams/${world.teamId}`, type)
      expect(res.status).toBe(400)
      expect(res.text).toContain('Onbekende gebeurtenis')
      // The team page itself, with its forms, not an error page.
      expect(res.text).toContain('Wat kunt u nu doen?')
      expect(res.text).toContain('id="form-relatie-vastleggen"')
      expect(res.unchanged).toBe(true)
    },
  )

  it.each(PROTOTYPE_KEYS)(
    'answers the transition page with 400 and “Onbekende gebeurtenis” for type %s',
    async (type) => {
      const res = await formPost(world.hrToken, `/transitions/${world.transitionInstanceId}`, type)
      expect(res.status).toBe(400)
      expect(res.text).toContain('Onbekende gebeurtenis')
      expect(res.text).toContain('Rolovergang naar')
      expect(res.unchanged).toBe(true)
    },
  )
})
