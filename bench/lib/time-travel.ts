import { isDeepStrictEqual } from 'node:util'
import { createDb, openSqliteConnection } from '../../db/create-db.ts'
import { createApp } from '../../src/http/app.ts'
import { flowCycle, flowStart } from './flow.ts'
import type { FlowEvent } from './flow.ts'
import { BENCH_HR_SECRET, BENCH_SECRET, seed } from './seed.ts'
import { percentile } from './stats.ts'

/** Latencies of GET /instances/:id/state?at=… in ms, one request after the other. */
export interface TimeTravelRun {
  samples: number
  p50: number
  p99: number
  max: number
  /**
   * The server's CPU time per request, in ms (mean): on a machine shared with other work the
   * latencies include waiting for a CPU, this does not.
   */
  cpuMs: number
}

export interface TimeTravelResult {
  events: number
  /** Kept snapshots the write path left (one every KEEP_EVERY events). */
  kept: number
  withKept: TimeTravelRun
  /** The same requests with the instance's kept snapshots removed before each one. */
  withoutKept: TimeTravelRun
  /** Answers that differed between the two (should be 0), and answers other than 200. */
  differing: number
  failed: number
  seedSeconds: number
}

/**
 * One ontwikkelteam with `events` events written through the real app (so the write path keeps
 * its snapshots): the flow up to uitvoeren, then `activiteit.vastleggen` over and over, each
 * activity one more entry in the context, as a team's record grows.
 */
export async function seedLongTeam(path: string, events: number): Promise<{ id: string }> {
  const seeded = await seed(`sqlite:${path}`, 1)
  const id = seeded.instances[0]
  if (!id) throw new Error('no team seeded')
  const store = createDb(`sqlite:${path}`)
  try {
    const app = createApp({ store })
    const cycle = flowCycle(seeded)
    const script: FlowEvent[] = [
      ...flowStart(seeded),
      ...cycle.slice(0, cycle.findIndex((e) => e.type === 'activiteit.vastleggen') + 1),
    ]
    // Dated today: an activity falls within its phase (begun today) and not in the future.
    const today = new Date().toISOString().slice(0, 10)
    for (let n = 1; script.length + 1 < events; n++) {
      script.push({
        type: 'activiteit.vastleggen',
        payload: { date: today, text: `Bijeenkomst ${n} van de leergang.` },
      })
    }
    for (const event of script) {
      const res = await app.request(`/api/v1/instances/${id}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BENCH_HR_SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify(event),
      })
      if (!res.ok) throw new Error(`${event.type}: ${res.status} ${await res.text()}`)
    }
  } finally {
    await store.destroy()
  }
  return { id }
}

function runOf(ms: number[], cpuMicros: number): TimeTravelRun {
  return {
    samples: ms.length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.length ? Math.max(...ms) : Number.NaN,
    cpuMs: ms.length ? cpuMicros / 1000 / ms.length : Number.NaN,
  }
}

/** A number in [0, 1) from a fixed seed (mulberry32): the same moments in every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Moments asked with kept snapshots, then the same ones without. */
const BLOCK = 25

/**
 * The state as of random moments of the team's history, asked of the server: each moment once
 * with the kept snapshots and once without (removed just before, outside the timed request,
 * which then replays from event 1 and keeps them again). Block by block, so that both see the
 * same load on a shared machine. The first `warmup` moments are not counted.
 */
export async function measureTimeTravel(
  server: { url: string; cpuMicros(): number },
  path: string,
  id: string,
  samples: number,
  warmup = 20,
): Promise<Omit<TimeTravelResult, 'seedSeconds'>> {
  const raw = openSqliteConnection(path)
  try {
    const recorded = raw
      .prepare('select seq, recorded_at from events where instance_id = ? order by seq')
      .all(id) as { seq: number; recorded_at: string }[]
    const first = Date.parse(recorded[0]?.recorded_at ?? '')
    const last = Date.parse(recorded[recorded.length - 1]?.recorded_at ?? '')
    const drop = raw.prepare('delete from kept_snapshots where instance_id = ?')
    // What the write path kept: put back after the requests without, which keep only the
    // snapshots up to their own moment again.
    const written = raw.prepare('select * from kept_snapshots where instance_id = ?').all(id)
    const insert = raw.prepare(
      `insert into kept_snapshots (instance_id, seq, machine_version, snapshot, event_hash)
       values (@instance_id, @seq, @machine_version, @snapshot, @event_hash)`,
    )
    const putBack = raw.transaction(() => {
      drop.run(id)
      for (const row of written) insert.run(row)
    })
    const headers = { authorization: `Bearer ${BENCH_SECRET}` }
    const ask = async (at: string) => {
      const cpu = server.cpuMicros()
      const began = performance.now()
      const res = await fetch(`${server.url}/api/v1/instances/${id}/state?at=${at}`, { headers })
      const text = await res.text()
      const ms = performance.now() - began
      return { ms, cpu: server.cpuMicros() - cpu, status: res.status, text }
    }
    const random = seeded(1000)
    const withKept: number[] = []
    const withoutKept: number[] = []
    const cpu = { withKept: 0, withoutKept: 0 }
    let differing = 0
    let failed = 0
    // In blocks: the garbage and the writes of a replay from event 1 (it keeps the snapshots it
    // passes again) would otherwise fall into the next request with kept snapshots.
    for (let from = 0; from < warmup + samples; from += BLOCK) {
      const moments = Array.from({ length: Math.min(BLOCK, warmup + samples - from) }, () =>
        new Date(first + random() * (last - first)).toISOString(),
      )
      const fast = []
      for (const at of moments) fast.push(await ask(at))
      for (const [i, at] of moments.entries()) {
        drop.run(id)
        const slow = await ask(at)
        const quick = fast[i] as typeof slow
        if (quick.status !== 200 || slow.status !== 200) failed++
        if (!isDeepStrictEqual(JSON.parse(quick.text), JSON.parse(slow.text))) differing++
        if (from + i < warmup) continue
        withKept.push(quick.ms)
        withoutKept.push(slow.ms)
        cpu.withKept += quick.cpu
        cpu.withoutKept += slow.cpu
      }
      putBack()
    }
    return {
      events: recorded.length,
      kept: written.length,
      withKept: runOf(withKept, cpu.withKept),
      withoutKept: runOf(withoutKept, cpu.withoutKept),
      differing,
      failed,
    }
  } finally {
    raw.close()
  }
}
