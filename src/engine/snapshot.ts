import type { Instance } from '../../db/database.ts'
import { snapshotJson } from '../../machines/index.ts'
import type { StoredSnapshot } from '../../machines/types.ts'

/** Parses a stored snapshot's JSON; its shape is checked by the machine runtime on restore. */
export function parseSnapshot(json: string): StoredSnapshot {
  const parsed = JSON.parse(json) as unknown
  if (typeof parsed !== 'object' || parsed === null || !('value' in parsed)) {
    return { value: 'actief', context: {} }
  }
  const { value, context } = parsed as { value: StoredSnapshot['value']; context?: unknown }
  return {
    value,
    context:
      typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {},
  }
}

/**
 * How much is kept, in characters of snapshot JSON: parsed, checked and with what the runtime
 * derives, a snapshot takes about four times its JSON text in memory (4,096 two-cycle teams of
 * 4.4 KB each took 73 MB), so this keeps the heap share near 32 MB.
 */
const MAX_KEPT_CHARS = 8 * 1024 * 1024
/** Instance id → its last snapshot seen, with the exact JSON text it was parsed from. */
const kept = new Map<string, { json: string; stored: StoredSnapshot }>()
let keptChars = 0

/**
 * The parsed snapshot of an instance row. The last one seen per instance is kept with its JSON
 * text and reused only while the row holds exactly that text, so a hit is always what parsing
 * the row would give; what the runtime worked out for it (the checked, resolved XState snapshot
 * and its explanation) comes along. Stored snapshots are never mutated.
 */
export function snapshotOf(instance: Pick<Instance, 'id' | 'snapshot'>): StoredSnapshot {
  const entry = kept.get(instance.id)
  if (entry && entry.json === instance.snapshot) return entry.stored
  const stored = parseSnapshot(instance.snapshot)
  keep(instance.id, instance.snapshot, stored)
  return stored
}

/** Keeps the snapshot a write just made for `instanceId`; returns its JSON text to store. */
export function keepSnapshot(instanceId: string, stored: StoredSnapshot): string {
  const json = snapshotJson(stored)
  keep(instanceId, json, stored)
  return json
}

function keep(id: string, json: string, stored: StoredSnapshot): void {
  forget(id)
  if (json.length > MAX_KEPT_CHARS / 8) return
  kept.set(id, { json, stored })
  keptChars += json.length
  // A Map iterates in insertion order and a hit is not re-inserted: the oldest write goes first.
  for (const oldest of kept.keys()) {
    if (keptChars <= MAX_KEPT_CHARS) break
    forget(oldest)
  }
}

function forget(id: string): void {
  const entry = kept.get(id)
  if (!entry) return
  kept.delete(id)
  keptChars -= entry.json.length
}
