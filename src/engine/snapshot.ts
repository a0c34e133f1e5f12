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
