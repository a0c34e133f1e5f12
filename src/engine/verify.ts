import type { DbHandle } from '../../db/create-db.ts'
import type { EventRow } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { getInstance, listAllInstanceIds } from '../../db/queries/instances.ts'
import { hashedEventOf } from './event-row.ts'
import { Slices } from '../workers/slices.ts'
import { ZERO_HASH, eventHash, isEventFormat, machineVersionOf } from './hash.ts'

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
 * instance's head. `onProgress` is told after each instance. Yields to the event loop every few
 * milliseconds, so that other requests are served while it runs on the server's thread.
 */
export async function verifyChains(
  store: DbHandle,
  instanceIds?: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyReport> {
  const ids = instanceIds ?? (await listAllInstanceIds(store.db))
  const report: VerifyReport = { ok: true, instances: 0, events: 0, breaks: [] }
  const slices = new Slices()
  for (const id of ids) {
    await slices.pause()
    if (!(await getInstance(store.db, id))) continue
    report.instances++
    const chain = { prevHash: ZERO_HASH, last: 0, machineVersion: 0 }
    const readFrom = async (until: number) => {
      for (;;) {
        const rows = await listEvents(store.db, id, { after: chain.last, limit: BATCH })
        for (const row of rows) {
          if (slices.due) await slices.pause()
          if (row.seq > until) return
          report.events++
          const problem =
            checkEvent(row, chain.last + 1, chain.prevHash) ??
            checkMachineVersion(row, chain.machineVersion)
          if (problem) report.breaks.push({ instanceId: id, seq: row.seq, reason: problem })
          chain.prevHash = row.hash
          chain.last = row.seq
          chain.machineVersion = versionOf(row)
        }
        if (rows.length < BATCH) return
      }
    }
    // Events first, then the head, then what was appended meanwhile: an event and the head move
    // commit together and heads only move forward, so writers running alongside raise no alarm.
    await readFrom(Number.MAX_SAFE_INTEGER)
    const instance = await getInstance(store.db, id)
    if (!instance) continue
    if (instance.version > chain.last) await readFrom(instance.version)
    if (instance.version !== chain.last || instance.head_hash !== chain.prevHash) {
      report.breaks.push({
        instanceId: id,
        seq: instance.version,
        reason: `head: instance says version ${instance.version} with hash ${instance.head_hash.slice(0, 12)}…, history ends at seq ${chain.last} with hash ${chain.prevHash.slice(0, 12)}…`,
      })
    } else if (chain.last > 0 && instance.machine_version !== chain.machineVersion) {
      report.breaks.push({
        instanceId: id,
        seq: instance.version,
        reason: `head: instance says it runs machine version ${instance.machine_version}, its last event was applied under version ${chain.machineVersion}`,
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

const versionOf = (row: EventRow) =>
  machineVersionOf(isEventFormat(row.format) ? row.format : 1, row.machine_version)

/** The machine version changes only by a definitie.gemigreerd that says so, and only forward. */
function checkMachineVersion(row: EventRow, previous: number): string | null {
  const version = versionOf(row)
  if (previous === 0 || version === previous) return null
  let moved: { from?: unknown; to?: unknown } | null
  try {
    moved = JSON.parse(row.payload) as { from?: unknown; to?: unknown } | null
  } catch {
    return 'stored fields are not valid JSON'
  }
  const declared =
    row.type === 'definitie.gemigreerd' && moved?.from === previous && moved.to === version
  return declared && version > previous
    ? null
    : `the machine version changes from ${previous} to ${version} without a definitie.gemigreerd that says so`
}
