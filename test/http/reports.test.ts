import { readSheet } from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { REPORTS } from '../../src/reports/run-report.ts'
import type { Client } from '../support/app.ts'
import { testApp, tokenFor } from '../support/app.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'

describe.each(DATABASES)('reports over HTTP on %s', (kind) => {
  let db: TestDatabase
  let admin: Client
  let beleid: Client
  let teacher: Client

  beforeAll(async () => {
    db = await freshDatabase(kind)
    await loadDemo(db.store)
    ;({ admin } = await testApp(db.store))
    beleid = admin.as(await tokenFor(db.store, { name: 'taskforce', role: 'beleid' }))
    const person = await db.store.db
      .selectFrom('transitions')
      .select('person_id')
      .executeTakeFirstOrThrow()
    teacher = admin.as(
      await tokenFor(db.store, { name: 'leraar', role: 'teacher', personId: person.person_id }),
    )
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  it('shows beleid every report with each cell under 5 as "< 5", and never a name or person id', async () => {
    const people = await db.store.db.selectFrom('people').select(['id', 'name']).execute()
    for (const { id } of REPORTS) {
      const res = await beleid.get(`/api/v1/reports/${id}`)
      expect(res.status, id).toBe(200)
      const peopleColumns = new Set(
        res.body.columns
          .filter((c: { people?: boolean }) => c.people)
          .map((c: { key: string }) => c.key),
      )
      for (const row of res.body.rows) {
        for (const [key, cell] of Object.entries(row)) {
          if (peopleColumns.has(key) && typeof cell === 'number') {
            expect(cell, `${id} ${key}`).toBeGreaterThanOrEqual(5)
          }
        }
      }
      const text = JSON.stringify(res.body)
      for (const p of people) {
        expect(text).not.toContain(p.id)
        if (p.name) expect(text).not.toContain(p.name)
      }
    }
    const suppressed = await beleid.get('/api/v1/reports/doorlooptijd-vragen')
    expect(JSON.stringify(suppressed.body)).toContain('"suppressed":true')
    // The same report unsuppressed for an admin: the small numbers are there.
    const full = await admin.get('/api/v1/reports/doorlooptijd-vragen')
    expect(JSON.stringify(full.body)).not.toContain('suppressed')
  })

  it('records every report read, with the role and the filters', async () => {
    await beleid.get('/api/v1/reports/trechter-teams?scenario=1a')
    const reads = await db.store.db
      .selectFrom('report_reads')
      .selectAll()
      .where('role', '=', 'beleid')
      .execute()
    expect(
      reads.some((r) => r.report === 'trechter-teams' && JSON.parse(r.filters).scenario === '1a'),
    ).toBe(true)
    const listed = (await admin.get('/api/v1/audit/report-reads?limit=500')).body.items
    expect(
      listed.some(
        (r: { role: string; report: string }) =>
          r.role === 'beleid' && r.report === 'trechter-teams',
      ),
    ).toBe(true)
    expect((await beleid.get('/api/v1/audit/report-reads')).status).toBe(403)
  })

  it('refuses a teacher, and bad filters, with a Dutch problem and nothing recorded', async () => {
    const before = (await db.store.db.selectFrom('report_reads').select('id').execute()).length
    const refused = await teacher.get('/api/v1/reports/trechter-teams')
    expect(refused.status).toBe(403)
    expect(refused.body.detail).toMatch(/leraar/)
    for (const [query, status, text] of [
      ['doorlooptijd-vragen?van=2026-05-01&tot=2026-01-01', 400, /achterstevoren/],
      ['doorlooptijd-vragen?scenario=1a', 400, /kent geen filter op scenario/],
      ['rolovergangen?per=kleur', 400, /Onbekende indeling/],
      ['budget?machineVersion=3', 400, /versie/],
      ['budget?van=gisteren', 400, /JJJJ-MM-DD/],
      ['budget?organisationId=org_bestaatniet', 400, /bestaat niet/],
      ['budget?format=pdf', 400, /formaat/],
      ['bestaatniet', 404, /Rapport/],
    ] as const) {
      const res = await admin.get(`/api/v1/reports/${query}`)
      expect(res.status, query).toBe(status)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(JSON.stringify(res.body), query).toMatch(text)
    }
    expect((await db.store.db.selectFrom('report_reads').select('id').execute()).length).toBe(
      before,
    )
  })

  it('downloads as CSV for Dutch Excel and as XLSX', async () => {
    const csv = await admin.app.request('/api/v1/reports/doorlooptijd-vragen?format=csv', {
      headers: { authorization: `Bearer ${admin.token}` },
    })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="doorlopend-doorlooptijd-vragen-\d{4}-\d{2}-\d{2}\.csv"/,
    )
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.split('\r\n')[0]).toBe(
      'Onderdeel;Afgerond;Mediaan (dagen);Eerste kwartiel (dagen);Derde kwartiel (dagen);Staat nog open;Wacht nu al (mediaan, dagen)',
    )

    const xlsx = await admin.app.request('/api/v1/reports/trechter-rolovergangen?format=xlsx', {
      headers: { authorization: `Bearer ${admin.token}` },
    })
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const rows = await readSheet(Buffer.from(await xlsx.arrayBuffer()))
    const json = (await admin.get('/api/v1/reports/trechter-rolovergangen')).body
    expect(rows[0]).toEqual(json.columns.map((c: { label: string }) => c.label))
    expect(rows.slice(1).map((r) => r[1])).toEqual(
      json.rows.map((r: Record<string, unknown>) => r['aantal']),
    )
  })
})
