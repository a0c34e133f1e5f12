import type BetterSqlite3 from 'better-sqlite3'
import { createDb, openSqliteConnection, type DbHandle } from '../../db/create-db.ts'
import { inboxCases, listCases, reportCases, type Case } from './scale-cases.ts'
import type { ScaleStoreInfo } from './scale-store.ts'
import { percentile, timed } from './stats.ts'

// The measurements of the scale case: lists, reports and the inbox through the engine's own
// functions (no HTTP), each sample followed by its plain SQL statement over the same rows, so
// that the ratio of their p99s holds while the machine's load drifts.

export interface ScaleItem {
  group: Case['group']
  name: string
  samples: number
  p50: number
  p99: number
  baselineP50: number
  baselineP99: number
  /** p99(engine) ÷ p99(baseline). */
  ratio: number
  /** The bound on p99 in ms, where it sets one. */
  target: number | null
  baseline: string
}

/** One statement of a slow item: how long it takes on its own, and SQLite's plan for it. */
export interface SlowStatement {
  item: string
  ms: number
  sql: string
  plan: string[]
}

export interface ScaleResult {
  store: ScaleStoreInfo
  items: ScaleItem[]
  /** What could not be measured, and why. */
  skipped: string[]
  /** The slowest statements of the items over their target and of the three slowest items. */
  slow: SlowStatement[]
}

/** The targets: p99 in ms. */
export const TARGETS = { report: 200, inbox: 50 } as const

const LIST_SAMPLES = Number(process.env.SCALE_LIST_SAMPLES ?? 200)
const REPORT_SAMPLES = Number(process.env.SCALE_REPORT_SAMPLES ?? 50)
/** Only the cases whose name contains this text (to look into one read; the whole run is the figure). */
const ONLY_CASES = process.env.SCALE_ONLY ?? ''

function log(message: string): void {
  process.stderr.write(`[bench] scale: ${message}\n`)
}

const firstLine = (error: unknown) =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)

async function measure(store: DbHandle, raw: BetterSqlite3.Database, c: Case): Promise<ScaleItem> {
  const samples = c.group === 'report' ? REPORT_SAMPLES : LIST_SAMPLES
  const warmup = Math.max(3, Math.round(samples / 10))
  const statement = raw.prepare(c.baseline.sql)
  const engine: number[] = []
  const plain: number[] = []
  for (let i = 0; i < warmup + samples; i++) {
    const e = await timed(() => c.run(store))
    const b = await timed(async () => statement.all(...c.baseline.params))
    if (i < warmup) continue
    engine.push(e)
    plain.push(b)
  }
  const p99 = percentile(engine, 99)
  const baselineP99 = percentile(plain, 99)
  return {
    group: c.group,
    name: c.name,
    samples,
    p50: percentile(engine, 50),
    p99,
    baselineP50: percentile(plain, 50),
    baselineP99,
    ratio: p99 / baselineP99,
    target: c.group === 'list' ? null : TARGETS[c.group],
    baseline: c.baseline.sql,
  }
}

/**
 * Every read statement one run of `c` sends, timed on its own, with its plan: the three slowest
 * of those that take a millisecond or more.
 */
async function slowStatements(
  path: string,
  raw: BetterSqlite3.Database,
  c: Case,
): Promise<SlowStatement[]> {
  const sent: { sql: string; parameters: readonly unknown[] }[] = []
  const hooked = createDb(`sqlite:${path}`, {
    queryHook: (sql, parameters) => sent.push({ sql, parameters }),
  })
  try {
    await c.run(hooked)
  } finally {
    await hooked.destroy()
  }
  const reads = sent.filter((s) => /^\s*(select|with)\b/i.test(s.sql))
  const statements = reads.map((s) => {
    const parameters = s.parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p))
    const statement = raw.prepare(s.sql)
    const runs = [0, 1, 2].map(() => timedSync(() => statement.all(...parameters)))
    const plan = raw.prepare(`explain query plan ${s.sql}`).all(...parameters) as {
      detail: string
    }[]
    return { item: c.name, ms: Math.min(...runs), sql: s.sql, plan: plan.map((r) => r.detail) }
  })
  return statements
    .filter((s) => s.ms >= 1)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
}

function timedSync(run: () => unknown): number {
  const began = performance.now()
  run()
  return performance.now() - began
}

