import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePublicKey } from '../../src/verifier/checkpoint-format.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { KINDS, NEEDS_CHECKPOINT, allowTampering, restore, rng, save, tamper } from './tamper.ts'
import { auditedHistory } from './world.ts'

// 200 random tamperings of a stored history, each caught by the server (GET /audit/verify, or for
// truncation and rewrite POST /audit/verify with a checkpoint taken before) and by the offline
// verifier reading a fresh export against that checkpoint. A truncation with its head rewritten,
// or a chain rewritten with fresh hashes, is whole again: only a checkpoint taken before shows it.

const ROUNDS = 200
const SEED = Number(process.env.TAMPER_SEED ?? 20261124)

describe.each(DATABASES)('tampering with the stored history (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let ids: string[]
  let checkpoint: unknown
  let publicKeyPem: string
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    ids = await auditedHistory(db.store, 6)
    checkpoint = (await admin.get('/api/v1/audit/checkpoint')).body
    publicKeyPem = (await admin.get('/api/v1/audit/public-key')).body.publicKeyPem
    await allowTampering(db)
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  const offline = async (withCheckpoint: boolean) => {
    const exported = await admin.get('/api/v1/audit/export')
    expect(exported.status).toBe(200)
    return verifyRecords(exportRecords([exported.body as string]), {
      ...(withCheckpoint ? { checkpoints: [{ name: 'before.json', data: checkpoint }] } : {}),
      publicKey: parsePublicKey(publicKeyPem),
    })
  }

  it('starts from a history that verifies everywhere', async () => {
    expect((await admin.get('/api/v1/audit/verify')).body.ok).toBe(true)
    expect((await admin.post('/api/v1/audit/verify', checkpoint)).body.ok).toBe(true)
    expect((await offline(true)).ok).toBe(true)
  })

  it(`catches every one of ${ROUNDS} random tamperings (seed ${SEED})`, async () => {
    const r = rng(SEED)
    const caught: Record<string, number> = {}
    for (let round = 0; round < ROUNDS; round++) {
      const what = KINDS[round % KINDS.length] as (typeof KINDS)[number]
      const saved = await save(db, ids[Math.floor(r() * ids.length)] as string)
      const description = await tamper(db, r, what, saved)
      const context = `round ${round}: ${description}`

      const chains = (await admin.get('/api/v1/audit/verify')).body
      const againstCheckpoint = (await admin.post('/api/v1/audit/verify', checkpoint)).body
      const withCheckpoint = await offline(true)
      const withoutCheckpoint = await offline(false)

      expect(againstCheckpoint.ok, context).toBe(false)
      expect(withCheckpoint.ok, context).toBe(false)
      expect(withCheckpoint.breaks[0]?.reason, context).toEqual(expect.any(String))
      if (NEEDS_CHECKPOINT.includes(what)) {
        // Said plainly: without an earlier checkpoint these cannot be seen.
        expect(chains.ok, context).toBe(true)
        expect(withoutCheckpoint.ok, context).toBe(true)
      } else {
        expect(chains.ok, context).toBe(false)
        expect(withoutCheckpoint.ok, context).toBe(false)
      }
      caught[what] = (caught[what] ?? 0) + 1

      await restore(db, saved)
      if (round % 25 === 24)
        expect((await admin.get('/api/v1/audit/verify')).body.ok, context).toBe(true)
    }
    console.log(`[tamper ${kind}] seed ${SEED}: caught ${JSON.stringify(caught)}`)
    expect(Object.values(caught).reduce((a, b) => a + b, 0)).toBe(ROUNDS)
  }, 600_000)
})
