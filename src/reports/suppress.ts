import type { ReportTable } from './report-table.ts'

/** Fewer people than this in a cell, and the cell shows "< 5". */
export const MIN_CELL = 5

const hidden = { suppressed: true } as const

/**
 * The table as beleid may see it: every count of people under 5 suppressed, and every figure that
 * describes fewer than 5 people (a median of three teachers' waits tells about those three).
 * Counts of teams, places and money are no people and stay, as do the row names.
 */
export function suppressSmallCells(table: ReportTable): ReportTable {
  const rows = table.rows.map((row) => {
    const few = (key: string | undefined) => {
      const cell = key === undefined ? undefined : row[key]
      return typeof cell === 'number' && cell < MIN_CELL
    }
    const out = { ...row }
    for (const column of table.columns) {
      if (typeof row[column.key] !== 'number') continue
      if ((column.people && few(column.key)) || few(column.of)) out[column.key] = hidden
    }
    return out
  })
  return { ...table, rows }
}
