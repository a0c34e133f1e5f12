import { describe, expect, it } from 'vitest'
import { keepSnapshot, snapshotOf } from '../../src/engine/snapshot.ts'

const row = (id: string, snapshot: string) => ({ id, snapshot })

describe('snapshotOf (parsed snapshots kept per instance)', () => {
  it('reuses the parsed snapshot only while the row holds exactly the same JSON text', () => {
    const a = '{"value":"verkennen","context":{"cycle":1}}'
    const first = snapshotOf(row('inst_a', a))
    expect(first).toEqual({ value: 'verkennen', context: { cycle: 1 } })
    expect(snapshotOf(row('inst_a', a))).toBe(first)

    // The row changed under us (another process wrote, or someone edited it): parsed anew.
    const changed = snapshotOf(row('inst_a', '{"value":"delen","context":{"cycle":1}}'))
    expect(changed).not.toBe(first)
    expect(changed.value).toBe('delen')
    // Same text under another instance id is not mixed up with this one.
    expect(snapshotOf(row('inst_b', a))).not.toBe(first)
  })

  it('serves the snapshot a write kept, and returns the JSON text to store', () => {
    const next = { value: 'delen', context: { cycle: 2 } }
    const json = keepSnapshot('inst_c', next)
    expect(JSON.parse(json)).toEqual(next)
    expect(snapshotOf(row('inst_c', json))).toBe(next)
    // A rolled-back write leaves the old text in the row: the kept one is not used for it.
    expect(snapshotOf(row('inst_c', '{"value":"verkennen","context":{"cycle":2}}'))).not.toBe(next)
  })

  it('keeps a bounded amount: old entries are parsed again, never served stale', () => {
    const big = (n: number) =>
      `{"value":"verkennen","context":{"text":"${'x'.repeat(500_000)}","n":${n}}}`
    const firstText = big(0)
    const first = snapshotOf(row('inst_big_0', firstText))
    for (let n = 1; n <= 40; n++) snapshotOf(row(`inst_big_${n}`, big(n)))
    const again = snapshotOf(row('inst_big_0', firstText))
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })
})
