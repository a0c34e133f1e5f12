import { csvRecords } from './csv.ts'
import { CSV_COLUMNS, recordFromCsv } from './export-format.ts'
import type { ExportRecord } from './export-format.ts'
import type { ParsedLine } from './verify-result.ts'

/** Splits text chunks into lines (LF or CRLF), one line in memory at a time. */
async function* lines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let rest = ''
  for await (const chunk of chunks) {
    let nl = chunk.indexOf('\n')
    if (nl < 0) {
      rest += chunk
      continue
    }
    yield trimCr(rest + chunk.slice(0, nl))
    let start = nl + 1
    while ((nl = chunk.indexOf('\n', start)) >= 0) {
      yield trimCr(chunk.slice(start, nl))
      start = nl + 1
    }
    rest = chunk.slice(start)
  }
  if (rest !== '') yield trimCr(rest)
}

const trimCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line)

/** Records of an NDJSON export. */
export async function* ndjsonRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ParsedLine> {
  let n = 0
  for await (const line of lines(chunks)) {
    n++
    if (line.trim() === '') continue
    try {
      const record = JSON.parse(line) as ExportRecord
      if (typeof record !== 'object' || record === null || typeof record.kind !== 'string') {
        yield { line: n, error: 'not an export record' }
      } else yield { line: n, record }
    } catch {
      yield { line: n, error: 'not valid JSON' }
    }
  }
}

/** Records of a CSV export; `line` counts rows, the header row being 1. */
export async function* csvExportRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ParsedLine> {
  let n = 0
  for await (const cells of csvRecords(chunks)) {
    n++
    if (n === 1) {
      if (cells.join(',') !== CSV_COLUMNS.join(',')) {
        yield { line: n, error: `the header row is not ${CSV_COLUMNS.join(',')}` }
      }
      continue
    }
    try {
      yield { line: n, record: recordFromCsv(cells) }
    } catch (error) {
      yield { line: n, error: error instanceof Error ? error.message : String(error) }
    }
  }
}

/** Reads either format: NDJSON starts with `{`, CSV with its header row. */
export async function* exportRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ParsedLine> {
  const source = (async function* () {
    yield* chunks
  })()
  const head: string[] = []
  // Read by hand: leaving a for-await loop early would close the source.
  for (let next = await source.next(); !next.done; next = await source.next()) {
    head.push(next.value)
    if (next.value.trim() !== '') break
  }
  const all = (async function* () {
    yield* head
    yield* { [Symbol.asyncIterator]: () => source }
  })()
  const first = head.join('').trimStart()[0]
  yield* first === '{' ? ndjsonRecords(all) : csvExportRecords(all)
}
