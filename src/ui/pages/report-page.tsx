import type { OrganisationView } from '../../engine/organisations.service.ts'
import type { ReportDefinition } from '../../reports/report-context.ts'
import type { ReportTable } from '../../reports/report-table.ts'
import type { Who } from '../env.ts'
import { Page } from '../layout.tsx'
import type { FilterErrors, SentFilters } from '../views/report-filters.tsx'
import { ReportFilters } from '../views/report-filters.tsx'
import type { ReportDownloads } from '../views/report-result.tsx'
import { ReportResult } from '../views/report-result.tsx'

export interface ReportPageProps {
  who: Who
  path: string
  definition: ReportDefinition
  sent: SentFilters
  organisations: OrganisationView[]
  /** After bad filters: what was wrong; the page then shows no report. */
  errors?: FilterErrors | undefined
  result?: { table: ReportTable; downloads: ReportDownloads } | undefined
}

/** One report: the filters it takes, then the report for them (or what was wrong with them). */
export function ReportPage(props: ReportPageProps) {
  const { definition } = props
  return (
    <Page
      title={definition.title}
      who={props.who}
      path={props.path}
      crumbs={[{ href: '/rapportages', label: 'Rapportages' }]}
      lead={definition.summary}
    >
      <ReportFilters
        definition={definition}
        sent={props.sent}
        organisations={props.organisations}
        errors={props.errors}
      />
      {props.result && (
        <ReportResult
          table={props.result.table}
          downloads={props.result.downloads}
          suppressed={props.who.principal.role === 'beleid'}
        />
      )}
    </Page>
  )
}
