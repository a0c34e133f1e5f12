import { readSheet } from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import type { App } from '../../src/http/app.ts'
import { formatCell } from '../../src/reports/format-cell.ts'
import type { ColumnKind, ReportCell } from '../../src/reports/report-table.ts'
import { REPORTS } from '../../src/reports/run-report.ts'
import type { Client } from '../support/app.ts'
import { testApp, tokenFor } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { Browser } from './support/session.ts'

// The reports pages on the demo data: the same reports as the API, as a page with a filter form,
// a chart and a table, and as CSV and XLSX downloads; for beleid with "< 5" for small cells.

interface ApiTable {
  title: string
  columns: { key: string; label: string; kind: ColumnKind }[]
  rows: Record<string, ReportCell>[]
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' }

/** Text without its tags, as the reader sees it. */
const decode = (text: string) =>
  text
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity, name: string) => ENTITIES[name] ?? entity)
    .trim()

/** The report table of a page: header labels and the text of every body cell. */
function tableOf(page: string): { header: string[]; rows: string[][] } | null {
  const table = /<table class="report-table">([\s\S]*?)<\/table>/.exec(page)?.[1]
  if (!table) return null
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
  const rowsOf = (part: string) =>
    [...part.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => cells(r[1] ?? '').map((c) => c[1]))
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? ''
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? ''
  return {
    header: (rowsOf(head)[0] ?? []).map((c) => decode(c ?? '')),
    rows: rowsOf(body).map((r) => r.map((c) => decode(c ?? ''))),
  }
}

/** The page's visible text: no tags, no attribute values. */
const visibleText = (page: string) => decode(page.replace(/<(script|style)[\s\S]*?<\/\1>/g, ''))

