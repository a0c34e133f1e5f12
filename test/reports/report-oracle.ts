import type { DbHandle } from '../../db/create-db.ts'
import { phases } from '../../machines/vocabulary.ts'

// The reports computed a second way, for the tests: straight from the instances and their events
// (never from the facts tables), with rules written out here again.

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
export const dayOfRecord = (iso: string) => DAY.format(new Date(iso))

const SETTLED: Record<number, Record<string, string[]>> = {
  1: {
    toegang: ['toegelaten'],
    ondersteuning: ['afgesproken', 'afgerond'],
    facilitering: ['afgesproken'],
    erkenning: ['afgesproken', 'verleend'],
  },
  2: {
    toegang: ['toegelaten'],
    ondersteuning: ['ingestemd', 'afgerond'],
    facilitering: ['ingestemd'],
    erkenning: ['ingestemd', 'verleend'],
  },
}

function openOf(machine: string, version: number, value: unknown): string[] {
  if (machine === 'ontwikkelteam') {
    return typeof value === 'string' && (phases as readonly string[]).includes(value) ? [value] : []
  }
  if (value === 'aangevraagd') return ['aangevraagd']
  const lopend = (value as { lopend?: Record<string, string> } | null)?.lopend
  if (!lopend) return []
  return Object.keys(SETTLED[version]!).filter(
    (q) => typeof lopend[q] === 'string' && !SETTLED[version]![q]!.includes(lopend[q]!),
  )
}

const days = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))

export interface OracleInstance {
  id: string
  machine: string
  version: number
  status: string
  value: unknown
  context: Record<string, any>
  pilotId: string | null
  organisationIds: string[]
  startedOn: string
  /** Closed periods: part, entered day, days. */
  closed: { part: string; entered: string; days: number }[]
  /** Still open: part and day entered. */
  open: { part: string; entered: string }[]
  reached: Set<string>
}

export async function oracleInstances(store: DbHandle): Promise<OracleInstance[]> {
  const rows = await store.db
    .selectFrom('instances')
    .selectAll()
    .where('machine_id', 'in', ['ontwikkelteam', 'rolovergang'])
    .execute()
  const events = await store.db
    .selectFrom('events')
    .select([
      'instance_id',
      'seq',
      'effective_date',
      'recorded_at',
      'state_after',
      'machine_version',
    ])
    .orderBy('instance_id')
    .orderBy('seq')
    .execute()
  const links = await store.db.selectFrom('instance_organisations').selectAll().execute()
  return rows.map((r) => {
    const snapshot = JSON.parse(r.snapshot)
    const mine = events.filter((e) => e.instance_id === r.id)
    const open = new Map<string, string>()
    const closed: OracleInstance['closed'] = []
    const reached = new Set<string>()
    for (const e of mine) {
      const day = e.effective_date ?? dayOfRecord(e.recorded_at)
      const after = openOf(r.machine_id, e.machine_version ?? 1, JSON.parse(e.state_after))
      for (const [part, entered] of [...open]) {
        if (after.includes(part)) continue
        closed.push({ part, entered, days: days(entered, day) })
        open.delete(part)
      }
      for (const part of after) {
        reached.add(part)
        if (!open.has(part)) open.set(part, day)
      }
    }
    const first = mine[0]!
    return {
      id: r.id,
      machine: r.machine_id,
      version: r.machine_version,
      status: r.status,
      value: snapshot.value,
      context: snapshot.context,
      pilotId: r.pilot_id,
      organisationIds: links.filter((l) => l.instance_id === r.id).map((l) => l.organisation_id),
      startedOn: first.effective_date ?? dayOfRecord(first.recorded_at),
      closed,
      open: [...open].map(([part, entered]) => ({ part, entered })),
      reached,
    }
  })
}

/** Nearest rank: the value at rank ⌈p·N⌉ of the sorted values. */
export function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!
}

export const waitedDays = (entered: string, today: string) => days(entered, today)
