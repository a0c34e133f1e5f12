import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { machineVersions } from '../../machines/index.ts'
import { loadDemo } from '../../src/demo/load-demo.ts'
import type { Inbox } from '../../src/engine/inbox/inbox.service.ts'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { Client, tokenFor } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { decodeEntities } from '../support/html-forms.ts'
import { Browser } from './support/session.ts'
import { idsAndKeysIn, plain } from './transition-v2.text.ts'

// The start page "Te doen" of each role on the demo data: the numbers GET /api/v1/inbox gives,
// each a link to the list behind it, the items linking to their instances, all in Dutch.

const ROLES = ['admin', 'hr', 'member', 'teacher', 'auditor'] as const
type Role = (typeof ROLES)[number] | 'beleid'

/** The tokens as the demo's summary prints them: a line `  <role>  dl_…`. */
function printedTokens(summary: string): Partial<Record<Role, string>> {
  const tokens: Partial<Record<Role, string>> = {}
  for (const match of summary.matchAll(
    /^ {2}(admin|hr|member|teacher|auditor|beleid) +(dl_\S+)$/gm,
  )) {
    tokens[match[1] as Role] = match[2]
  }
  return tokens
}

/** Every event type of every machine version: none may be read on a page. */
const EVENT_KEYS = [...new Set(machineVersions.flatMap((m) => Object.keys(m.events)))]

