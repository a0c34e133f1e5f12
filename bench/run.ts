// `npm run bench`: how close the engine is to this machine and to a peer, as ratios measured in
// one run. Starts the real server as separate processes on 127.0.0.1, drives each with autocannon
// for BENCH_SECONDS (default 10), prints a table and writes JSON to bench/results/.
// PostgreSQL rows run when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
// BENCH_ONLY=time-travel runs only the time-travel case (the state as of a moment).
// BENCH_ONLY=scale runs only the scale case: lists, reports and the inbox on BENCH_SCALE_INSTANCES
// instances (default 100,000) with BENCH_SCALE_EVENTS events in all (default 1,000,000).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { driveFlow } from './lib/load.ts'
import type { LoadResult } from './lib/load.ts'
import { dropSchema, freshSchema, runDbos } from './lib/postgres.ts'
import type { DbosResult } from './lib/postgres.ts'
import { runJsonScript, startEngine, startScript } from './lib/proc.ts'
import type { Proc } from './lib/proc.ts'
import { rawStorage } from './lib/raw-storage.ts'
import type { RawResult } from './lib/raw-storage.ts'
import type { LongReadsResult } from './lib/long-reads.ts'
import type { ReadsResult } from './lib/reads.ts'
import type { ScaleResult } from './lib/scale.ts'
import type { TimeTravelResult } from './lib/time-travel.ts'
import { report } from './lib/report.ts'
import { seed } from './lib/seed.ts'
import type { Seeded } from './lib/seed.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_SECONDS = Math.min(3, SECONDS)
const READ_INSTANCES = Number(process.env.BENCH_READ_INSTANCES ?? 1000)
const EVENTS_PER_INSTANCE = Number(process.env.BENCH_EVENTS_PER_INSTANCE ?? 1000)
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''
const ONLY = process.env.BENCH_ONLY ?? ''
const SCALE_INSTANCES = Number(process.env.BENCH_SCALE_INSTANCES ?? 100_000)
const SCALE_EVENTS = Number(process.env.BENCH_SCALE_EVENTS ?? 1_000_000)
const CONNECTIONS = [10, 50] as const
/** Teams per run: warm-up, then one slice per connection count (4 per connection). */
const SLICES = { warmup: 20, 10: 40, 50: 200 } as const
const TEAMS = SLICES.warmup + SLICES[10] + SLICES[50]

export interface BenchResults {
  startedAt: string
  seconds: number
  machine: { cpus: number; node: string }
  runs: Record<string, LoadResult>
  raw: RawResult
  dbos: Record<string, DbosResult>
  reads: ReadsResult | null
  /** /health, a history page and an event post while a whole-store verify and an export run. */
  longReads: LongReadsResult | null
  /** GET /instances/:id/state?at=… on a 1,000-event team, with and without kept snapshots. */
  timeTravel: TimeTravelResult | null
  /** Lists, reports and the inbox on a large store, against plain SQL over the same rows. */
  scale: ScaleResult | null
}

function slice(seeded: Seeded, name: keyof typeof SLICES): string[] {
  const order: (keyof typeof SLICES)[] = ['warmup', 10, 50]
  let from = 0
  for (const key of order) {
    if (key === name) return seeded.instances.slice(from, from + SLICES[key])
    from += SLICES[key]
  }
  return []
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

/**
 * Warms each server, then drives them in turn at each connection count: runs of one connection
 * count follow each other closely, so their ratios hold while the machine's load drifts.
 * `around(connections)` runs just before and just after the runs of each connection count.
 */
async function measureInTurn(
  servers: Record<string, { proc: Proc; seeded: Seeded }>,
  runs: Record<string, LoadResult>,
  around: (connections: number) => void = () => {},
): Promise<void> {
  for (const { proc, seeded } of Object.values(servers)) {
    await driveFlow(proc.url, seeded, slice(seeded, 'warmup'), {
      connections: 10,
      seconds: WARMUP_SECONDS,
    })
  }
  for (const connections of CONNECTIONS) {
    around(connections)
    for (const [name, { proc, seeded }] of Object.entries(servers)) {
      log(`${name} at ${connections} connections, ${SECONDS} s`)
      runs[`${name}@${connections}`] = await driveFlow(
        proc.url,
        seeded,
        slice(seeded, connections),
        { connections, seconds: SECONDS, server: proc },
      )
    }
    around(connections)
  }
}

/** Two raw-storage measurements as one: commits over seconds. */
function combined(runs: readonly RawResult[]): RawResult {
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0)
  const commits = runs.reduce((sum, r) => sum + r.commits, 0)
  return { seconds, commits, commitsPerSec: seconds > 0 ? commits / seconds : 0 }
}

