import type { ReportTable } from './report-table.ts'

/** Fewer people than this in a cell, and the cell shows "< 5". */
export const MIN_CELL = 5

const hidden = { suppressed: true } as const

/**
 * The table as beleid may see it: every count under 5 suppressed, and every figure of a row whose
 * `basis` counts fewer than 5 (a median of three teachers' waits tells about those three). Texts
 * (the row names) stay.
 */
export function suppressSmallCells(table: ReportTable, basis: string): ReportTable {
  const kinds = new Map(table.columns.map((c) => [c.key, c.kind]))
  const rows = table.rows.map((row) => {
    const base = row[basis]
    const smallRow = typeof base === 'number' && base < MIN_CELL
    return Object.fromEntries(
      Object.entries(row).map(([key, cell]) => {
        const kind = kinds.get(key)
        if (kind === 'text' || typeof cell !== 'number') return [key, cell]
        if (smallRow || (kind === 'count' && cell < MIN_CELL)) return [key, hidden]
        return [key, cell]
      }),
    )
  })
  return { ...table, rows }
}
