import type { ColumnKind, ReportCell } from './report-table.ts'
import { SUPPRESSED_TEXT, isSuppressed } from './report-table.ts'

/** What an empty cell shows on the page: a dash, so that "nothing" is not read as zero. */
export const EMPTY_TEXT = '—'

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
]

const formatters = new Map<string, Intl.NumberFormat>()

/** A number as Dutch readers write it: `1.234`, `12,5`; at most `decimals` decimals. */
export function formatNumber(value: number, decimals: number, minimumDecimals = 0): string {
  const key = `${decimals}/${minimumDecimals}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat('nl-NL', {
      maximumFractionDigits: decimals,
      minimumFractionDigits: minimumDecimals,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}

/** An amount in cents as euros, e.g. `€ 1.234,50`; with `whole`, rounded to euros: `€ 1.235`. */
export function formatEuro(cents: number, whole = false): string {
  const euros = cents / 100
  const amount = whole ? formatNumber(Math.round(euros), 0) : formatNumber(euros, 2, 2)
  return `€ ${amount}`
}

/** A percentage (0–100) as `12,5%`. */
export function formatPercent(value: number): string {
  return `${formatNumber(value, 1)}%`
}

/** A day `YYYY-MM-DD` as "5 maart 2026"; anything else is shown as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  if (!match || !month) return day
  return `${Number(match[3])} ${month} ${match[1]}`
}

/** A number of the given kind as the page shows it. */
export function formatValue(value: number, kind: ColumnKind): string {
  switch (kind) {
    case 'count':
      return formatNumber(value, 0)
    case 'euro':
      return formatEuro(value)
    case 'percent':
      return formatPercent(value)
    case 'days':
      return formatNumber(value, 1)
    default:
      return formatNumber(value, 2)
  }
}

/**
 * One cell as the page shows it: counts `1.234`, decimals `12,5`, euro `€ 1.234,50`, percent
 * `12,5%`, dates "5 maart 2026", a suppressed cell `< 5` and an empty one `—`.
 */
export function formatCell(cell: ReportCell, kind: ColumnKind): string {
  if (cell === null) return EMPTY_TEXT
  if (isSuppressed(cell)) return SUPPRESSED_TEXT
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return EMPTY_TEXT
    return kind === 'text' || kind === 'date' ? String(cell) : formatValue(cell, kind)
  }
  return kind === 'date' ? formatDay(cell) : cell
}