/** Measures every case on the store at `path`, then looks into the slow ones. */
export async function measureScale(path: string, info: ScaleStoreInfo): Promise<ScaleResult> {
  const store = createDb(`sqlite:${path}`)
  const raw = openSqliteConnection(path)
  raw.pragma('query_only = ON')
  const skipped: string[] = []
  try {
    const inbox = await inboxCases(info)
    if (typeof inbox === 'string') skipped.push(inbox)
    const cases = [
      ...(await listCases(store, info)),
      ...reportCases(info),
      ...(typeof inbox === 'string' ? [] : inbox),
    ].filter((c) => `${c.group} ${c.name}`.includes(ONLY_CASES))
    const items: ScaleItem[] = []
    for (const c of cases) {
      try {
        const item = await measure(store, raw, c)
        items.push(item)
        log(
          `${c.group} ${c.name}: p99 ${item.p99.toFixed(1)} ms, plain SQL ${item.baselineP99.toFixed(1)} ms`,
        )
      } catch (error) {
        skipped.push(`${c.group} ${c.name} failed: ${firstLine(error)}`)
      }
    }
    const over = items.filter((i) => i.target !== null && i.p99 > i.target)
    const slowest = [...items].sort((a, b) => b.p99 - a.p99).slice(0, 3)
    const slow: SlowStatement[] = []
    for (const name of new Set([...over, ...slowest].map((i) => i.name))) {
      const c = cases.find((x) => x.name === name)
      try {
        if (c) slow.push(...(await slowStatements(path, raw, c)))
      } catch (error) {
        skipped.push(`plans of ${name} not read: ${firstLine(error)}`)
      }
    }
    return { store: info, items, skipped, slow }
  } finally {
    raw.close()
    await store.destroy()
  }
}

type Table = (header: string[], rows: string[][]) => string

const ms = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits)

/** The two goals: the slowest report and the slowest inbox, p99 in ms. */
export function scaleGoals(r: ScaleResult | null) {
  const worst = (group: 'report' | 'inbox') => {
    const p99s = r?.items.filter((i) => i.group === group).map((i) => i.p99) ?? []
    return p99s.length > 0 ? Math.max(...p99s) : null
  }
  const at = r ? `${r.store.instances} instances` : 'scale'
  return [
    { name: `slowest report p99 at ${at} (ms)`, value: worst('report'), limit: TARGETS.report },
    { name: `slowest inbox p99 at ${at} (ms)`, value: worst('inbox'), limit: TARGETS.inbox },
  ]
}

/** A statement as a person reads it: long lists of placeholders counted, at most 800 characters. */
function shortSql(sql: string): string {
  const counted = sql.replace(/\?(, \?){4,}/g, (list) => `?… (${list.split(',').length} values)`)
  return counted.length > 800 ? `${counted.slice(0, 800)}…` : counted
}

/** The scale section of the printed report. */
export function scaleText(r: ScaleResult, table: Table): string {
  const s = r.store
  const rows = r.items.map((i) => [
    `${i.group}: ${i.name}`,
    ms(i.p50),
    ms(i.p99),
    ms(i.baselineP99, 2),
    ms(i.ratio),
    i.target === null ? '–' : `≤ ${i.target}`,
    i.target === null ? '–' : i.p99 <= i.target ? 'yes' : 'NO',
  ])
  const slow = r.slow.map((x) =>
    [
      `- ${x.item}: ${ms(x.ms)} ms alone`,
      `    ${shortSql(x.sql)}`,
      ...x.plan.map((line) => `    plan: ${line}`),
    ].join('\n'),
  )
  return [
    `Scale on SQLite: ${s.instances} instances (${s.transitions} rolovergangen, ${s.teams} teams in ${s.pilots} pilots), ${s.events} events, ${s.organisations} organisations, ${s.people} teachers; written in ${ms(s.writeSeconds)} s, facts of ${s.rebuilt} instances caught up in ${ms(s.catchUpSeconds)} s (${s.history})`,
    table(
      ['read, one after another', 'p50 ms', 'p99 ms', 'plain SQL p99 ms', 'ratio', 'target', 'met'],
      rows,
    ),
    ...r.skipped.map((line) => `skipped: ${line}`),
    ...(slow.length > 0 ? ['Slowest statements (each run alone, with its plan):', ...slow] : []),
  ].join('\n')
}
