import type { DbHandle } from '../../db/create-db.ts'
import type { EventRow } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { getInstance, listAllInstanceIds } from '../../db/queries/instances.ts'
import { hashedEventOf } from './event-row.ts'
import { ZERO_HASH, eventHash } from './hash.ts'

export interface ChainBreak {
  instanceId: string
  seq: number
  reason: string
}

export interface VerifyReport {
  ok: boolean
  instances: number
  events: number
  breaks: ChainBreak[]
}

const BATCH = 1000

/**
 * Recomputes every hash from the stored fields and checks the links, the seq order and each
 * instance's head. `onProgress` is told after each instance.
 */
export async function verifyChains(
  store: DbHandle,
  instanceIds?: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyReport> {
  const ids = instanceIds ?? (await listAllInstanceIds(store.db))
  const report: VerifyReport = { ok: true, instances: 0, events: 0, breaks: [] }
  for (const id of ids) {
    const instance = await getInstance(store.db, id)
    if (!instance) continue
    report.instances++
    let prevHash = ZERO_HASH
    let expected = 1
    let after = 0
    for (;;) {
      const rows = await listEvents(store.db, id, { after, limit: BATCH })
      for (const row of rows) {
        report.events++
        const problem = checkEvent(row, expected, prevHash)
        if (problem) report.breaks.push({ instanceId: id, seq: row.seq, reason: problem })
        prevHash = row.hash
        expected = row.seq + 1
      }
      if (rows.length < BATCH) break
      after = rows[rows.length - 1]?.seq ?? after
    }
    const last = expected - 1
    if (instance.version !== last || instance.head_hash !== prevHash) {
      report.breaks.push({
        instanceId: id,
        seq: instance.version,
        reason: `head: instance says version ${instance.version} with hash ${instance.head_hash.slice(0, 12)}…, history ends at seq ${last} with hash ${prevHash.slice(0, 12)}…`,
      })
    }
    onProgress?.(report.instances, ids.length)
  }
  report.ok = report.breaks.length === 0
  return report
}

function checkEvent(row: EventRow, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq)
    return `seq ${expectedSeq} expected, found ${row.seq} (missing or reordered events)`
  if (row.prev_hash !== prevHash) return 'prevHash does not match the previous event’s hash'
  let recomputed: string
  try {
    recomputed = eventHash(row.prev_hash, hashedEventOf(row))
  } catch {
    return 'stored fields are not valid JSON'
  }
  return recomputed === row.hash ? null : 'hash does not match the stored fields (altered event)'
}
