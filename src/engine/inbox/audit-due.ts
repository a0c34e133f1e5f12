import type { DbHandle } from '../../../db/create-db.ts'
import { eventsInChains, latestAuditRun } from '../../../db/queries/audit-runs.ts'

/** A checkpoint is due this many days after the last one, when events came since. */
export const CHECKPOINT_DAYS = 7

/** What an auditor has to do: a checkpoint when due, and the breaks the last check found. */
export interface AuditDue {
  lastCheckpointAt: string | null
  checkpointDue: boolean
  eventsSinceCheckpoint: number
  lastVerifyAt: string | null
  /** Breaks the last whole verification found; null when none ran yet. */
  breaks: number | null
}

export async function auditDue(store: DbHandle, now: Date): Promise<AuditDue> {
  const checkpoint = await latestAuditRun(store.db, 'checkpoint')
  const verify = await latestAuditRun(store.db, 'verify')
  const since = (await eventsInChains(store.db)) - (checkpoint?.events ?? 0)
  const age = checkpoint ? (now.getTime() - Date.parse(checkpoint.at)) / 86_400_000 : Infinity
  return {
    lastCheckpointAt: checkpoint?.at ?? null,
    checkpointDue: since > 0 && age >= CHECKPOINT_DAYS,
    eventsSinceCheckpoint: since,
    lastVerifyAt: verify?.at ?? null,
    breaks: verify ? verify.breaks : null,
  }
}
