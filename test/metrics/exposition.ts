/** One sample of the Prometheus text exposition format. */
export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

/** What a scrape says: its samples and each metric family's declared type. */
export interface Scrape {
  samples: Sample[]
  types: Map<string, string>
  text: string
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?/gy

function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c))
}

function number(text: string): number {
  if (/^\+?inf$/i.test(text)) return Infinity
  if (/^-inf$/i.test(text)) return -Infinity
  if (/^nan$/i.test(text)) return NaN
  const value = Number(text)
  if (Number.isNaN(value)) throw new Error(`not a sample value: ${text}`)
  return value
}

/** Parses the text format (version 0.0.4); throws on a line it cannot read. */
export function parseExposition(text: string): Scrape {
  const samples: Sample[] = []
  const types = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line)
      if (type?.[1] && type[2]) types.set(type[1], type[2])
      continue
    }
    const match = SAMPLE.exec(line)
    if (!match?.[1] || match[3] === undefined) throw new Error(`not a sample line: ${line}`)
    const labels: Record<string, string> = {}
    const body = match[2] ?? ''
    LABEL.lastIndex = 0
    let consumed = 0
    for (let pair = LABEL.exec(body); pair; pair = LABEL.exec(body)) {
      labels[pair[1] ?? ''] = unescape(pair[2] ?? '')
      consumed = LABEL.lastIndex
    }
    if (consumed !== body.length) throw new Error(`bad labels: ${line}`)
    samples.push({ name: match[1], labels, value: number(match[3]) })
  }
  return { samples, types, text }
}

/**
 * The sum of the samples named `name` whose labels include `labels` (0 when there is none; a
 * counter that never moved has no series yet).
 */
export function valueOf(scrape: Scrape, name: string, labels: Record<string, string> = {}): number {
  return scrape.samples
    .filter((s) => s.name === name)
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0)
}

/** Whether any sample is named `name`. */
export function has(scrape: Scrape, name: string): boolean {
  return scrape.samples.some((s) => s.name === name)
}
