import { readSheet } from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { csvFileName, toDutchCsv } from '../../src/reports/csv.ts'
import { formatCell } from '../../src/reports/format-cell.ts'
import type { ReportTable } from '../../src/reports/report-table.ts'
import { sheetName, toXlsx, xlsxFileName } from '../../src/reports/xlsx.ts'

const table: ReportTable = {
  id: 'doorlooptijd',
  title: 'Doorlooptijd: per fase [2026]',
  description: 'Dagen per fase van de ontwikkelteams die in 2026 zijn gestart.',
  columns: [
    { key: 'fase', label: 'Fase', kind: 'text' },
    { key: 'teams', label: 'Aantal teams', kind: 'count' },
    { key: 'dagen', label: 'Gemiddeld (dagen)', kind: 'days' },
    { key: 'kosten', label: 'Kosten', kind: 'euro' },
    { key: 'aandeel', label: 'Aandeel', kind: 'percent' },
    { key: 'start', label: 'Eerste start', kind: 'date' },
  ],
  rows: [
    {
      fase: 'Oriënteren',
      teams: 1234,
      dagen: 12.5,
      kosten: 123450,
      aandeel: 62.5,
      start: '2026-03-05',
    },
    {
      fase: 'Ontwerpen; "fase 2"',
      teams: { suppressed: true },
      dagen: 7,
      kosten: 5,
      aandeel: 0,
      start: null,
    },
    {
      fase: '=HYPERLINK("x")',
      teams: 8,
      dagen: null,
      kosten: null,
      aandeel: null,
      start: '2026-12-31',
    },
    {
      fase: 'regel een\nregel twee',
      teams: 0,
      dagen: -1.25,
      kosten: -250,
      aandeel: 37.5,
      start: null,
    },
  ],
  chart: { kind: 'hbar', category: 'fase', series: ['dagen'], unit: 'dagen' },
}

/** The CSV split back into its lines, without the BOM and the final line end. */
function csvLines(csv: string): string[] {
  return csv.slice(1).replace(/\r\n$/, '').split('\r\n')
}

describe('CSV for Dutch Excel', () => {
  const csv = toDutchCsv(table)

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '').includes('\r')).toBe(false)
  })

  it('has the Dutch labels, separated by semicolons, as its first row', () => {
    expect(csvLines(csv)[0]).toBe('Fase;Aantal teams;Gemiddeld (dagen);Kosten;Aandeel;Eerste start')
  })

  it('writes numbers with a decimal comma, euros from cents and dates as dd-mm-jjjj', () => {
    expect(csvLines(csv)[1]).toBe('Oriënteren;1234;12,5;1234,50;62,5;05-03-2026')
    expect(csv).toContain(';0;-1,25;-2,50;37,5;\r\n')
  })

  it('writes a suppressed cell as "< 5" and an empty one as nothing', () => {
    expect(csvLines(csv)[1 + 1]).toBe('"Ontwerpen; ""fase 2""";< 5;7;0,05;0;')
  })

  it('quotes text with a line end and defuses text that would start a formula', () => {
    expect(csvLines(csv)[3]).toBe(`"'=HYPERLINK(""x"")";8;;;;31-12-2026`)
    expect(csv).toContain('"regel een\nregel twee";0;')
    for (const start of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      const one: ReportTable = { ...table, rows: [{ fase: start }] }
      const field = csvLines(toDutchCsv(one).replace(/\r(?!\n)/g, '<CR>'))[1]?.split(';')[0]
      expect(field?.replace(/^"/, '').startsWith("'")).toBe(true)
    }
  })

  it('names the file after the report and the day', () => {
    expect(csvFileName(table, '2026-03-05')).toBe('doorlopend-doorlooptijd-2026-03-05.csv')
    expect(xlsxFileName({ ...table, id: 'Per Fase/2' }, '2026-03-05')).toBe(
      'doorlopend-per-fase-2-2026-03-05.xlsx',
    )
  })
})

describe('XLSX', () => {
  it('reads back with the Dutch header, numbers as numbers, dates as dates and "< 5"', async () => {
    const rows = await readSheet(await toXlsx(table))
    expect(rows[0]).toEqual(table.columns.map((c) => c.label))
    expect(rows[1]).toEqual([
      'Oriënteren',
      1234,
      12.5,
      1234.5,
      0.625,
      new Date(Date.UTC(2026, 2, 5)),
    ])
    expect(rows[2]).toEqual(['Ontwerpen; "fase 2"', '< 5', 7, 0.05, 0, null])
    expect(rows[3]?.[0]).toBe('=HYPERLINK("x")')
    expect(rows[3]?.slice(2, 5)).toEqual([null, null, null])
    expect(rows[3]?.[5]).toBeInstanceOf(Date)
    expect(rows[4]?.slice(1, 4)).toEqual([0, -1.25, -2.5])
  })

  it('names the sheet after the title within Excel’s rules', () => {
    expect(sheetName(table.title)).toBe('Doorlooptijd per fase 2026')
    expect(sheetName('Aantal trajecten per stadsdeel en per schooljaar')).toBe(
      'Aantal trajecten per stadsdeel',
    )
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
    expect(sheetName('[]')).toBe('Rapport')
  })
})

describe('page formatting', () => {
  it('formats every kind as Dutch readers expect', () => {
    expect(formatCell(1234, 'count')).toBe('1.234')
    expect(formatCell(12.5, 'days')).toBe('12,5')
    expect(formatCell(12.5, 'number')).toBe('12,5')
    expect(formatCell(123450, 'euro')).toBe('€ 1.234,50')
    expect(formatCell(62.5, 'percent')).toBe('62,5%')
    expect(formatCell('2026-03-05', 'date')).toBe('5 maart 2026')
    expect(formatCell({ suppressed: true }, 'count')).toBe('< 5')
    expect(formatCell(null, 'euro')).toBe('—')
    expect(formatCell('Oriënteren', 'text')).toBe('Oriënteren')
  })
})
