// RFC 4180 CSV, with one addition the export needs: an unquoted empty cell is null, a quoted
// empty cell ("") is the empty string. Strings are always quoted, numbers never.

export type Cell = string | number | null

/** One CSV line (with CRLF), from cells. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  return `"${cell.replaceAll('"', '""')}"`
}

/**
 * Splits a stream of text chunks into CSV records (quoted cells may span lines). Memory stays at
 * one record. Unquoted cells come back as strings, or null when empty.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<(string | null)[]> {
  let record: (string | null)[] = []
  let cell = ''
  let quoted = false
  let inQuotes = false
  let afterQuote = false
  let touched = false
  const endCell = () => {
    record.push(quoted ? cell : cell === '' ? null : cell)
    cell = ''
    quoted = false
    afterQuote = false
  }
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string
      if (inQuotes) {
        if (ch === '"') {
          inQuotes = false
          afterQuote = true
        } else cell += ch
        continue
      }
      if (ch === '"') {
        // A doubled quote inside a quoted cell: the quote ended just now and starts again.
        if (afterQuote) cell += '"'
        inQuotes = true
        quoted = true
        touched = true
        continue
      }
      afterQuote = false
      if (ch === ',') {
        endCell()
        touched = true
      } else if (ch === '\n') {
        if (touched || cell !== '' || record.length > 0) {
          endCell()
          yield record
        }
        record = []
        touched = false
      } else if (ch !== '\r') {
        cell += ch
        touched = true
      }
    }
  }
  if (touched || cell !== '' || record.length > 0) {
    endCell()
    yield record
  }
}