/** The tiles of a start page: href, number, label. */
function tilesOf(html: string): { href: string; count: number; label: string }[] {
  const tiles = html.matchAll(
    /<a class="inbox-tile[^"]*" href="([^"]*)"><span class="inbox-number">(\d+)<\/span> <span class="inbox-label">([^<]*)<\/span><\/a>/g,
  )
  return [...tiles].map((m) => ({
    href: decodeEntities(m[1] ?? ''),
    count: Number(m[2]),
    label: decodeEntities(m[3] ?? ''),
  }))
}

/** The rows of the first table body of a page. */
const rowsOf = (html: string) =>
  (/<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').split('<tr>').length - 1

describe('the start page "Te doen" on the demo data (sqlite)', () => {
  let db: TestDatabase
  let app: App
  let tokens: Partial<Record<Role, string>>

  const loggedIn = async (token: string) => {
    const browser = new Browser(app)
    expect(await browser.login(token)).toBe('/')
    return browser
  }

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    tokens = printedTokens(await loadDemo(db.store))
    tokens.beleid = await tokenFor(db.store, { name: 'Taskforce (test)', role: 'beleid' })
    app = createApp({ store: db.store, onError: (e) => console.error('unexpected', e) })
  }, 120_000)
  afterAll(async () => {
    await db?.cleanup()
  })

  it.each(ROLES)(
    '%s: the counts of the API as tiles, items linking to their instances, no key or id',
    async (role) => {
      const token = tokens[role] ?? ''
      const api = await new Client(app, token).get<Inbox>('/api/v1/inbox')
      expect(api.status).toBe(200)
      const browser = await loggedIn(token)
      const page = await browser.get('/')
      expect(page.status).toBe(200)
      expect(page.text).toContain('<h1>Te doen</h1>')
      expect(page.text).toMatch(/<a href="\/" aria-current="page">Te doen<\/a>/)

      const tiles = tilesOf(page.text)
      expect(tiles.map((t) => [t.label, t.count])).toEqual(
        api.body.counts.map((c) => [c.label, c.count]),
      )
      for (const tile of tiles) expect((await browser.get(tile.href)).status, tile.href).toBe(200)

      for (const item of api.body.items) {
        const href = `/${item.machine === 'ontwikkelteam' ? 'teams' : 'transitions'}/${item.instanceId}`
        expect(page.text).toContain(`<a href="${href}">`)
        expect((await browser.get(href)).status, href).toBe(200)
      }
      const text = plain(page.text)
      expect(idsAndKeysIn(text)).toEqual([])
      expect(EVENT_KEYS.filter((key) => text.includes(key))).toEqual([])
      expect(text).not.toMatch(/\b(?:inst|pers|org|tok)_[0-9a-z]{10,}/)
      for (const english of ['admin', 'member', 'teacher', 'auditor', 'undefined'])
        expect(text).not.toMatch(new RegExp(`\\b${english}\\b`))
      if (api.body.items.length === 0 && role !== 'auditor')
        expect(text).toContain('Niets te doen: er wacht niets op u.')
    },
  )

  it('links a count of rolovergangen to the list that shows exactly as many', async () => {
    for (const role of ['hr', 'admin', 'teacher'] as const) {
      const token = tokens[role] ?? ''
      const browser = await loggedIn(token)
      const tiles = tilesOf((await browser.get('/')).text)
      const api = (await new Client(app, token).get<Inbox>('/api/v1/inbox')).body
      const exact = ['nieuwe-aanvragen', 'wacht-op-leraar', 'stil-rolovergangen', 'stil', 'lopend']
      for (const count of api.counts) {
        if (count.query['machine'] !== 'rolovergang' || !exact.includes(count.key)) continue
        const tile = tiles.find((t) => t.label === count.label)
        expect(tile?.href, count.key).toMatch(/^\/transitions/)
        const list = await browser.get(
          `${tile?.href}${tile?.href.includes('?') ? '&' : '?'}aantal=100`,
        )
        expect(list.status).toBe(200)
        // "Uw lopende rolovergangen" counts the running ones among all of the teacher's.
        if (count.key === 'lopend') expect(rowsOf(list.text)).toBeGreaterThanOrEqual(count.count)
        else expect(rowsOf(list.text), `${role} ${count.key}`).toBe(count.count)
      }
    }
  })

  it('shows HR what keeps a team from its next phase and what HR can do, in Dutch', async () => {
    const api = (await new Client(app, tokens.hr).get<Inbox>('/api/v1/inbox')).body
    const team = api.items.find((i) => i.machine === 'ontwikkelteam' && i.blockers.length > 0)
    expect(team).toBeDefined()
    const text = plain((await (await loggedIn(tokens.hr ?? '')).get('/')).text)
    expect(text).toContain('Wat de volgende fase tegenhoudt')
    for (const reason of team?.blockers ?? []) expect(text).toContain(reason)
    expect(text).toContain('Wat u nu kunt doen')
    expect(text).toContain('stilgevallen')
    expect(text).toMatch(/Sinds \d{1,2} [a-z]+ \d{4}/)
  })

  it('shows an auditor the audit: no checkpoint yet, one due, no verification', async () => {
    const api = (await new Client(app, tokens.auditor).get<Inbox>('/api/v1/inbox')).body
    const page = await (await loggedIn(tokens.auditor ?? '')).get('/')
    const text = plain(page.text)
    expect(text).toContain('Laatste checkpoint nog nooit')
    expect(text).toContain(
      `Tijd voor een nieuw checkpoint: ${api.audit?.eventsSinceCheckpoint} gebeurtenissen`,
    )
    expect(text).toContain('De hele keten is nog nooit gecontroleerd.')
    expect(page.text).toContain('<a href="/audit/verify">')
    for (const report of api.reports) expect(page.text).toContain(`/rapportages/${report.id}`)
  })

  it('sends beleid on to the reports', async () => {
    const browser = await loggedIn(tokens.beleid ?? '')
    const home = await browser.get('/')
    expect(home.status).toBe(303)
    expect(home.res.headers.get('location')).toBe('/rapportages')
    expect((await browser.get('/rapportages')).text).toMatch(/<a href="\/">Te doen<\/a>/)
  })

  it('says plainly that nothing waits on a member without teams', async () => {
    const admin = new Client(app, tokens.admin)
    const organisations = (await admin.get('/api/v1/organisations')).body.items
    const person = await admin.post('/api/v1/people', {
      name: 'Nog Zonder Team',
      organisationId: organisations[0].id,
    })
    expect(person.status).toBe(201)
    const token = await tokenFor(db.store, {
      name: 'Los',
      role: 'member',
      personId: person.body.id,
    })
    const text = plain((await (await loggedIn(token)).get('/')).text)
    expect(text).toContain('Niets te doen: er wacht niets op u.')
    expect(text).toContain('0 Uw lopende teams')
  })
})
