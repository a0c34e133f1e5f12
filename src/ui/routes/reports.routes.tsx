import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { scenarios } from '../../../machines/vocabulary.ts'
import { amsterdamDate } from '../../audit/effective-date.ts'
import { ProblemError } from '../../errors.ts'
import type { FieldError } from '../../errors.ts'
import { csvFileName, toDutchCsv } from '../../reports/csv.ts'
import type { ReportDefinition, ReportFilterName } from '../../reports/report-context.ts'
import { REPORTS, reportDefinition, runReport } from '../../reports/run-report.ts'
import { toXlsx, xlsxFileName } from '../../reports/xlsx.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { ReportListPage } from '../pages/report-list-page.tsx'
import { ReportPage } from '../pages/report-page.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import type { FilterErrors, SentFilters } from '../views/report-filters.tsx'
import { FILTER_ORDER, MACHINE_VERSIONS } from '../views/report-filters.tsx'

const FILTERS = FILTER_ORDER
const MAX_VALUE = 100
const PROBLEM = 'Controleer de filters hieronder.'
const isDate = (value: string) => z.iso.date().safeParse(value).success

/** The filters in the URL that have a value (an empty field is no filter). */
function sentFilters(c: Context): SentFilters {
  const sent: SentFilters = {}
  for (const name of FILTERS) {
    const value = (c.req.query(name) ?? '').trim().slice(0, MAX_VALUE)
    if (value) sent[name] = value
  }
  return sent
}

/**
 * What the API's query schema checks before the report runs: dates, scenario, version and
 * grouping are values the form offers. The period's order, filters the report does not take and
 * whether an organisation exists are for runReport to say.
 */
function checkFilters(definition: ReportDefinition, sent: SentFilters): FieldError[] {
  const errors: FieldError[] = []
  const takes = (name: ReportFilterName) => definition.accepts.includes(name)
  if (takes('van') && sent.van && !isDate(sent.van))
    errors.push({ path: 'van', message: 'Vul een geldige begindatum in (JJJJ-MM-DD).' })
  if (takes('tot') && sent.tot && !isDate(sent.tot))
    errors.push({ path: 'tot', message: 'Vul een geldige einddatum in (JJJJ-MM-DD).' })
  if (
    takes('scenario') &&
    sent.scenario &&
    !(scenarios as readonly string[]).includes(sent.scenario)
  )
    errors.push({ path: 'scenario', message: 'Kies een scenario uit de lijst.' })
  const version = sent.machineVersion
  if (
    takes('machineVersion') &&
    version &&
    !(MACHINE_VERSIONS as readonly string[]).includes(version)
  )
    errors.push({ path: 'machineVersion', message: 'Kies versie 1 of 2 van de definitie.' })
  const per = definition.per
  if (takes('per') && per && sent.per && !Object.hasOwn(per, sent.per))
    errors.push({ path: 'per', message: `Kies uit: ${Object.values(per).join(', ')}.` })
  return errors
}

/** Each message beside the field it is about; a message for a field the form lacks goes on top. */
function placed(problem: string, errors: FieldError[], definition: ReportDefinition): FilterErrors {
  const result: FilterErrors = { problem, byName: {}, general: [] }
  for (const error of errors) {
    const name = FILTERS.find((n) => n === error.path)
    if (name && definition.accepts.includes(name) && !result.byName[name])
      result.byName[name] = error.message
    else result.general.push(error.message)
  }
  return result
}

function fieldErrorsOf(error: ProblemError): FieldError[] {
  const errors = error.extra['errors']
  return Array.isArray(errors) ? (errors as FieldError[]) : []
}

/** The same report with the same filters, as a file. */
function downloadUrl(definition: ReportDefinition, sent: SentFilters, format: string): string {
  const query = new URLSearchParams(Object.entries(sent) as [string, string][])
  query.set('format', format)
  return `/rapportages/${definition.id}?${query.toString()}`
}

const attachment = (name: string) => ({
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-store',
})

/** The reports pages (/rapportages): the same reports, checks and records as the API's. */
export function reportPageRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function report(c: Context<UiEnv>, who: Who, id: string) {
    const definition = reportDefinition(id)
    const sent = sentFilters(c)
    const organisations = await new Directory(deps.store, who.principal).organisations()
    const props = { who, path: c.req.path, definition, sent, organisations }
    const invalid = checkFilters(definition, sent)
    if (invalid.length > 0) {
      return html(c, <ReportPage {...props} errors={placed(PROBLEM, invalid, definition)} />, 400)
    }
    const asked = c.req.query('format')
    const format = asked === 'csv' || asked === 'xlsx' ? asked : 'html'
    const now = deps.now()
    let table
    try {
      table = await runReport(deps.store, who.principal, id, sent, format, now)
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status !== 400) throw error
      const errors = placed(error.detail, fieldErrorsOf(error), definition)
      return html(c, <ReportPage {...props} errors={errors} />, 400)
    }
    const today = amsterdamDate(now.toISOString())
    if (format === 'csv') {
      return c.body(toDutchCsv(table), 200, {
        'content-type': 'text/csv; charset=utf-8',
        ...attachment(csvFileName(table, today)),
      })
    }
    if (format === 'xlsx') {
      return c.body(new Uint8Array(await toXlsx(table)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ...attachment(xlsxFileName(table, today)),
      })
    }
    const downloads = {
      csv: downloadUrl(definition, sent, 'csv'),
      xlsx: downloadUrl(definition, sent, 'xlsx'),
    }
    return html(c, <ReportPage {...props} result={{ table, downloads }} />)
  }

  return new Hono<UiEnv>()
    .get(
      '/rapportages',
      page((c, who) => html(c, <ReportListPage who={who} path={c.req.path} reports={REPORTS} />)),
    )
    .get(
      '/rapportages/:id',
      page((c, who) => report(c, who, param(c, 'id'))),
    )
}
