/** A count of values: `count` instances took `value` days. */
export interface Bin {
  value: number
  count: number
}

/**
 * The p-quantile (0 < p ≤ 1) by nearest rank: the value at rank ⌈p·N⌉ of the N values in order.
 * Null when there are none.
 */
export function quantile(bins: readonly Bin[], p: number): number | null {
  const sorted = [...bins].sort((a, b) => a.value - b.value)
  const total = sorted.reduce((sum, b) => sum + b.count, 0)
  if (total === 0) return null
  const rank = Math.max(1, Math.ceil(p * total))
  let seen = 0
  for (const bin of sorted) {
    seen += bin.count
    if (seen >= rank) return bin.value
  }
  return sorted[sorted.length - 1]?.value ?? null
}

export const total = (bins: readonly Bin[]) => bins.reduce((sum, b) => sum + b.count, 0)
