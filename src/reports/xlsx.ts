import writeXlsxFile from 'write-excel-file/node'
import type { Cell, SheetData } from 'write-excel-file/node'
import { reportFileName } from './csv.ts'
import { formatCell } from './format-cell.ts'
import type { ReportColumn, ReportRow, ReportTable } from './report-table.ts'
import { SUPPRESSED_TEXT, isSuppressed } from './report-table.ts'

const EURO_FORMAT = '#,##0.00'
const DATE_FORMAT = 'dd-mm-yyyy'
const PERCENT_FORMAT = '0.0%'
const MAX_SHEET_NAME = 31

/** Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`, no `'` at the ends. */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SHEET_NAME)
    .replace(/^'+|'+$/g, '')
    .trim()
  return name === '' || name.toLowerCase() === 'history' ? 'Rapport' : name
}

function dateOf(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return null
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

/** One cell: numbers stay numbers, euros from cents, percentages as fractions, dates as dates. */
function cellOf(value: ReportRow[string] | undefined, column: ReportColumn): Cell {
  if (value === undefined || value === null) return null
  if (isSuppressed(value)) return { value: SUPPRESSED_TEXT, type: String, align: 'right' }
  if (typeof value === 'string') {
    const date = column.kind === 'date' ? dateOf(value) : null
    return date ? { value: date, type: Date, format: DATE_FORMAT } : { value, type: String }
  }
  if (!Number.isFinite(value)) return null
  switch (column.kind) {
    case 'text':
    case 'date':
      return { value: String(value), type: String }
    case 'euro':
      return { value: value / 100, type: Number, format: EURO_FORMAT }
    case 'percent':
      return { value: value / 100, type: Number, format: PERCENT_FORMAT }
    default:
      return { value, type: Number }
  }
}

/** Wide enough for the label and the widest value as the page shows it, within reason. */
function columnWidth(table: ReportTable, column: ReportColumn): number {
  const widest = table.rows.reduce(
    (max, row) => Math.max(max, formatCell(row[column.key] ?? null, column.kind).length),
    column.label.length,
  )
  return Math.min(Math.max(widest + 2, 10), 60)
}

/**
 * A report as an XLSX workbook: one sheet named after the title, a bold header row with the Dutch
 * labels that stays in view, then one row per report row.
 */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const header: Cell[] = table.columns.map((column) => ({
    value: column.label,
    type: String,
    fontWeight: 'bold',
  }))
  const data: SheetData = [
    header,
    ...table.rows.map((row) => table.columns.map((column) => cellOf(row[column.key], column))),
  ]
  return writeXlsxFile(data, {
    sheet: sheetName(table.title),
    columns: table.columns.map((column) => ({ width: columnWidth(table, column) })),
    stickyRowsCount: 1,
  }).toBuffer()
}

/** The workbook's download name, e.g. `doorlopend-doorlooptijd-2026-03-05.xlsx`. */
export function xlsxFileName(table: ReportTable, today: string): string {
  return reportFileName(table, today, 'xlsx')
}
