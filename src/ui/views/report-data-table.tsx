import { formatCell } from '../../reports/format-cell.ts'
import type { ColumnKind, ReportTable } from '../../reports/report-table.ts'

/** Kinds whose values are numbers: right-aligned, so that digits line up. */
const NUMERIC: readonly ColumnKind[] = ['count', 'number', 'days', 'euro', 'percent']

const numeric = (kind: ColumnKind) => (NUMERIC.includes(kind) ? 'num' : undefined)

/**
 * The report's numbers as a table, every cell as the page formats it. The category of the chart
 * heads each row. A wide table scrolls inside its own region, which takes the keyboard focus.
 */
export function ReportDataTable({ table }: { table: ReportTable }) {
  const rowHeader =
    table.columns.find((c) => c.key === table.chart.category)?.key ?? table.columns[0]?.key
  const captionId = `${table.id}-tabel`
  return (
    <div
      class="table-wrap report-table-wrap"
      role="region"
      aria-labelledby={captionId}
      tabindex={0}
    >
      <table class="report-table">
        <caption id={captionId}>De getallen: {table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" class={numeric(column.kind)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              {table.columns.map((column) => {
                const text = formatCell(row[column.key] ?? null, column.kind)
                return column.key === rowHeader ? (
                  <th scope="row" class={numeric(column.kind)}>
                    {text}
                  </th>
                ) : (
                  <td class={numeric(column.kind)}>{text}</td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
