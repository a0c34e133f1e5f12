import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewEventRow } from '../../db/database.ts'
import { ZERO_HASH, eventHash } from '../../src/engine/hash.ts'
import { verifyExportFile } from '../../src/verifier/main.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'

// The export of 100,000 events streams: memory stays flat while it is read, and the offline
// verifier reads it back with flat memory too. Peak RSS and heap are measured and printed (not
// asserted: garbage collection timing is not a property of the code); what is asserted is that
// the body arrived as a stream of page-sized chunks rather than as one buffered whole.

const INSTANCES = 1000
const PER_INSTANCE = 100
const EVENTS = INSTANCES * PER_INSTANCE
const MB = 1024 * 1024

/** Writes the events straight into the tables (hashed as the engine hashes), in big batches. */
async function bulkHistory(db: TestDatabase): Promise<void> {
  const d = db.store.db
  const at = new Date('2025-06-01T10:00:00.000Z')
  for (let i = 0; i < INSTANCES; i++) {
    const id = `inst_bulk${String(i).padStart(5, '0')}`
    let prev = ZERO_HASH
    const rows: NewEventRow[] = []
    for (let seq = 1; seq <= PER_INSTANCE; seq++) {
      const payload = {
        organisationId: 'org_bulk',
        text: `Activiteit ${seq} van team ${i}: lesbezoek en nabespreking.`,
        seq,
      }
      const fields = {
        instanceId: id,
        seq,
        format: 1 as const,
        type: seq === 1 ? 'aangemaakt' : 'activiteit.vastleggen',
        payload,
        reason: null,
        actor: { tokenId: 'tok_bulk', role: 'admin', personId: null, organisationId: null },
        recordedAt: new Date(at.getTime() + seq * 1000).toISOString(),
        effectiveDate: null,
        stateBefore: seq === 1 ? null : 'uitvoeren',
        stateAfter: 'uitvoeren',
      }
      const hash = eventHash(prev, fields)
      rows.push({
        instance_id: id,
        seq,
        type: fields.type,
        payload: JSON.stringify(payload),
        reason: null,
        actor_token_id: 'tok_bulk',
        actor_role: 'admin',
        recorded_at: fields.recordedAt,
        effective_date: null,
        state_before: fields.stateBefore === null ? null : JSON.stringify(fields.stateBefore),
        state_after: JSON.stringify(fields.stateAfter),
        prev_hash: prev,
        hash,
      })
      prev = hash
    }
    await d.transaction().execute(async (tx) => {
      await tx
        .insertInto('instances')
        .values({
          id,
          machine_id: 'bulk',
          machine_version: 1,
          snapshot: '{}',
          status: 'actief',
          version: PER_INSTANCE,
          head_hash: prev,
          title: `bulk ${i}`,
          pilot_id: null,
          person_id: null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .execute()
      await tx.insertInto('events').values(rows).execute()
    })
  }
}

/** Samples RSS (and heap) while `work` runs; returns the peaks. */
async function peakMemory<T>(work: (sample: () => void) => Promise<T>) {
  let rss = process.memoryUsage().rss
  let heap = process.memoryUsage().heapUsed
  const sample = () => {
    const m = process.memoryUsage()
    rss = Math.max(rss, m.rss)
    heap = Math.max(heap, m.heapUsed)
  }
  const timer = setInterval(sample, 20)
  try {
    const value = await work(sample)
    sample()
    return { value, rss, heap }
  } finally {
    clearInterval(timer)
  }
}

describe.each(DATABASES)('exporting 100,000 events (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let dir: string
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    await bulkHistory(db)
    dir = mkdtempSync(join(tmpdir(), 'doorlopend-export-'))
  }, 600_000)
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await db.cleanup()
  })

  it('streams with flat memory, and the offline verifier reads it back with flat memory', async () => {
    const file = join(dir, 'export.ndjson')
    const before = process.memoryUsage()
    const exported = await peakMemory(async (sample) => {
      const res = await admin.app.request('/api/v1/audit/export', {
        headers: { authorization: `Bearer ${admin.token}` },
      })
      expect(res.status).toBe(200)
      const out = createWriteStream(file)
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      let bytes = 0
      let chunks = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        bytes += value.length
        chunks++
        sample()
        if (!out.write(value)) await once(out, 'drain')
      }
      out.end()
      await once(out, 'finish')
      return { bytes, chunks }
    })
    const verified = await peakMemory(() => verifyExportFile(file))
    const size = statSync(file).size
    console.log(
      `[export-memory ${kind}] ${EVENTS} events, ${(size / MB).toFixed(1)} MB in ${exported.value.chunks} chunks. RSS before ${(before.rss / MB).toFixed(0)} MB; ` +
        `peak while exporting ${(exported.rss / MB).toFixed(0)} MB (+${((exported.rss - before.rss) / MB).toFixed(0)}), heap peak ${(exported.heap / MB).toFixed(0)} MB; ` +
        `peak while verifying ${(verified.rss / MB).toFixed(0)} MB (+${((verified.rss - before.rss) / MB).toFixed(0)}), heap peak ${(verified.heap / MB).toFixed(0)} MB`,
    )
    expect(exported.value.bytes).toBe(size)
    expect(exported.value.chunks).toBeGreaterThanOrEqual(EVENTS / 1000)
    const beheer = await db.store.db
      .selectFrom('instances')
      .select('version')
      .where('id', '=', 'beheer')
      .executeTakeFirstOrThrow()
    expect(verified.value).toMatchObject({
      ok: true,
      complete: true,
      events: EVENTS + beheer.version,
      instances: INSTANCES + 1,
    })
  }, 600_000)
})
