import type { ReportTable } from '../../reports/report-table.ts'
import { ReportChart, chartDataOf, chartSummary } from '../charts/report-chart.tsx'
import { ReportDataTable } from './report-data-table.tsx'

/** Where the same report can be downloaded, with the same filters. */
export interface ReportDownloads {
  csv: string
  xlsx: string
}

export const SUPPRESSION_NOTE =
  'Cellen met minder dan 5 personen staan er als “< 5”: zo is geen leraar herkenbaar.'

/** One report: its title and description, the chart, the same numbers as a table, downloads. */
export function ReportResult(props: {
  table: ReportTable
  downloads: ReportDownloads
  suppressed: boolean
}) {
  const { table, downloads } = props
  return (
    <section class="report" aria-labelledby="rapport-titel">
      <h2 id="rapport-titel">{table.title}</h2>
      <p class="report-description">{table.description}</p>
      {table.rows.length === 0 ? (
        <p class="report-empty">
          Er zijn geen gegevens voor deze keuze. Kies een andere periode of minder filters.
        </p>
      ) : (
        <>
          <figure class="report-figure">
            <ReportChart table={table} />
            <figcaption>
              {chartSummary(chartDataOf(table))} De tabel hieronder geeft alle getallen.
            </figcaption>
          </figure>
          <ReportDataTable table={table} />
        </>
      )}
      {props.suppressed && <p class="report-note">{SUPPRESSION_NOTE}</p>}
      <ul class="report-downloads">
        <li>
          <a href={downloads.csv} download>
            Download als CSV (Excel)
          </a>
        </li>
        <li>
          <a href={downloads.xlsx} download>
            Download als Excel-bestand (.xlsx)
          </a>
        </li>
      </ul>
    </section>
  )
}
