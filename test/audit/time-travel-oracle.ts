import type { EventRow } from '../../db/database.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { listEvents } from '../../db/queries/events.ts'
import { EventNotPossibleError, getMachine } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { effectiveDay } from '../../src/audit/effective-date.ts'
import type { Moment } from '../../src/audit/time-travel.service.ts'
import { replayStep } from '../../src/engine/replay.ts'
import type { Replaying } from '../../src/engine/replay.ts'
import type { Store } from '../../src/engine/store.ts'

// Time travel as it was before snapshots were kept: every event of the history read in full and
// replayed from event 1. The measure of "exactly as before" for the faster one, which must give
// the same answer (a refusal as { status, slug, detail }) to every moment.

type Replayed =
  | { snapshot: StoredSnapshot; def: MachineDefinition | undefined }
  | { failed: EventRow; error: EventNotPossibleError }

function replayed(machineId: string | undefined, rows: readonly EventRow[]): Replayed {
  let current: Replaying | undefined
  let snapshot: StoredSnapshot | undefined
  for (const row of rows) {
    if (!machineId) {
      snapshot = { value: JSON.parse(row.state_after) as StoredSnapshot['value'], context: {} }
      continue
    }
    try {
      current = replayStep(machineId, current, row)
    } catch (error) {
      if (error instanceof EventNotPossibleError) return { failed: row, error }
      throw error
    }
    snapshot = current.snapshot
  }
  return { snapshot: snapshot as StoredSnapshot, def: current?.def }
}

const refusal = (detail: string) => ({ status: 404, slug: 'not-yet', detail })

/** The events a moment applies, and the pulled-in ones; or the refusal. */
function appliedAt(machineId: string | undefined, rows: EventRow[], moment: Moment) {
  if ('at' in moment) {
    const at = new Date(moment.at).toISOString()
    const end = rows.findIndex((row) => row.recorded_at > at)
    const applied = end === -1 ? rows : rows.slice(0, end)
    if (applied.length > 0) return { applied, pulledIn: [] as number[] }
    return refusal(
      `Op ${at} bestond proces '${rows[0]?.instance_id}' nog niet: de eerste gebeurtenis is vastgelegd op ${rows[0]?.recorded_at}.`,
    )
  }
  const day = moment.effectiveAt
  const included = new Set(rows.filter((r) => effectiveDay(r) <= day).map((r) => r.seq))
  if (included.size === 0) {
    const first = rows.map(effectiveDay).sort()[0]
    return refusal(
      `Op ${day} was nog geen gebeurtenis van proces '${rows[0]?.instance_id}' van kracht: de vroegste ingangsdatum is ${first}.`,
    )
  }
  const pulledIn: number[] = []
  if (!included.has(1)) {
    included.add(1)
    pulledIn.push(1)
  }
  for (;;) {
    const applied = rows.filter((r) => included.has(r.seq))
    const result = replayed(machineId, applied)
    if (!('failed' in result)) return { applied, pulledIn: pulledIn.sort((a, b) => a - b) }
    const skipped = rows.filter((r) => r.seq < result.failed.seq && !included.has(r.seq))
    const nearest = skipped[skipped.length - 1]
    if (!nearest) throw result.error
    included.add(nearest.seq)
    pulledIn.push(nearest.seq)
  }
}

/** The answer the time travel of the previous release gives to `moment`. */
export async function previousAnswer(store: Store, id: string, moment: Moment): Promise<unknown> {
  const instance = await getInstance(store.db, id)
  if (!instance) throw new Error(`instance ${id} vanished`)
  const machineId = getMachine(instance.machine_id) ? instance.machine_id : undefined
  const rows = await listEvents(store.db, id, { after: 0, limit: 1_000_000 })
  const found = appliedAt(machineId, rows, moment)
  if ('status' in found) return found
  const { applied, pulledIn } = found
  const result = replayed(machineId, applied)
  if ('failed' in result) throw result.error
  const { snapshot, def } = result
  const last = applied[applied.length - 1] as EventRow
  const seqs = new Set(applied.map((r) => r.seq))
  const start = effectiveDay(applied[0] as EventRow)
  return {
    id,
    machine: { id: instance.machine_id, version: def?.version ?? instance.machine_version },
    at: 'at' in moment ? new Date(moment.at).toISOString() : null,
    effectiveAt: 'effectiveAt' in moment ? moment.effectiveAt : null,
    state: snapshot.value,
    status: def ? def.statusOf(snapshot) : 'actief',
    context: snapshot.context,
    version: applied.length,
    lastEvent: {
      seq: last.seq,
      type: last.type,
      recordedAt: last.recorded_at,
      effectiveDate: last.effective_date,
    },
    notYetEffective:
      'effectiveAt' in moment
        ? Array.from({ length: last.seq }, (_, i) => i + 1).filter((s) => !seqs.has(s))
        : [],
    pulledIn,
    effectiveBeforeStart: applied.filter((r) => effectiveDay(r) < start).map((r) => r.seq),
  }
}
