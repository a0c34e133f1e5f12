import type { Db } from '../../db/database.ts'
import type { FactsFilter } from '../../db/queries/facts-filter.ts'
import type { ReportTable } from './report-table.ts'

/** The filters a report can take, as the API names them. */
export type ReportFilterName =
  'van' | 'tot' | 'organisationId' | 'scenario' | 'machineVersion' | 'per'

/** What a report is computed from: the filter (reach included), the period, and today. */
export interface ReportContext {
  db: Db
  /** The facts filter for the report's machine: reach, organisation, scenario, version. */
  filter: FactsFilter
  from?: string | undefined
  to?: string | undefined
  per?: string | undefined
  /** The Amsterdam day the report is made (waits count to here). */
  today: string
}

export interface ReportDefinition {
  id: string
  title: string
  /** What the report answers, in one sentence, for the list of reports. */
  summary: string
  machine: 'ontwikkelteam' | 'rolovergang'
  /** The filters beyond period and organisation this report takes. */
  accepts: readonly ReportFilterName[]
  /** Values `per` may take, with their Dutch names; the first is the default. */
  per?: Readonly<Record<string, string>>
  build(context: ReportContext): Promise<ReportTable>
}
