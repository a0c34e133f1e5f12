import type { BenchResults } from '../run.ts'
import type { Probe } from './long-reads.ts'
import { scaleGoals, scaleText } from './scale.ts'

export interface Goal {
  name: string
  value: number | null
  goal: string
  met: boolean | null
}

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits)

function ratio(a: number | undefined, b: number | undefined): number | null {
  return a !== undefined && b !== undefined && b > 0 ? a / b : null
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}

/** The table a person reads, and the goals with whether each was met in this run. */
export function report(r: BenchResults): { text: string; goals: Goal[] } {
  const run = (name: string) => r.runs[name]
  const at50 = (name: string) => run(`${name}@50`)
  const goals: Goal[] = []
  const goal = (name: string, value: number | null, target: string, met: (v: number) => boolean) =>
    goals.push({ name, value, goal: target, met: value === null ? null : met(value) })

  goal(
    'durable ÷ fsync-off (events/s, 50 conn)',
    ratio(at50('engine')?.eventsPerSec, at50('engine-fsync-off')?.eventsPerSec),
    '≥ 0.85',
    (v) => v >= 0.85,
  )
  goal(
    'durable ÷ raw storage (events/s ÷ commits/s, 50 conn)',
    ratio(at50('engine')?.eventsPerSec, r.raw.commitsPerSec),
    '≥ 1.0',
    (v) => v >= 1,
  )
  goal(
    'engine ÷ bare framework (requests/s, 50 conn)',
    ratio(at50('engine')?.requestsPerSec, at50('bare')?.requestsPerSec),
    '≥ 0.20',
    (v) => v >= 0.2,
  )
  goal('engine p99 at 50 conn (ms)', at50('engine')?.p99 ?? null, '≤ 20', (v) => v <= 20)
  goal(
    'engine on PostgreSQL ÷ DBOS (events/s, 50)',
    ratio(at50('engine-postgres')?.eventsPerSec, r.dbos['dbos@50']?.stepsPerSec),
    '≥ 5',
    (v) => v >= 5,
  )
  goal(
    'PostgreSQL with shared request limits ÷ without (events/s, 50)',
    ratio(at50('engine-postgres-limits')?.eventsPerSec, at50('engine-postgres')?.eventsPerSec),
    '≥ 0.9',
    (v) => v >= 0.9,
  )
  goal(
    'history page p99 (ms, 100 of 1M events)',
    r.reads?.historyPage.p99 ?? null,
    '≤ 1',
    (v) => v <= 1,
  )
  goal('verify ÷ raw scan+SHA-256 (speed)', r.reads?.verify.ratio ?? null, '≥ 0.8', (v) => v >= 0.8)
  goal(
    'time travel p99 at 1,000 events (ms)',
    r.timeTravel?.withKept.p99 ?? null,
    '≤ 20',
    (v) => v <= 20,
  )
  const during = r.longReads?.during
  goal(
    '/health p99 during verify + export (ms)',
    during?.health.p99 ?? null,
    '≤ 50',
    (v) => v <= 50,
  )
  goal(
    'history page p99 during verify + export (ms)',
    during?.historyPage.p99 ?? null,
    '≤ 50',
    (v) => v <= 50,
  )
  goal(
    'event post p99 during verify + export (ms)',
    during?.eventPost.p99 ?? null,
    '≤ 50',
    (v) => v <= 50,
  )
  for (const g of scaleGoals(r.scale)) goal(g.name, g.value, `≤ ${g.limit}`, (v) => v <= g.limit)

  const bounds = table(
    ['what bounds the goals (same run)', 'value'],
    [
      [
        'bare framework ÷ raw storage (ceiling of durable ÷ raw)',
        fmt(ratio(at50('bare')?.requestsPerSec, r.raw.commitsPerSec), 2),
      ],
      [
        'closed-loop mean latency at 50 conn, ms (50 ÷ engine req/s)',
        fmt(ratio(50 * 1000, at50('engine')?.requestsPerSec), 1),
      ],
      ['engine req/s that a 20 ms mean would need at 50 conn', fmt(50 / 0.02)],
    ],
  )
  const runRows = Object.entries(r.runs).map(([name, x]) => [
    name,
    fmt(x.requestsPerSec),
    fmt(x.eventsPerSec),
    fmt(x.refused),
    fmt(x.reads),
    fmt(x.p50, 1),
    fmt(x.p99, 1),
    fmt(x.cpuMicrosPerEvent),
    fmt(x.peakRssMiB),
    // The bare server echoes: its "refused" events answer 200 by design.
    name.startsWith('bare') ? `–/${x.errors}` : `${x.unexpected}/${x.errors}`,
  ])
  for (const [name, d] of Object.entries(r.dbos)) {
    runRows.push([
      name,
      '–',
      fmt(d.stepsPerSec),
      '–',
      '–',
      fmt(d.meanStepMs, 1) + ' (mean)',
      '–',
      '–',
      '–',
      `${d.refused}/0`,
    ])
  }
  runRows.push([
    'raw storage (1 pair/commit)',
    '–',
    fmt(r.raw.commitsPerSec),
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
  ])
  const runs = table(
    [
      'run@connections',
      'req/s',
      'events/s',
      '422s',
      'reads',
      'p50 ms',
      'p99 ms',
      'CPU µs/event',
      'peak RSS MiB',
      'unexpected/errors',
    ],
    runRows,
  )
  const reads = r.reads
    ? table(
        ['reads', 'value'],
        [
          [
            'store',
            `${r.reads.events} events in ${r.reads.instances} instances (generated in ${fmt(r.reads.generateSeconds, 1)} s)`,
          ],
          [
            'history page (100 events) p50 / p99 ms',
            `${fmt(r.reads.historyPage.p50, 3)} / ${fmt(r.reads.historyPage.p99, 3)}`,
          ],
          [
            'verify whole store s / raw scan+SHA-256 s',
            `${fmt(r.reads.verify.seconds, 2)} / ${fmt(r.reads.verify.rawSeconds, 2)} (chains ok: ${r.reads.verify.ok})`,
          ],
          [
            'state-as-of, 1,000-event instance written before snapshots were kept, p50 / p99 ms',
            r.reads.stateAsOf
              ? `${fmt(r.reads.stateAsOf.p50, 1)} / ${fmt(r.reads.stateAsOf.p99, 1)} (${r.reads.stateAsOf.events} events replayed)`
              : 'not available',
          ],
          [
            'bytes per event: file / events table + indexes',
            `${fmt(r.reads.bytesPerEvent.file)} / ${fmt(r.reads.bytesPerEvent.eventsTable)}`,
          ],
        ],
      )
    : ''
  const travel = r.timeTravel
  const travelRun = (name: string, x: { p50: number; p99: number; max: number; cpuMs: number }) => [
    name,
    `${fmt(x.p50, 1)} / ${fmt(x.p99, 1)} / ${fmt(x.max, 1)}`,
    fmt(x.cpuMs, 1),
  ]
  const timeTravel = travel
    ? [
        `Time travel: GET /instances/:id/state?at=… at ${travel.withKept.samples} random moments of one team with ${travel.events} events (${travel.kept} kept snapshots; seeded in ${fmt(travel.seedSeconds, 1)} s); answers differing: ${travel.differing}, failed: ${travel.failed}`,
        table(
          [
            'state as of a moment, one request after another',
            'p50 / p99 / max ms',
            'server CPU ms/request',
          ],
          [
            travelRun('from the nearest kept snapshot', travel.withKept),
            travelRun('without kept snapshots (replay from event 1)', travel.withoutKept),
            [
              'without ÷ with',
              `p99 ${fmt(ratio(travel.withoutKept.p99, travel.withKept.p99), 1)}`,
              fmt(ratio(travel.withoutKept.cpuMs, travel.withKept.cpuMs), 1),
            ],
          ],
        ),
      ].join('\n')
    : ''
  const long = r.longReads
  const probeRow = (name: string, idle: Probe, busy: Probe) => [
    name,
    `${fmt(idle.p50, 1)} / ${fmt(idle.p99, 1)}`,
    `${fmt(busy.p50, 1)} / ${fmt(busy.p99, 1)} / ${fmt(busy.max, 1)}`,
    `${busy.samples} / ${busy.failed}`,
  ]
  const longReads = long
    ? [
        `Long reads on the same store, in the server: one whole-store verify (${fmt(long.verify.seconds, 1)} s, ${long.verify.events} events, chains ok: ${long.verify.ok}) and one NDJSON export (${fmt(long.export.seconds, 1)} s, ${fmt(long.export.bytes / 2 ** 20)} MiB), started together`,
        table(
          [
            'request, one after another',
            'idle p50 / p99 ms',
            'during p50 / p99 / max ms',
            'samples / failed',
          ],
          [
            probeRow('GET /health', long.idle.health, long.during.health),
            probeRow('history page (100 events)', long.idle.historyPage, long.during.historyPage),
            probeRow('event post', long.idle.eventPost, long.during.eventPost),
          ],
        ),
      ].join('\n')
    : ''
  const goalTable = table(
    ['goal', 'measured', 'target', 'met'],
    goals.map((g) => [
      g.name,
      fmt(g.value, 2),
      g.goal,
      g.met === null ? 'not run' : g.met ? 'yes' : 'NO',
    ]),
  )
  const text = [
    `doorlopend bench — ${r.startedAt}, ${r.seconds} s per run, ${r.machine.cpus} CPUs, Node ${r.machine.node}`,
    '',
    runs,
    '',
    reads,
    '',
    longReads,
    '',
    timeTravel,
    '',
    r.scale ? scaleText(r.scale, table) : '',
    '',
    goalTable,
    '',
    bounds,
  ].join('\n')
  return { text, goals }
}
