import { BENCH_SECRET } from './seed.ts'
import { percentile } from './stats.ts'

/** Latencies of one kind of probe request, in ms. */
export interface Probe {
  samples: number
  p50: number
  p99: number
  max: number
  /** Answers other than the one expected (should be 0). */
  failed: number
}

export interface LongReadsResult {
  /** The probes with nothing else running: what "during" is compared with. */
  idle: { health: Probe; historyPage: Probe; eventPost: Probe }
  /** The probes while one whole-store verify and one NDJSON export of everything run. */
  during: { health: Probe; historyPage: Probe; eventPost: Probe }
  verify: { seconds: number; ok: boolean; events: number }
  export: { seconds: number; bytes: number }
}

const headers = { authorization: `Bearer ${BENCH_SECRET}`, 'content-type': 'application/json' }
const PAUSE_MS = 5
const IDLE_MS = 3000

interface Samples {
  ms: number[]
  failed: number
}

function probeOf({ ms, failed }: Samples): Probe {
  return {
    samples: ms.length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.length ? Math.max(...ms) : Number.NaN,
    failed,
  }
}

/**
 * One request after the other until `running()` says stop, with a short pause between: a person
 * using the server while an auditor's long read runs. Each request is timed to its last byte.
 */
async function probe(
  running: () => boolean,
  request: (n: number) => Promise<Response>,
): Promise<Samples> {
  const samples: Samples = { ms: [], failed: 0 }
  for (let n = 0; running(); n++) {
    const began = performance.now()
    const res = await request(n)
    await res.arrayBuffer()
    samples.ms.push(performance.now() - began)
    if (res.status !== 200) samples.failed++
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
  }
  return samples
}

/** /health, a history page and an event post, probed side by side while `running()`. */
async function probes(url: string, teams: readonly string[], running: () => boolean) {
  const team = (n: number) => teams[(n * 7919) % teams.length] ?? ''
  const [health, historyPage, eventPost] = await Promise.all([
    probe(running, () => fetch(`${url}/health`)),
    probe(running, (n) =>
      fetch(`${url}/api/v1/instances/${team(n)}/events?after=${(n * 104_729) % 900}&limit=100`, {
        headers,
      }),
    ),
    probe(running, (n) =>
      fetch(`${url}/api/v1/instances/${team(n + 1)}/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'relatie.vastleggen',
          payload: { text: `Relatie tijdens een lange lezing ${n}.` },
        }),
      }),
    ),
  ])
  return {
    health: probeOf(health),
    historyPage: probeOf(historyPage),
    eventPost: probeOf(eventPost),
  }
}

/** Seconds and bytes to read the NDJSON export of everything, as an auditor's client would. */
async function exportAll(url: string): Promise<LongReadsResult['export']> {
  const began = performance.now()
  const res = await fetch(`${url}/api/v1/audit/export`, { headers })
  if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`)
  let bytes = 0
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength
  return { seconds: (performance.now() - began) / 1000, bytes }
}

async function verifyAll(url: string): Promise<LongReadsResult['verify']> {
  const began = performance.now()
  const res = await fetch(`${url}/api/v1/audit/verify`, { headers })
  const report = (await res.json()) as { ok: boolean; events: number }
  if (res.status !== 200) throw new Error(`verify answered ${res.status}`)
  return { seconds: (performance.now() - began) / 1000, ok: report.ok, events: report.events }
}

/**
 * The latency others see while an auditor's long reads run on the server at `url`: /health, a
 * history page and an event post, first with nothing else running, then during one whole-store
 * verify and one export of everything, started together.
 */
export async function measureLongReads(
  url: string,
  teams: readonly string[],
): Promise<LongReadsResult> {
  const idleUntil = performance.now() + IDLE_MS
  const idle = await probes(url, teams, () => performance.now() < idleUntil)
  let open = 2
  const done = <T>(work: Promise<T>) => work.finally(() => open--)
  const verify = done(verifyAll(url))
  const exported = done(exportAll(url))
  const during = await probes(url, teams, () => open > 0)
  return { idle, during, verify: await verify, export: await exported }
}
