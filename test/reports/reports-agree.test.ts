import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plannedBudgetCents } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import { phases } from '../../machines/vocabulary.ts'
import type { Principal } from '../../src/access/principal.ts'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { runReport } from '../../src/reports/run-report.ts'
import type { ReportTable } from '../../src/reports/report-table.ts'
import { auditedHistory } from '../audit/world.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'
import {
  dayOfRecord,
  nearestRank,
  oracleInstances,
  waitedDays,
  type OracleInstance,
} from './report-oracle.ts'

const ADMIN: Principal = {
  tokenId: 'tok_report-admin',
  role: 'admin',
  personId: null,
  organisationIds: null,
}
const QUESTIONS = ['aangevraagd', 'toegang', 'ondersteuning', 'facilitering', 'erkenning']

const column = (table: ReportTable, key: string) => table.rows.map((r) => r[key])

describe.each(DATABASES)('reports agree with the history on %s', (kind) => {
  let db: TestDatabase
  let all: OracleInstance[]
  let bestuur: { id: string; schools: string[] }
  const today = dayOfRecord(new Date().toISOString())

  beforeAll(async () => {
    db = await freshDatabase(kind)
    await loadDemo(db.store)
    await auditedHistory(db.store, 4)
    all = await oracleInstances(db.store)
    const orgs = await db.store.db.selectFrom('organisations').selectAll().execute()
    const parent = orgs.find((o) => orgs.some((c) => c.parent_id === o.id))!
    bestuur = {
      id: parent.id,
      schools: [parent.id, ...orgs.filter((o) => o.parent_id === parent.id).map((o) => o.id)],
    }
  }, 240_000)
  afterAll(async () => {
    await db.cleanup()
  })

  const report = (id: string, query: Record<string, string> = {}) =>
    runReport(db.store, ADMIN, id, query)
  const ofMachine = (machine: string, keep: (i: OracleInstance) => boolean = () => true) =>
    all.filter((i) => i.machine === machine && keep(i))
  const inBestuur = (i: OracleInstance) =>
    i.organisationIds.some((o) => bestuur.schools.includes(o))

  for (const [id, machine, parts] of [
    ['doorlooptijd-fasen', 'ontwikkelteam', phases],
    ['doorlooptijd-vragen', 'rolovergang', QUESTIONS],
  ] as const) {
    it(`${id}: counts, medians, quartiles and waits as the events say`, async () => {
      for (const [query, keep] of [
        [{}, () => true],
        [{ organisationId: bestuur.id }, inBestuur],
      ] as const) {
        const table = await report(id, query)
        const instances = ofMachine(machine, keep)
        const closed = (part: string) =>
          instances.flatMap((i) => i.closed.filter((c) => c.part === part).map((c) => c.days))
        const waits = (part: string) =>
          instances
            .filter((i) => i.status === 'actief' || i.status === 'gepauzeerd')
            .flatMap((i) =>
              i.open.filter((o) => o.part === part).map((o) => waitedDays(o.entered, today)),
            )
        expect(column(table, 'afgerond')).toEqual(parts.map((p) => closed(p).length))
        expect(column(table, 'mediaan')).toEqual(parts.map((p) => nearestRank(closed(p), 0.5)))
        expect(column(table, 'kwartiel1')).toEqual(parts.map((p) => nearestRank(closed(p), 0.25)))
        expect(column(table, 'kwartiel3')).toEqual(parts.map((p) => nearestRank(closed(p), 0.75)))
        expect(column(table, 'open')).toEqual(parts.map((p) => waits(p).length))
        expect(column(table, 'wachtMediaan')).toEqual(parts.map((p) => nearestRank(waits(p), 0.5)))
      }
      expect((await report(id)).rows.some((r) => (r['afgerond'] as number) > 0)).toBe(true)
    })
  }

  it('trechter-teams: phases reached, finished, stopped, paused and renewed', async () => {
    const table = await report('trechter-teams')
    const teams = ofMachine('ontwikkelteam')
    expect(column(table, 'aantal')).toEqual([
      ...phases.map((p) => teams.filter((t) => t.reached.has(p)).length),
      teams.filter((t) => t.status === 'afgerond').length,
      teams.filter((t) => t.status === 'gestopt').length,
      teams.filter((t) => t.status === 'gepauzeerd').length,
      teams.filter((t) => (t.context['cycle'] ?? 1) > 1).length,
    ])
  })

  it('trechter-rolovergangen: asked, taken up, running and how they ended, within a period', async () => {
    const from = [...ofMachine('rolovergang').map((t) => t.startedOn)].sort()[3]!
    const table = await report('trechter-rolovergangen', { van: from })
    const ts = ofMachine('rolovergang', (t) => t.startedOn >= from)
    expect(column(table, 'aantal')).toEqual([
      ts.length,
      ts.filter((t) => t.reached.has('toegang')).length,
      ts.filter((t) => typeof t.value === 'object' && t.value !== null && 'lopend' in t.value)
        .length,
      ts.filter((t) => t.status === 'afgerond').length,
      ts.filter((t) => t.status === 'afgewezen').length,
      ts.filter((t) => t.status === 'ingetrokken').length,
    ])
  })

  it('rolovergangen per domein and per loopbaanpad: totals, statuses and outcomes', async () => {
    for (const [per, field] of [
      ['domein', 'domain'],
      ['loopbaanpad', 'careerPath'],
    ] as const) {
      const table = await report('rolovergangen', { per })
      const ts = ofMachine('rolovergang')
      const groups = new Map<string, OracleInstance[]>()
      for (const t of ts) groups.set(t.context[field], [...(groups.get(t.context[field]) ?? []), t])
      const want = [...groups.values()]
        .map((g) => ({
          totaal: g.length,
          afgerond: g.filter((t) => t.status === 'afgerond').length,
          outcomes: g.filter((t) => t.context['uitkomst']?.outcome).length,
        }))
        .sort((a, b) => b.totaal - a.totaal)
      const got = table.rows.map((r) => ({
        totaal: r['totaal'],
        afgerond: r['afgerond'],
        outcomes: Object.entries(r)
          .filter(([k]) => k.startsWith('uitkomst-'))
          .reduce((s, [, v]) => s + (v as number), 0),
      }))
      expect(got.map((g) => g.totaal)).toEqual(want.map((w) => w.totaal))
      expect(got.reduce((s, g) => s + (g.afgerond as number), 0)).toBe(
        want.reduce((s, w) => s + w.afgerond, 0),
      )
      expect(got.reduce((s, g) => s + g.outcomes, 0)).toBe(want.reduce((s, w) => s + w.outcomes, 0))
    }
  })

  it('evaluaties: mean scores per scenario over the scored teams', async () => {
    const table = await report('evaluaties')
    const pilots = await db.store.db.selectFrom('pilots').selectAll().execute()
    const scored = ofMachine('ontwikkelteam').flatMap((t) => {
      const list = (t.context['evaluaties'] ?? []).filter((e: any) => e.scores)
      if (list.length === 0) return []
      const mean = (k: string) =>
        list.reduce((s: number, e: any) => s + e.scores[k], 0) / list.length
      return [
        {
          scenario: pilots.find((p) => p.id === t.pilotId)?.scenario ?? null,
          n: list.length,
          relaties: mean('relaties'),
        },
      ]
    })
    expect(table.rows.reduce((s, r) => s + (r['teams'] as number), 0)).toBe(scored.length)
    expect(table.rows.reduce((s, r) => s + (r['evaluaties'] as number), 0)).toBe(
      scored.reduce((s, t) => s + t.n, 0),
    )
    for (const row of table.rows) {
      const scenario = String(row['groep']).split(' · ')[0]
      const group = scored.filter((t) => (t.scenario ?? 'Zonder scenario') === scenario)
      const mean = group.reduce((s, t) => s + t.relaties, 0) / group.length
      expect(row['score_relaties']).toBeCloseTo(mean, 1)
    }
    expect(scored.length).toBeGreaterThan(0)
  })

  it('budget per pilot and per scenario: planned, spent, places, enrolled', async () => {
    const pilots = await db.store.db.selectFrom('pilots').selectAll().execute()
    const teams = ofMachine(
      'ontwikkelteam',
      (t) => typeof t.context['places'] === 'number' && t.pilotId !== null,
    )
    const figures = (t: OracleInstance) => {
      const c = t.context
      const thisCycle = (list: any[]) => list.filter((x) => x.cycle === c['cycle'])
      return {
        planned: plannedBudgetCents(c['places']),
        spent: thisCycle(c['uitgaven']).reduce((s: number, u: any) => s + u.amountCents, 0),
        places: c['places'] as number,
        enrolled: thisCycle(c['deelnemers']).filter((d: any) => d.status === 'ingeschreven').length,
      }
    }
    const perPilot = await report('budget', { per: 'pilot' })
    const want = pilots
      .map((p) => ({ p, ts: teams.filter((t) => t.pilotId === p.id) }))
      .filter(({ ts }) => ts.length > 0)
      .sort((a, b) => (a.p.name < b.p.name ? -1 : 1))
      .map(({ ts }) => {
        const f = ts.map(figures)
        const sum = (k: keyof ReturnType<typeof figures>) => f.reduce((s, x) => s + x[k], 0)
        return [ts.length, sum('planned'), sum('spent'), sum('places'), sum('enrolled')]
      })
    expect(
      perPilot.rows.map((r) => [
        r['teams'],
        r['gepland'],
        r['besteed'],
        r['plekken'],
        r['ingeschreven'],
      ]),
    ).toEqual(want)
    const perScenario = await report('budget', { per: 'scenario' })
    expect(perScenario.rows.reduce((s, r) => s + (r['gepland'] as number), 0)).toBe(
      want.reduce((s, w) => s + w[1]!, 0),
    )
    expect(want.length).toBeGreaterThan(0)
  })
})
