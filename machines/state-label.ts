import type { StateValue } from 'xstate'

/**
 * A state value as one line of text: 'verkennen', or for parallel states
 * 'lopend (toegang: toegelaten, ondersteuning: open, …)'.
 */
export function stateLabel(value: StateValue): string {
  if (typeof value === 'string') return value
  return Object.entries(value)
    .map(([key, sub]) => {
      if (sub === undefined) return key
      if (typeof sub === 'string') return `${key}: ${sub}`
      return `${key} (${stateLabel(sub)})`
    })
    .join(', ')
}