function copySqlite(from: string, to: string): void {
  copyFileSync(from, to)
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doorlopend-bench-'))
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    seconds: SECONDS,
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    runs: {},
    raw: { seconds: 0, commits: 0, commitsPerSec: 0 },
    dbos: {},
    reads: null,
    longReads: null,
    timeTravel: null,
    scale: null,
  }
  try {
    if (ONLY === 'time-travel') {
      results.timeTravel = await timeTravel(dir)
      return finish(results)
    }
    if (ONLY === 'scale') {
      results.scale = await scale(dir)
      return finish(results)
    }
    log(`seeding ${TEAMS} teams in ${dir}`)
    const seedPath = join(dir, 'seed.sqlite')
    const seeded = await seed(`sqlite:${seedPath}`, TEAMS)
    for (const copy of ['durable', 'nosync', 'raw'])
      copySqlite(seedPath, join(dir, `${copy}.sqlite`))

    const durable = await startEngine({ DATABASE_URL: `sqlite:${join(dir, 'durable.sqlite')}` })
    const nosync = await startEngine({
      DATABASE_URL: `sqlite:${join(dir, 'nosync.sqlite')}`,
      DOORLOPEND_UNSAFE_NO_FSYNC: '1',
    })
    const bare = await startScript('bench/bare-server.ts')
    // Raw storage right before and right after the runs at 50 connections (half the time each):
    // this disk's fsync latency drifts by a factor of three within minutes.
    const raw: RawResult[] = []
    try {
      await measureInTurn(
        {
          engine: { proc: durable, seeded },
          'engine-fsync-off': { proc: nosync, seeded },
          bare: { proc: bare, seeded },
        },
        results.runs,
        (connections) => {
          if (connections !== 50) return
          log(`raw storage, ${SECONDS / 2} s`)
          raw.push(rawStorage(join(dir, 'raw.sqlite'), seeded.instances[0] ?? '', SECONDS / 2))
        },
      )
    } finally {
      await Promise.all([durable.stop(), nosync.stop(), bare.stop()])
    }
    results.raw = combined(raw)

    if (PG_URL) {
      const schemaUrl = await freshSchema(PG_URL)
      const limitsUrl = await freshSchema(PG_URL)
      try {
        log('seeding PostgreSQL (twice: with and without the shared request limits)')
        const pgSeeded = await seed(schemaUrl, TEAMS)
        const limitsSeeded = await seed(limitsUrl, TEAMS)
        const pg = await startEngine({ DATABASE_URL: schemaUrl })
        // Limits on but never reached: one upsert per request in the UNLOGGED rate_limits table.
        const limited = await startEngine({
          DATABASE_URL: limitsUrl,
          RATE_LIMIT_PER_10S: '1000000000',
        })
        try {
          await measureInTurn(
            {
              'engine-postgres': { proc: pg, seeded: pgSeeded },
              'engine-postgres-limits': { proc: limited, seeded: limitsSeeded },
            },
            results.runs,
          )
        } finally {
          await Promise.all([pg.stop(), limited.stop()])
        }
      } finally {
        await dropSchema(PG_URL, schemaUrl)
        await dropSchema(PG_URL, limitsUrl)
      }
      for (const connections of CONNECTIONS) {
        log(`DBOS at ${connections} concurrent workflows, ${SECONDS} s`)
        results.dbos[`dbos@${connections}`] = await runDbos(PG_URL, connections, SECONDS)
      }
    } else {
      log('PostgreSQL rows skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL')
    }

    log(`reads: ${READ_INSTANCES} teams × ${EVENTS_PER_INSTANCE} events, in processes of their own`)
    const reads = {
      READS_PATH: join(dir, 'reads.sqlite'),
      READ_INSTANCES: String(READ_INSTANCES),
      EVENTS_PER_INSTANCE: String(EVENTS_PER_INSTANCE),
    }
    const grown = await runJsonScript<{ seconds: number }>('bench/reads.ts', {
      ...reads,
      READS_PHASE: 'grow',
    })
    results.reads = await runJsonScript<ReadsResult>('bench/reads.ts', {
      ...reads,
      READS_PHASE: 'measure',
      GENERATE_SECONDS: String(grown.seconds),
    })
    log('long reads: /health, history pages and event posts during a whole-store verify and export')
    results.longReads = await runJsonScript<LongReadsResult>('bench/reads.ts', {
      ...reads,
      READS_PHASE: 'contend',
    })
    results.timeTravel = await timeTravel(dir)
    results.scale = await scale(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  finish(results)
}

/** The state as of random moments of one 1,000-event team, in a process of its own. */
function timeTravel(dir: string): Promise<TimeTravelResult> {
  log('time travel: one team with 1,000 events, with and without kept snapshots')
  return runJsonScript<TimeTravelResult>('bench/time-travel.ts', {
    TIME_TRAVEL_PATH: join(dir, 'time-travel.sqlite'),
  })
}

/** Lists, reports and the inbox on a large store: written in one process, measured in another. */
async function scale(dir: string): Promise<ScaleResult> {
  const env = {
    SCALE_PATH: join(dir, 'scale.sqlite'),
    SCALE_INSTANCES: String(SCALE_INSTANCES),
    SCALE_EVENTS: String(SCALE_EVENTS),
  }
  log(`scale: writing ${SCALE_INSTANCES} instances with ${SCALE_EVENTS} events, catching up facts`)
  await runJsonScript('bench/scale.ts', { ...env, SCALE_PHASE: 'build' })
  log('scale: lists, reports and inbox against plain SQL')
  return runJsonScript<ScaleResult>('bench/scale.ts', { ...env, SCALE_PHASE: 'measure' })
}

/** Prints the table and writes the JSON to bench/results/. */
function finish(results: BenchResults): void {
  const out = fileURLToPath(new URL('./results/', import.meta.url))
  mkdirSync(out, { recursive: true })
  const file = join(out, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`)
  const summary = report(results)
  writeFileSync(file, JSON.stringify({ ...results, summary: summary.goals }, null, 2))
  console.log(summary.text)
  console.log(`\nJSON: ${file}`)
}

await main()
process.exit(0)
