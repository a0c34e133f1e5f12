import type { Db, Instance } from '../../db/database.ts'
import { firstAndLastEvents } from '../../db/queries/event-moments.ts'
import { BOOKKEEPING_TYPES, momentOf, recordedMoment } from './effective-moment.ts'
import type { InstanceMoments } from './effective-moment.ts'

/**
 * The moments (first event, last event of the process) of every instance, read in one batched
 * query rather than one per instance. An instance whose events cannot be read (none exist yet)
 * falls back to its row's recorded times.
 */
export async function momentsOf(
  db: Db,
  instances: readonly Instance[],
): Promise<Map<string, InstanceMoments>> {
  const rows = await firstAndLastEvents(
    db,
    instances.map((i) => i.id),
    BOOKKEEPING_TYPES,
  )
  const found = new Map<string, Partial<InstanceMoments>>()
  for (const row of rows) {
    const moment = momentOf({ effectiveDate: row.effective_date, recordedAt: row.recorded_at })
    const entry = found.get(row.instance_id) ?? {}
    if (row.which === 'first') entry.begun = moment
    else entry.last = moment
    found.set(row.instance_id, entry)
  }
  const out = new Map<string, InstanceMoments>()
  for (const instance of instances) {
    const entry = found.get(instance.id)
    const fallback = recordedMomentsOf(instance)
    out.set(instance.id, {
      begun: entry?.begun ?? fallback.begun,
      last: entry?.last ?? fallback.last,
    })
  }
  return out
}

/** The moments of an instance by its row's recorded times only (no event read). */
export function recordedMomentsOf(instance: Instance): InstanceMoments {
  return {
    begun: recordedMoment(instance.created_at),
    last: recordedMoment(instance.updated_at),
  }
}
