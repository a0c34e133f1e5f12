import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { createApp } from '../../src/http/app.ts'
import type { App } from '../../src/http/app.ts'
import { Client } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { decodeEntities } from '../support/html-forms.ts'
import { Browser } from './support/session.ts'
import { idsAndKeysIn, plain } from './transition-v2.text.ts'

// The transitions list searches, filters, sorts and pages on the server: what it shows, page
// after page, is what GET /api/v1/instances gives for the same query.

type Role = 'admin' | 'hr' | 'teacher'

function printedTokens(summary: string): Partial<Record<Role, string>> {
  const tokens: Partial<Record<Role, string>> = {}
  for (const match of summary.matchAll(/^ {2}(admin|hr|teacher) +(dl_\S+)$/gm)) {
    tokens[match[1] as Role] = match[2]
  }
  return tokens
}

/** The instances the table lists, in its order. */
const idsOf = (html: string) => {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<a href="\/transitions\/([^"#?]+)">/g)].map((m) => m[1] ?? '')
}

const nextOf = (html: string) => {
  const found = /<a href="([^"]*)">Volgende pagina<\/a>/.exec(html)?.[1]
  return found ? decodeEntities(found) : null
}

describe('the transitions list on the demo data (sqlite)', () => {
  let db: TestDatabase
  let app: App
  let tokens: Partial<Record<Role, string>>
  const browsers = new Map<Role, Browser>()

  const ui = async (role: Role, path: string) => {
    let browser = browsers.get(role)
    if (!browser) {
      browser = new Browser(app)
      await browser.login(tokens[role] ?? '')
      browsers.set(role, browser)
    }
    return browser.get(path)
  }
  /** The ids GET /api/v1/instances lists for this query (one page of up to 500). */
  const api = async (role: Role, query: string) => {
    const res = await new Client(app, tokens[role]).get(
      `/api/v1/instances?machine=rolovergang&limit=500${query ? `&${query}` : ''}`,
    )
    expect(res.status, query).toBe(200)
    return (res.body.items as { id: string }[]).map((i) => i.id)
  }

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    tokens = printedTokens(await loadDemo(db.store))
    app = createApp({ store: db.store, onError: (e) => console.error('unexpected', e) })
  }, 120_000)
  afterAll(async () => {
    await db?.cleanup()
  })

  it('searches by role, and for HR by the teacher’s name', async () => {
    const all = await api('admin', '')
    const coach = await ui('admin', '/transitions?q=coach')
    expect(coach.status).toBe(200)
    expect(idsOf(coach.text).sort()).toEqual((await api('admin', 'q=coach')).sort())
    expect(idsOf(coach.text).length).toBeGreaterThan(0)
    expect(idsOf(coach.text).length).toBeLessThan(all.length)
    expect(coach.text).toMatch(/<input type="text" value="coach"/)

    const noor = await ui('hr', '/transitions?q=Noor')
    expect(idsOf(noor.text).sort()).toEqual((await api('hr', 'q=Noor')).sort())
    expect(idsOf(noor.text).length).toBeGreaterThan(0)
    expect(plain(noor.text)).toContain('Noor Bakker')
  })

  it('filters on the server, each filter as the API’s', async () => {
    const cases: [string, string][] = [
      ['status=afgerond', 'status=afgerond'],
      ['fase=aangevraagd', 'state=aangevraagd'],
      ['fase=lopend&wacht=hr', 'state=lopend&waitingOn=hr'],
      ['stil=ja', 'stalled=true'],
      ['stil=nee', 'stalled=false'],
    ]
    for (const [uiQuery, apiQuery] of cases) {
      const page = await ui('admin', `/transitions?${uiQuery}`)
      expect(page.status, uiQuery).toBe(200)
      expect(idsOf(page.text).sort(), uiQuery).toEqual((await api('admin', apiQuery)).sort())
    }
    const organisations = (await new Client(app, tokens.admin).get('/api/v1/organisations')).body
      .items as { id: string; parentId: string | null }[]
    const bestuur = organisations.find((o) => organisations.some((x) => x.parentId === o.id))
    const page = await ui('admin', `/transitions?organisatie=${bestuur?.id}`)
    const expected = await api('admin', `organisationId=${bestuur?.id}`)
    expect(idsOf(page.text).sort()).toEqual(expected.sort())
    expect(expected.length).toBeGreaterThan(0)
    expect(page.text).toContain(`<option value="${bestuur?.id}" selected="">`)
  })

  it('sorts by a column header, with aria-sort, and toggles the direction', async () => {
    const first = await ui('admin', '/transitions')
    expect(first.text).not.toContain('aria-sort')
    const byLast = /<th scope="col"><a href="([^"]*)">Laatste stap/.exec(first.text)?.[1]
    expect(decodeEntities(byLast ?? '')).toBe('/transitions?sortering=laatst')

    const up = await ui('admin', '/transitions?sortering=laatst')
    expect(idsOf(up.text)).toEqual(await api('admin', 'sort=laatst'))
    expect(up.text).toMatch(
      /<th scope="col" aria-sort="ascending"><a href="[^"]*sortering=-laatst"/,
    )

    const down = await ui('admin', '/transitions?sortering=-laatst')
    expect(idsOf(down.text)).toEqual(await api('admin', 'sort=-laatst'))
    expect(down.text).toMatch(
      /<th scope="col" aria-sort="descending"><a href="[^"]*sortering=laatst"/,
    )
    expect(idsOf(down.text)).not.toEqual(idsOf(up.text))

    const byRole = await ui('hr', '/transitions?sortering=titel&status=actief')
    expect(idsOf(byRole.text)).toEqual(await api('hr', 'sort=titel&status=actief'))
  })

  it('pages through everything with "Volgende pagina": the same set as the API, once each', async () => {
    for (const [uiQuery, apiQuery] of [
      ['aantal=3', ''],
      ['aantal=2&sortering=-begonnen', 'sort=-begonnen'],
      ['aantal=2&stil=nee&sortering=titel', 'stalled=false&sort=titel'],
    ] as const) {
      const seen: string[] = []
      let path: string | null = `/transitions?${uiQuery}`
      let pages = 0
      while (path && pages < 50) {
        const page = await ui('admin', path)
        expect(page.status, path).toBe(200)
        seen.push(...idsOf(page.text))
        path = nextOf(page.text)
        pages++
      }
      const expected = await api('admin', apiQuery)
      expect(pages).toBeGreaterThan(1)
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toEqual(expected)
    }
  })

  it('shows a teacher only her own, searchable, with nothing but Dutch', async () => {
    const page = await ui('teacher', '/transitions')
    expect(idsOf(page.text).sort()).toEqual((await api('teacher', '')).sort())
    const text = plain(page.text)
    expect(idsAndKeysIn(text)).toEqual([])
    expect(text).toContain('U (de leraar)')
    const search = await ui('teacher', '/transitions?q=teamleider')
    expect(idsOf(search.text).sort()).toEqual((await api('teacher', 'q=teamleider')).sort())
    expect(idsOf(search.text)).toHaveLength(1)
  })

  it('answers an unknown filter value with the same page, the problem beside the field, 400', async () => {
    const bad = await ui('admin', '/transitions?status=verzonnen&wacht=niemand')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('<h1>Rolovergangen</h1>')
    expect(bad.text).toContain('id="status-fout"')
    expect(bad.text).toMatch(/aria-describedby="status-fout" aria-invalid="true"/)
    expect(plain(bad.text)).toContain('Fout: Kies een status uit de lijst.')
    expect(plain(bad.text)).toContain('Fout: Kies op wie de rolovergang wacht.')
    expect(idsOf(bad.text)).toEqual([])

    for (const query of [
      'sortering=prijs',
      'aantal=0',
      'aantal=veel',
      'organisatie=org_bestaat-niet',
      'fase=onbekend',
      'stil=misschien',
      `q=${'x'.repeat(101)}`,
      'sortering=titel&na=beschadigd',
    ]) {
      const res = await ui('admin', `/transitions?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.text, query).toContain('Controleer de filters hieronder.')
    }
    // A bad sort is not carried on by the form; a good one is.
    expect((await ui('admin', '/transitions?sortering=prijs')).text).not.toContain('value="prijs"')
    expect((await ui('admin', '/transitions?sortering=-titel')).text).toContain(
      '<input type="hidden" name="sortering" value="-titel"/>',
    )
  })
})
