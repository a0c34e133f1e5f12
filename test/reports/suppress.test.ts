import { describe, expect, it } from 'vitest'
import type { ReportTable } from '../../src/reports/report-table.ts'
import { suppressSmallCells } from '../../src/reports/suppress.ts'

const hidden = { suppressed: true }

describe('suppressing small cells for beleid', () => {
  const table: ReportTable = {
    id: 't',
    title: 'T',
    description: 'D',
    columns: [
      { key: 'naam', label: 'Naam', kind: 'text' },
      { key: 'teams', label: 'Teams', kind: 'count' },
      { key: 'leraren', label: 'Leraren', kind: 'count', people: true },
      { key: 'mediaan', label: 'Mediaan', kind: 'days', of: 'leraren' },
      { key: 'budget', label: 'Budget', kind: 'euro' },
    ],
    rows: [
      { naam: 'Vier', teams: 2, leraren: 4, mediaan: 30, budget: 100 },
      { naam: 'Vijf', teams: 1, leraren: 5, mediaan: 12, budget: 0 },
      { naam: 'Nul', teams: 0, leraren: 0, mediaan: null, budget: null },
    ],
    chart: { kind: 'hbar', category: 'naam', series: ['leraren'], unit: 'leraren' },
  }

  it('hides counts of fewer than 5 people and what describes them, not teams or money', () => {
    expect(suppressSmallCells(table).rows).toEqual([
      { naam: 'Vier', teams: 2, leraren: hidden, mediaan: hidden, budget: 100 },
      { naam: 'Vijf', teams: 1, leraren: 5, mediaan: 12, budget: 0 },
      { naam: 'Nul', teams: 0, leraren: hidden, mediaan: null, budget: null },
    ])
  })
})
