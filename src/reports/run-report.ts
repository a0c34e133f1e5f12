import type { DbHandle } from '../../db/create-db.ts'
import { getOrganisations, withDescendants } from '../../db/queries/organisations.ts'
import { withReaches } from '../../db/queries/facts-filter.ts'
import { insertReportRead } from '../../db/queries/reports.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { amsterdamDate } from '../audit/effective-date.ts'
import { newId } from '../engine/ids.ts'
import { listScope } from '../engine/paging.ts'
import { badRequest, notFound } from '../errors.ts'
import { budgetReport } from './definitions/budget.ts'
import { evaluationsReport } from './definitions/evaluations.ts'
import { teamFunnelDefinition, transitionFunnelDefinition } from './definitions/funnel.ts'
import { leadTimePhases, leadTimeQuestions } from './definitions/lead-time.ts'
import { transitionsReport } from './definitions/transitions.ts'
import type { ReportDefinition, ReportFilterName } from './report-context.ts'
import type { ReportTable } from './report-table.ts'
import { suppressSmallCells } from './suppress.ts'

/** Every report, in the order the reports page lists them. */
export const REPORTS: readonly ReportDefinition[] = [
  leadTimePhases,
  leadTimeQuestions,
  teamFunnelDefinition,
  transitionFunnelDefinition,
  transitionsReport,
  evaluationsReport,
  budgetReport,
]

/** Reports whose period is when a phase or question began, not when the instance did. */
const PERIOD_ON_ENTERED: readonly string[] = [leadTimePhases.id, leadTimeQuestions.id]

export type ReportQuery = Partial<Record<ReportFilterName, string>>

const FILTER_NAMES: Record<ReportFilterName, string> = {
  van: 'begindatum',
  tot: 'einddatum',
  organisationId: 'organisatie',
  scenario: 'scenario',
  machineVersion: 'versie van de definitie',
  per: 'indeling',
}

export function reportDefinition(id: string): ReportDefinition {
  const definition = REPORTS.find((r) => r.id === id)
  if (!definition) throw notFound('Rapport', id)
  return definition
}

function checkQuery(definition: ReportDefinition, query: ReportQuery): void {
  for (const [name, value] of Object.entries(query) as [ReportFilterName, string | undefined][]) {
    if (value === undefined || definition.accepts.includes(name)) continue
    throw badRequest(`Dit rapport kent geen filter op ${FILTER_NAMES[name]}.`, [
      { path: name, message: `Laat dit filter weg; "${definition.title}" kent het niet.` },
    ])
  }
  if (query.van && query.tot && query.van > query.tot) {
    throw badRequest('De periode loopt achterstevoren: de begindatum ligt na de einddatum.', [
      { path: 'van', message: 'Kies een begindatum op of vóór de einddatum.' },
    ])
  }
  if (query.per && definition.per && !Object.hasOwn(definition.per, query.per)) {
    const choices = Object.keys(definition.per).join(', ')
    throw badRequest(`Onbekende indeling '${query.per}'. Kies uit: ${choices}.`, [
      { path: 'per', message: `Kies uit: ${choices}.` },
    ])
  }
}

/**
 * One report for the caller: within its reach, filtered as asked, and for beleid with every cell
 * of fewer than 5 people suppressed. Each read is recorded (report_reads).
 */
export async function runReport(
  store: DbHandle,
  principal: Principal,
  id: string,
  query: ReportQuery,
  format = 'json',
  now = new Date(),
): Promise<ReportTable> {
  const rule = authorizeRole(principal, 'report.read')
  const definition = reportDefinition(id)
  checkQuery(definition, query)
  if (
    query.organisationId &&
    (await getOrganisations(store.db, [query.organisationId])).length === 0
  ) {
    throw badRequest(`Organisatie '${query.organisationId}' bestaat niet.`, [
      { path: 'organisationId', message: 'Kies een bestaande organisatie.' },
    ])
  }
  const entered = PERIOD_ON_ENTERED.includes(definition.id)
  const table = await definition.build({
    db: store.db,
    filter: await withReaches(store.db, {
      machineIds: [definition.machine],
      machineVersion: query.machineVersion ? Number(query.machineVersion) : undefined,
      scenario: query.scenario,
      organisationIds: query.organisationId
        ? await withDescendants(store.db, [query.organisationId])
        : undefined,
      startedFrom: entered ? undefined : query.van,
      startedTo: entered ? undefined : query.tot,
      ...listScope(principal, rule),
    }),
    from: query.van,
    to: query.tot,
    per: query.per ?? (definition.per ? Object.keys(definition.per)[0] : undefined),
    today: amsterdamDate(now.toISOString()),
  })
  await insertReportRead(store.db, {
    id: newId('rr'),
    at: now.toISOString(),
    token_id: principal.tokenId,
    role: principal.role,
    report: definition.id,
    filters: JSON.stringify(query),
    format,
  })
  return principal.role === 'beleid' ? suppressSmallCells(table) : table
}
