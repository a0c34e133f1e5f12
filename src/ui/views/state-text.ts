import { valueLabel } from '../labels.ts'

/** A state value in words: 'Delen', or 'lopend — toegang: toegelaten, ondersteuning: open, …'. */
export function stateText(value: unknown): string {
  if (typeof value === 'string') return valueLabel(value)
  if (typeof value !== 'object' || value === null) return '—'
  return Object.entries(value)
    .map(([key, sub]) => {
      if (typeof sub === 'string') return `${valueLabel(key)}: ${valueLabel(sub)}`
      return `${valueLabel(key)} — ${stateText(sub)}`
    })
    .join(', ')
}
