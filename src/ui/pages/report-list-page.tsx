import type { ReportDefinition } from '../../reports/report-context.ts'
import type { Who } from '../env.ts'
import { Page } from '../layout.tsx'

const ABOUT: Record<ReportDefinition['machine'], string> = {
  ontwikkelteam: 'Over de ontwikkelteams',
  rolovergang: 'Over de rolovergangen',
}

export const BELEID_INTRO =
  'U ziet alleen totalen: elke cel van minder dan 5 personen staat er als “< 5”, zodat geen leraar herkenbaar is.'

/** The reports the caller may read, each with what it answers and a link to it. */
export function ReportListPage(props: {
  who: Who
  path: string
  reports: readonly ReportDefinition[]
}) {
  const beleid = props.who.principal.role === 'beleid'
  return (
    <Page
      title="Rapportages"
      who={props.who}
      path={props.path}
      lead="Cijfers over de ontwikkelteams en rolovergangen binnen uw bereik: als grafiek, als tabel en om te downloaden."
    >
      {beleid && <p class="report-intro">{BELEID_INTRO}</p>}
      <ul class="report-list">
        {props.reports.map((report) => (
          <li class="card">
            <h2>
              <a href={`/rapportages/${report.id}`}>{report.title}</a>
            </h2>
            <p class="muted report-about">{ABOUT[report.machine]}</p>
            <p>{report.summary}</p>
          </li>
        ))}
      </ul>
    </Page>
  )
}
