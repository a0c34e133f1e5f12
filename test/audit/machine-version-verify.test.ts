import { describe, expect, it } from 'vitest'
import { ZERO_HASH, eventHash } from '../../src/engine/hash.ts'
import { EXPORT_FORMAT, ndjsonLine } from '../../src/verifier/export-format.ts'
import type { EventRecord, ExportRecord } from '../../src/verifier/export-format.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'

// The offline verifier holds an instance to the machine version its events were applied under:
// it changes only through a definitie.gemigreerd that says from which version to which, only
// forward, and the head names the version of the last event. The chains below are hashed
// correctly, so only that check can catch them.

type Step = { type: string; version: number; payload?: Record<string, unknown> }

function chain(steps: Step[], headVersion: number): string {
  const events: EventRecord[] = []
  let prev = ZERO_HASH
  steps.forEach((step, i) => {
    const fields = {
      format: 3 as const,
      instanceId: 'inst_1',
      seq: i + 1,
      type: step.type,
      payload: step.payload ?? {},
      reason: null,
      actor: { tokenId: 'cli', role: 'admin', personId: null, organisationId: null },
      recordedAt: `2026-12-0${String(i + 1)}T10:00:00.000Z`,
      effectiveDate: null,
      stateBefore: i === 0 ? null : 'aangevraagd',
      stateAfter: 'aangevraagd',
      machineVersion: step.version,
    }
    const hash = eventHash(prev, fields)
    events.push({ kind: 'event', ...fields, prevHash: prev, hash })
    prev = hash
  })
  const records: ExportRecord[] = [
    {
      kind: 'export',
      format: EXPORT_FORMAT,
      exportedAt: '2026-12-09T00:00:00.000Z',
      filter: { instanceId: null, from: null, to: null },
      scope: 'all',
    },
    {
      kind: 'head',
      instanceId: 'inst_1',
      machineId: 'rolovergang',
      machineVersion: headVersion,
      version: steps.length,
      headHash: prev,
    },
    ...events,
    { kind: 'end', events: events.length, instances: 1 },
  ]
  return records.map(ndjsonLine).join('')
}

const verify = (text: string) => verifyRecords(exportRecords([text]))
const migrated = { type: 'definitie.gemigreerd', version: 2, payload: { from: 1, to: 2 } }

describe('machine versions in the offline verifier', () => {
  it('accepts a version that changes by a definitie.gemigreerd', async () => {
    const text = chain([{ type: 'aangemaakt', version: 1 }, migrated, { type: 'x', version: 2 }], 2)
    const result = await verify(text)
    expect(result.breaks).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('breaks on a version that changes without one, or goes back', async () => {
    const silent = await verify(
      chain(
        [
          { type: 'aangemaakt', version: 1 },
          { type: 'x', version: 2 },
        ],
        2,
      ),
    )
    expect(silent.ok).toBe(false)
    expect(silent.breaks[0]?.reason).toContain('without a definitie.gemigreerd')
    const back = { type: 'definitie.gemigreerd', version: 1, payload: { from: 2, to: 1 } }
    const backwards = await verify(chain([{ type: 'aangemaakt', version: 2 }, back], 1))
    expect(backwards.ok).toBe(false)
  })

  it('breaks on a head that names another version than its last event', async () => {
    const result = await verify(chain([{ type: 'aangemaakt', version: 1 }, migrated], 1))
    expect(result.ok).toBe(false)
    expect(result.breaks[0]?.reason).toContain('runs machine version 1')
  })
})
