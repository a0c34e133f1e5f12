import autocannon from 'autocannon'
import { blockedEvent, flowCycle, flowEvent } from './flow.ts'
import type { FlowEvent } from './flow.ts'
import type { Proc } from './proc.ts'
import { BENCH_HR_SECRET } from './seed.ts'
import type { Seeded } from './seed.ts'

/** Of every 100 requests: reads and deliberately refused events; the rest move teams on. */
const READS_PER_100 = 8
const REFUSED_PER_100 = 7

export interface LoadResult {
  connections: number
  seconds: number
  requests: number
  requestsPerSec: number
  /** Event posts answered 200 (each one durable before its answer). */
  events: number
  eventsPerSec: number
  refused: number
  reads: number
  /** Answers other than the script expects (should be 0), by status; transport errors/timeouts. */
  unexpected: number
  unexpectedStatuses: Record<string, number>
  errors: number
  p50: number
  p99: number
  cpuMicrosPerEvent: number | null
  peakRssMiB: number | null
}

interface Context {
  slot?: number
  pending?: { kind: 'event' | 'refused' | 'read'; instance: string }
  n?: number
}

/**
 * Drives `url` with `connections` keep-alive connections for `seconds`. Each connection owns its
 * own teams (so their scripts never race) and walks them through the flow in turn, mixing in
 * reads and events that their guards refuse. `server` is measured (CPU, peak RSS) when given.
 */
export async function driveFlow(
  url: string,
  seeded: Seeded,
  instances: readonly string[],
  options: { connections: number; seconds: number; server?: Proc | undefined },
): Promise<LoadResult> {
  const { connections, seconds } = options
  const perConnection = Math.max(1, Math.floor(instances.length / connections))
  const position = new Map<string, number>()
  const cycle = flowCycle(seeded)
  const refusedBody = JSON.stringify(blockedEvent(seeded.orgC))
  const counts = { events: 0, refused: 0, reads: 0, unexpected: 0 }
  const unexpectedStatuses: Record<string, number> = {}
  let nextSlot = 0
  const headers = {
    authorization: `Bearer ${BENCH_HR_SECRET}`,
    'content-type': 'application/json',
  }

  const request = {
    setupRequest(req: any, context: Context) {
      context.slot ??= nextSlot++ % connections
      context.n = (context.n ?? 0) + 1
      const own = (context.n + context.slot) % perConnection
      const instance = instances[(context.slot * perConnection + own) % instances.length] ?? ''
      const roll = (context.n * 37 + context.slot * 11) % 100
      if (roll < READS_PER_100) {
        context.pending = { kind: 'read', instance }
        return {
          ...req,
          method: 'GET',
          path: `/api/v1/instances/${instance}`,
          headers: { ...headers },
        }
      }
      const refused = roll < READS_PER_100 + REFUSED_PER_100
      context.pending = { kind: refused ? 'refused' : 'event', instance }
      const event: FlowEvent = flowEvent(seeded, position.get(instance) ?? 0, cycle)
      return {
        ...req,
        method: 'POST',
        path: `/api/v1/instances/${instance}/events`,
        // A fresh object: autocannon writes Content-Length into the headers it is given.
        headers: { ...headers },
        body: refused ? refusedBody : JSON.stringify(event),
      }
    },
    onResponse(status: number, _body: string, context: Context) {
      const pending = context.pending
      if (!pending) return
      if (pending.kind === 'read' && status === 200) counts.reads++
      else if (pending.kind === 'refused' && status === 422) counts.refused++
      else if (pending.kind === 'event' && status === 200) {
        counts.events++
        position.set(pending.instance, (position.get(pending.instance) ?? 0) + 1)
      } else {
        counts.unexpected++
        const key = `${pending.kind} ${status}`
        unexpectedStatuses[key] = (unexpectedStatuses[key] ?? 0) + 1
      }
      context.pending = undefined
    },
  }
  // autocannon resets a connection's context when it wraps around its list of requests: a list
  // longer than any run keeps each connection on its own teams.
  const requests = new Array<typeof request>(Number(process.env.BENCH_PIPELINE ?? 50_000)).fill(
    request,
  )

  const cpuBefore = options.server?.cpuMicros()
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests,
  })
  const cpuAfter = options.server?.cpuMicros()
  const events = counts.events
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSec: result.requests.total / seconds,
    events,
    eventsPerSec: events / seconds,
    refused: counts.refused,
    reads: counts.reads,
    unexpected: counts.unexpected,
    unexpectedStatuses,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerEvent:
      cpuBefore !== undefined && cpuAfter !== undefined && events > 0
        ? Math.round((cpuAfter - cpuBefore) / events)
        : null,
    peakRssMiB: options.server?.peakRssMiB() ?? null,
  }
}
