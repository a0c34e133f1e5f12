import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { observeEngine } from '../engine/observers.ts'
import type { Store } from '../engine/store.ts'

/** Where the metrics that are read at scrape time come from. */
export interface MetricsSources {
  store: Store
  /** How many browser sessions are live now (a count, never who). */
  openSessions: () => Promise<number>
}

/**
 * The app's Prometheus series, in a registry of its own (several apps in one process, as in the
 * tests, do not clash). Labels are machine ids, event types, route patterns, methods and status
 * codes only: never an id of a person or an instance, so no personal data and a bounded number of
 * series.
 */
export interface Metrics {
  registry: Registry
  requestDuration: Histogram<'method' | 'route' | 'status'>
}

const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const COMMIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
/** The group committer takes at most 128 units in one transaction. */
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128]

/** Builds the registry with every series, and starts hearing the engine's writes on `store`. */
export function createMetrics({ store, openSessions }: MetricsSources): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]

  const requestDuration = new Histogram({
    name: 'doorlopend_http_request_duration_seconds',
    help: 'HTTP requests: time until the response starts, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  })
  const commitDuration = new Histogram({
    name: 'doorlopend_commit_duration_seconds',
    help: 'Shared write transactions (group commit): time from BEGIN until COMMIT returned.',
    buckets: COMMIT_BUCKETS,
    registers,
  })
  const batchSize = new Histogram({
    name: 'doorlopend_commit_batch_size',
    help: 'Units of work in one shared write transaction.',
    buckets: BATCH_BUCKETS,
    registers,
  })
  const appended = new Counter({
    name: 'doorlopend_events_appended_total',
    help: 'Events stored (committed), by machine and event type.',
    labelNames: ['machine', 'type'] as const,
    registers,
  })
  const refused = new Counter({
    name: 'doorlopend_events_refused_total',
    help: "Events refused with 422, by machine and event type ('unknown' for a type the machine does not have).",
    labelNames: ['machine', 'type'] as const,
    registers,
  })
  new Gauge({
    name: 'doorlopend_sessions_open',
    help: 'Browser sessions live now (not expired, not idle too long); NaN when the database does not answer.',
    registers,
    async collect() {
      this.set(await openSessions().catch(() => Number.NaN))
    },
  })
  const poolStats = store.poolStats
  if (poolStats) poolGauges(registers, poolStats)

  observeEngine(store, {
    committed(batch) {
      commitDuration.observe(batch.seconds)
      batchSize.observe(batch.units)
    },
    appended(events) {
      for (const event of events) appended.inc({ machine: event.machine, type: event.type })
    },
    refused(event) {
      refused.inc({ machine: event.machine, type: event.type })
    },
  })
  return { registry, requestDuration }
}

/** The PostgreSQL pool, read at scrape time. */
function poolGauges(
  registers: Registry[],
  stats: () => { total: number; idle: number; waiting: number },
): void {
  new Gauge({
    name: 'doorlopend_db_pool_connections',
    help: 'PostgreSQL pool: open connections, busy and idle.',
    registers,
    collect() {
      this.set(stats().total)
    },
  })
  new Gauge({
    name: 'doorlopend_db_pool_idle_connections',
    help: 'PostgreSQL pool: open connections not in use.',
    registers,
    collect() {
      this.set(stats().idle)
    },
  })
  new Gauge({
    name: 'doorlopend_db_pool_waiting_requests',
    help: 'PostgreSQL pool: requests waiting for a connection because all are in use.',
    registers,
    collect() {
      this.set(stats().waiting)
    },
  })
}
