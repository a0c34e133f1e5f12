import type { ColumnKind, ReportCell, ReportTable } from './report-table.ts'
import { SUPPRESSED_TEXT, isSuppressed } from './report-table.ts'

/** Makes Excel read the file as UTF-8, so that "ë" and "€" survive. */
const BOM = '\uFEFF'
const SEPARATOR = ';'
const LINE_END = '\r\n'

/** Text that a spreadsheet would run as a formula when it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[;"\r\n]/

/** Numbers as Dutch Excel reads them: decimal comma, no thousands separator. */
const plainNumber = new Intl.NumberFormat('nl-NL', { useGrouping: false, maximumFractionDigits: 6 })

/** A text field: defused when it could start a formula, quoted when it holds `;`, `"` or a line end. */
function textField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** An amount in cents as euros with two decimals and a decimal comma: `1234,50`. */
function euroField(cents: number): string {
  const rounded = Math.round(cents)
  const sign = rounded < 0 ? '-' : ''
  const abs = Math.abs(rounded)
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}

function numberField(value: number, kind: ColumnKind): string {
  if (!Number.isFinite(value)) return ''
  if (kind === 'euro') return euroField(value)
  if (kind === 'text' || kind === 'date') return textField(String(value))
  return plainNumber.format(value)
}

function field(cell: ReportCell, kind: ColumnKind): string {
  if (cell === null) return ''
  if (isSuppressed(cell)) return SUPPRESSED_TEXT
  if (typeof cell === 'number') return numberField(cell, kind)
  const day = kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell) : null
  if (day) return `${day[3]}-${day[2]}-${day[1]}`
  return textField(cell)
}

/**
 * A report as a CSV that Dutch Excel opens as it is: UTF-8 with a BOM, `;` between fields, CRLF
 * line ends, the Dutch labels as the first row, numbers with a decimal comma, euros from cents with
 * two decimals, dates as `dd-mm-jjjj`, a suppressed cell as `< 5` and an empty one as nothing.
 */
export function toDutchCsv(table: ReportTable): string {
  const header = table.columns.map((column) => textField(column.label))
  const rows = table.rows.map((row) =>
    table.columns.map((column) => field(row[column.key] ?? null, column.kind)),
  )
  return BOM + [header, ...rows].map((fields) => fields.join(SEPARATOR) + LINE_END).join('')
}

/** A download name that is safe in a Content-Disposition header: `doorlopend-<id>-<dag>.<ext>`. */
export function reportFileName(table: ReportTable, today: string, extension: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
  return `doorlopend-${slug(table.id) || 'rapport'}-${slug(today)}.${extension}`
}

/** The CSV's download name, e.g. `doorlopend-doorlooptijd-2026-03-05.csv`. */
export function csvFileName(table: ReportTable, today: string): string {
  return reportFileName(table, today, 'csv')
}