describe.each(DATABASES)('the reports pages (%s)', (kind) => {
  let db: TestDatabase
  let app: App
  let beleidApi: Client
  let beleid: Browser
  let adminPages: Browser
  let teacherToken: string

  beforeAll(async () => {
    db = await freshDatabase(kind)
    await loadDemo(db.store)
    const { admin } = await testApp(db.store)
    app = admin.app
    const beleidToken = await tokenFor(db.store, { name: 'taskforce', role: 'beleid' })
    beleidApi = admin.as(beleidToken)
    beleid = new Browser(app)
    await beleid.login(beleidToken)
    adminPages = new Browser(app)
    await adminPages.login(admin.token ?? '')
    const { person_id: personId } = await db.store.db
      .selectFrom('transitions')
      .select('person_id')
      .executeTakeFirstOrThrow()
    teacherToken = await tokenFor(db.store, { name: 'leraar', role: 'teacher', personId })
  }, 180_000)
  afterAll(async () => {
    await db?.cleanup()
  })

  /** A download through the session, as the bytes it sent (a BOM stays a BOM). */
  async function download(browser: Browser, path: string) {
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await app.request(path, { headers: { cookie } })
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  it('lists every report with its summary and a link, and tells beleid about "< 5"', async () => {
    const page = await beleid.get('/rapportages')
    expect(page.status).toBe(200)
    for (const report of REPORTS) {
      expect(page.text).toContain(`<a href="/rapportages/${report.id}">${report.title}</a>`)
      expect(visibleText(page.text)).toContain(report.summary)
    }
    expect(visibleText(page.text)).toContain(
      'elke cel van minder dan 5 personen staat er als “< 5”',
    )
    const forAdmin = await adminPages.get('/rapportages')
    expect(forAdmin.status).toBe(200)
    expect(visibleText(forAdmin.text)).not.toContain('< 5')
  })

  it('offers only the filters a report takes, filled in as asked', async () => {
    const teams = await beleid.get('/rapportages/trechter-teams?scenario=1a&machineVersion=2')
    expect(teams.status).toBe(200)
    expect(teams.text).toMatch(/<fieldset><legend>Filters<\/legend>/)
    for (const name of ['van', 'tot', 'organisationId', 'scenario', 'machineVersion'])
      expect(teams.text).toContain(`name="${name}"`)
    expect(teams.text).not.toContain('name="per"')
    expect(teams.text).toContain('<label for="filter-van">Van</label>')
    expect(teams.text).toContain('<label for="filter-tot">Tot en met</label>')
    expect(teams.text).toContain('<option value="" selected="">Alle organisaties</option>')
    expect(teams.text).toContain('Een bestuur telt met zijn scholen.')
    expect(teams.text).toContain(
      '<option value="1a" selected="">1a — ontwikkelteam binnen één opleidingsschool</option>',
    )
    expect(teams.text).toContain('<option value="2" selected="">Versie 2</option>')
    expect(teams.text).toContain('<button type="submit" class="button">Toon</button>')

    const transitions = await beleid.get('/rapportages/rolovergangen?per=loopbaanpad')
    expect(transitions.status).toBe(200)
    expect(transitions.text).not.toContain('name="scenario"')
    expect(transitions.text).toContain(
      '<option value="loopbaanpad" selected="">Loopbaanpad</option>',
    )
    expect(transitions.text).toContain('<option value="rol">Nieuwe rol</option>')
    // The report itself: title, chart in a figure with a caption, then the table.
    expect(transitions.text).toMatch(/<h2 id="rapport-titel">Rolovergangen en hun vervolg per/)
    expect(transitions.text).toMatch(/<figure class="report-figure"><svg[\s\S]*<\/svg><figcaption>/)
    expect(transitions.text).toMatch(/<caption id="[^"]+">De getallen: /)
    expect(transitions.text).toContain('<th scope="col" class="num">')
    expect(transitions.text).toMatch(/<th scope="row">/)
  })

  it('shows in its table the same numbers as the API, for the same query', async () => {
    const bestuur = await db.store.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'bestuur')
      .executeTakeFirstOrThrow()
    const queries = [
      ...REPORTS.map((r) => `${r.id}?`),
      'trechter-teams?scenario=1b',
      `doorlooptijd-fasen?organisationId=${bestuur.id}`,
      'rolovergangen?per=rol&van=2025-01-01&tot=2026-12-31',
      'budget?per=scenario&machineVersion=1',
    ]
    let compared = 0
    for (const query of queries) {
      const [id, filters = ''] = query.split('?')
      const api = await beleidApi.get<ApiTable>(`/api/v1/reports/${id}?${filters}`)
      expect(api.status, query).toBe(200)
      const page = await beleid.get(`/rapportages/${id}?${filters}`)
      expect(page.status, query).toBe(200)
      expect(page.text).toContain(api.body.title)
      const shown = tableOf(page.text)
      if (api.body.rows.length === 0) {
        expect(shown, query).toBeNull()
        continue
      }
      expect(shown?.header, query).toEqual(api.body.columns.map((c) => c.label))
      expect(shown?.rows, query).toEqual(
        api.body.rows.map((row) =>
          api.body.columns.map((c) => formatCell(row[c.key] ?? null, c.kind)),
        ),
      )
      compared += api.body.rows.length
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('shows beleid "< 5" where a cell has fewer than 5 people, and an admin the number', async () => {
    const forBeleid = await beleid.get('/rapportages/doorlooptijd-vragen')
    const cells = tableOf(forBeleid.text)?.rows.flat() ?? []
    expect(cells).toContain('< 5')
    expect(visibleText(forBeleid.text)).toContain(
      'Cellen met minder dan 5 personen staan er als “< 5”: zo is geen leraar herkenbaar.',
    )
    const forAdmin = await adminPages.get('/rapportages/doorlooptijd-vragen')
    expect(tableOf(forAdmin.text)?.rows.flat()).not.toContain('< 5')
    expect(visibleText(forAdmin.text)).not.toContain('< 5')
  })

  it('downloads the same report as CSV for Dutch Excel and as XLSX', async () => {
    const page = await beleid.get('/rapportages/trechter-rolovergangen?machineVersion=2')
    const csvHref = /<a href="([^"]+)" download="">Download als CSV \(Excel\)<\/a>/.exec(page.text)
    const xlsxHref =
      /<a href="([^"]+)" download="">Download als Excel-bestand \(\.xlsx\)<\/a>/.exec(page.text)
    const csvPath = decode(csvHref?.[1] ?? '')
    expect(csvPath).toBe('/rapportages/trechter-rolovergangen?machineVersion=2&format=csv')
    const csv = await download(beleid, csvPath)
    expect(csv.res.status).toBe(200)
    expect(csv.res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="doorlopend-trechter-rolovergangen-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const api = await beleidApi.get<ApiTable>(
      '/api/v1/reports/trechter-rolovergangen?machineVersion=2',
    )
    const lines = new TextDecoder().decode(csv.bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe(api.body.columns.map((c) => c.label).join(';'))
    expect(lines).toHaveLength(api.body.rows.length + 2)

    const xlsx = await download(beleid, decode(xlsxHref?.[1] ?? ''))
    expect(xlsx.res.status).toBe(200)
    expect(xlsx.res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(xlsx.res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="doorlopend-trechter-rolovergangen-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    )
    const sheet = await readSheet(Buffer.from(xlsx.bytes))
    expect(sheet[0]).toEqual(api.body.columns.map((c) => c.label))
    expect(sheet).toHaveLength(api.body.rows.length + 1)
  })

  it('answers bad filters with 400: the form as sent, the message beside the field, no report', async () => {
    const reads = async () =>
      (await db.store.db.selectFrom('report_reads').select('id').execute()).length
    const before = await reads()
    const cases = [
      [
        'doorlooptijd-fasen?van=2026-05-01&tot=2026-01-01',
        'van',
        'Kies een begindatum op of vóór de einddatum.',
      ],
      [
        'trechter-teams?organisationId=org_bestaatniet',
        'organisationId',
        'Kies een bestaande organisatie.',
      ],
      ['trechter-teams?scenario=9z', 'scenario', 'Kies een scenario uit de lijst.'],
      ['budget?machineVersion=3', 'machineVersion', 'Kies versie 1 of 2 van de definitie.'],
      ['budget?tot=gisteren', 'tot', 'Vul een geldige einddatum in (JJJJ-MM-DD).'],
      ['rolovergangen?per=kleur', 'per', 'Kies uit: Domein, Loopbaanpad, Nieuwe rol.'],
    ] as const
    for (const [query, field, message] of cases) {
      const page = await beleid.get(`/rapportages/${query}`)
      expect(page.status, query).toBe(400)
      expect(page.text, query).toContain(
        `<p class="field-error" id="filter-${field}-fout"><span class="visually-hidden">Fout: </span>${message}</p>`,
      )
      const control = new RegExp(`<(input|select)[^>]*id="filter-${field}"[^>]*>`).exec(
        page.text,
      )?.[0]
      expect(control, query).toMatch(new RegExp(`aria-describedby="([^"]* )?filter-${field}-fout"`))
      expect(control, query).toContain('aria-invalid="true"')
      expect(page.text, query).toContain('role="alert"')
      expect(page.text, query).not.toMatch(/<table|<figure|Download als/)
    }
    const inverted = await beleid.get(`/rapportages/${cases[0][0]}`)
    expect(inverted.text).toContain('<input type="date" value="2026-05-01" id="filter-van"')
    expect(inverted.text).toContain('value="2026-01-01" id="filter-tot"')
    // A filter this report does not take has no field: its message stands above the form.
    const foreign = await beleid.get('/rapportages/doorlooptijd-vragen?scenario=1a')
    expect(foreign.status).toBe(400)
    expect(visibleText(foreign.text)).toContain('Laat dit filter weg')
    expect(foreign.text).not.toContain('<table')
    // Nothing of these was recorded as read.
    expect(await reads()).toBe(before)
  })

  it('refuses a role without report.read with 403, and answers an unknown report with 404', async () => {
    const teacher = new Browser(app)
    await teacher.login(teacherToken)
    const refused = await teacher.get('/rapportages/trechter-teams')
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('Als Leraar kunt u deze pagina niet gebruiken.')
    expect((await teacher.get('/rapportages')).status).toBe(403)
    const missing = await beleid.get('/rapportages/bestaatniet')
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('Niet gevonden')
  })

  it('shows beleid no person’s name or id on any page, and no role or report id', async () => {
    const people = await db.store.db.selectFrom('people').select(['id', 'name']).execute()
    expect(people.length).toBeGreaterThan(10)
    const paths = [
      '/rapportages',
      ...REPORTS.map((r) => `/rapportages/${r.id}`),
      ...REPORTS.filter((r) => r.per).flatMap((r) =>
        Object.keys(r.per ?? {}).map((per) => `/rapportages/${r.id}?per=${per}`),
      ),
      '/rapportages/doorlooptijd-fasen?van=2026-05-01&tot=2026-01-01',
    ]
    for (const path of paths) {
      const page = await beleid.get(path)
      expect([200, 400], path).toContain(page.status)
      const text = visibleText(page.text)
      for (const p of people) {
        expect(page.text, path).not.toContain(p.id)
        if (p.name) expect(text, `${path}: ${p.name}`).not.toContain(p.name)
      }
      expect(text, path).not.toMatch(/\bbeleid\b/)
      // Ids that are no Dutch words ("budget" and "rolovergangen" are).
      for (const r of REPORTS.filter((r) => r.id.includes('-')))
        expect(text, path).not.toContain(r.id)
    }
  })
})
