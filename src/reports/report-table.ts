/** How a column's values read: the CSV, the XLSX and the page format each kind the same way. */
export type ColumnKind = 'text' | 'count' | 'number' | 'days' | 'euro' | 'date' | 'percent'

export interface ReportColumn {
  key: string
  /** The Dutch header, as the page, the CSV and the XLSX show it. */
  label: string
  kind: ColumnKind
  /** The column counts people (teachers, participants): for beleid a count under 5 is "< 5". */
  people?: boolean
  /**
   * The figure describes the people counted in column `of` of the same row (a median of their
   * waits): for beleid it is "< 5" too when they are fewer than 5.
   */
  of?: string
}

/**
 * A cell that counts fewer people than may be shown to the caller: shown as "< 5", never the
 * number behind it.
 */
export interface SuppressedCell {
  suppressed: true
}

/**
 * One value: text, a number (counts, days, a score; euro in cents; percent as 0–100), a date as
 * `YYYY-MM-DD` (a day in Amsterdam), or null where there is nothing to show.
 */
export type ReportCell = string | number | null | SuppressedCell

export type ReportRow = Record<string, ReportCell>

/** How a report's rows are drawn: which column names the bars and which columns are the bars. */
export interface ChartSpec {
  /** Bars side by side per category (`bar`), or one horizontal bar per series value (`hbar`). */
  kind: 'bar' | 'hbar'
  category: string
  series: string[]
  /** What the value axis counts, in Dutch ("dagen", "trajecten"). */
  unit: string
}

/** A report as a table: what the page, the chart, the CSV and the XLSX are all made of. */
export interface ReportTable {
  id: string
  title: string
  /** One or two sentences: what the numbers are, for whom and from which dates. */
  description: string
  columns: ReportColumn[]
  rows: ReportRow[]
  chart: ChartSpec
}

export const SUPPRESSED_TEXT = '< 5'

export function isSuppressed(cell: ReportCell): cell is SuppressedCell {
  return typeof cell === 'object' && cell !== null && 'suppressed' in cell
}
