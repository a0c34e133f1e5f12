import { createRoute, z } from '@hono/zod-openapi'
import { Scenario } from '../../../machines/vocabulary.ts'
import { authorizeRole } from '../../access/policy.ts'
import type { Store } from '../../engine/store.ts'
import { amsterdamDate } from '../../audit/effective-date.ts'
import { csvFileName, toDutchCsv } from '../../reports/csv.ts'
import { REPORTS, runReport } from '../../reports/run-report.ts'
import { toXlsx, xlsxFileName } from '../../reports/xlsx.ts'
import { bearer, newRouter } from '../router.ts'
import { Id, problemResponses } from '../schemas.ts'

const ReportQuery = z.object({
  van: z.iso.date({ error: 'Geef de begindatum als JJJJ-MM-DD.' }).optional(),
  tot: z.iso.date({ error: 'Geef de einddatum als JJJJ-MM-DD.' }).optional(),
  organisationId: Id.optional().openapi({ description: 'A bestuur includes its schools.' }),
  scenario: Scenario.optional(),
  machineVersion: z.enum(['1', '2'], { error: 'Kies versie 1 of 2 van de definitie.' }).optional(),
  per: z.string().max(40).optional().openapi({ description: 'How rows are grouped, per report.' }),
  format: z
    .enum(['json', 'csv', 'xlsx'], { error: 'Kies het formaat json, csv of xlsx.' })
    .default('json'),
})

const Cell = z.union([z.string(), z.number(), z.null(), z.object({ suppressed: z.literal(true) })])
const ReportTable = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    columns: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        kind: z.string(),
        people: z.boolean().optional().openapi({ description: 'The column counts people.' }),
        of: z.string().optional().openapi({ description: 'The people column it describes.' }),
      }),
    ),
    rows: z.array(z.record(z.string(), Cell)),
    chart: z.object({
      kind: z.enum(['bar', 'hbar']),
      category: z.string(),
      series: z.array(z.string()),
      unit: z.string(),
    }),
  })
  .openapi('Report', {
    description:
      'A report as a table. For beleid every count under 5, and every figure of a row about fewer than 5 people, is `{ "suppressed": true }` (shown as "< 5").',
  })

const ReportInfo = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    machine: z.string(),
    accepts: z.array(z.string()),
    per: z.record(z.string(), z.string()).nullable(),
  })
  .openapi('ReportInfo')

export function reportRoutes(store: Store) {
  return newRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports',
        operationId: 'listReports',
        tags: ['Rapportages'],
        summary: 'The reports there are, with the filters each takes',
        security: bearer,
        responses: {
          200: {
            description: 'The reports',
            content: { 'application/json': { schema: z.object({ items: z.array(ReportInfo) }) } },
          },
          ...problemResponses(401, 403),
        },
      }),
      (c) => {
        authorizeRole(c.var.principal, 'report.read')
        const items = REPORTS.map((r) => ({
          id: r.id,
          title: r.title,
          summary: r.summary,
          machine: r.machine,
          accepts: [...r.accepts],
          per: r.per ? { ...r.per } : null,
        }))
        return c.json({ items }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reports/{id}',
        operationId: 'getReport',
        tags: ['Rapportages'],
        summary: 'One report, as JSON, as CSV for Dutch Excel, or as XLSX',
        description:
          'CSV: UTF-8 with BOM, `;` between fields, Dutch headers, dates as dd-mm-jjjj, decimal comma. Every read is recorded.',
        security: bearer,
        request: { params: z.object({ id: z.string().max(60) }), query: ReportQuery },
        responses: {
          200: {
            description: 'The report',
            content: {
              'application/json': { schema: ReportTable },
              'text/csv': { schema: z.string() },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: z.string().openapi({ format: 'binary' }),
              },
            },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { format, ...query } = c.req.valid('query')
        const table = await runReport(
          store,
          c.var.principal,
          c.req.valid('param').id,
          query,
          format,
        )
        const today = amsterdamDate(new Date().toISOString())
        const download = (name: string) => ({
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        })
        if (format === 'csv') {
          return c.body(toDutchCsv(table), 200, {
            'content-type': 'text/csv; charset=utf-8',
            ...download(csvFileName(table, today)),
          })
        }
        if (format === 'xlsx') {
          return c.body(new Uint8Array(await toXlsx(table)), 200, {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ...download(xlsxFileName(table, today)),
          })
        }
        return c.json(table, 200)
      },
    )
}
