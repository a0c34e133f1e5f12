import { createHash, generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signCheckpoint } from '../../src/audit/checkpoint.service.ts'
import { signingKeyFromPem } from '../../src/audit/signing-key.ts'
import { checkCheckpoint, checkExtension } from '../../src/verifier/checkpoint-check.ts'
import { merkleRoot, parsePublicKey } from '../../src/verifier/checkpoint-format.ts'
import type { Checkpoint } from '../../src/verifier/checkpoint-format.ts'
import { exportRecords } from '../../src/verifier/read-export.ts'
import { verifyRecords } from '../../src/verifier/verify-export.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'
import { allowTampering, restore, rng, save, tamper } from './tamper.ts'

const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}
const leaf = (s: string) => sha(Buffer.from([0]), Buffer.from(s))
const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r)
const head = (instanceId: string, seq: number) => ({ instanceId, seq, hash: 'ab'.repeat(32) })

describe('the checkpoint root', () => {
  it('is the RFC 6962 Merkle tree hash over "instanceId:seq:hash" leaves', () => {
    const [a, b, c] = [head('a', 1), head('b', 2), head('c', 3)]
    const la = leaf(`a:1:${a.hash}`)
    const lb = leaf(`b:2:${b.hash}`)
    const lc = leaf(`c:3:${c.hash}`)
    expect(merkleRoot([])).toBe(sha().toString('hex'))
    expect(merkleRoot([a])).toBe(la.toString('hex'))
    expect(merkleRoot([a, b])).toBe(node(la, lb).toString('hex'))
    // Three leaves: the left subtree holds the largest power of two below three.
    expect(merkleRoot([a, b, c])).toBe(node(node(la, lb), lc).toString('hex'))
  })
})

describe.each(DATABASES)('signed checkpoints (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let first: Checkpoint
  let publicKeyPem: string
  const exportText = async () => (await admin.get('/api/v1/audit/export')).body as string
  const offline = async (...checkpoints: unknown[]) =>
    verifyRecords(exportRecords([await exportText()]), {
      checkpoints: checkpoints.map((data, i) => ({ name: `checkpoint-${i}.json`, data })),
      publicKey: parsePublicKey(publicKeyPem),
    })

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    first = (await admin.get('/api/v1/audit/checkpoint')).body
    publicKeyPem = (await admin.get('/api/v1/audit/public-key')).body.publicKeyPem
  })
  afterAll(async () => {
    await db.cleanup()
  })

  it('commits to every instance’s head, and verifies with the public key', async () => {
    const chains = (await admin.get('/api/v1/audit/verify')).body
    expect(first).toMatchObject({
      format: 'doorlopend-checkpoint-v1',
      instances: chains.instances,
      events: chains.events,
    })
    expect(first.heads.map((h) => h.instanceId)).toContain(world.transitionInstanceId)
    expect(first.root).toBe(merkleRoot(first.heads))
    expect(checkCheckpoint(first, parsePublicKey(publicKeyPem))).toEqual([])
    expect((await offline(first)).ok).toBe(true)
  })

  it('is kept for auditors and auditors only', async () => {
    const auditor = admin.as(
      (await admin.post('/api/v1/tokens', { name: 'auditor', role: 'auditor' })).body.token,
    )
    const hr = admin.as(world.hrToken)
    expect((await auditor.get('/api/v1/audit/checkpoint')).status).toBe(200)
    expect((await auditor.get('/api/v1/audit/public-key')).body.publicKeyPem).toBe(publicKeyPem)
    expect((await hr.get('/api/v1/audit/checkpoint')).status).toBe(403)
  })

  it('the offline verifier rejects a checkpoint signed by another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519')
    const other = signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    const forged = signCheckpoint(first.heads, first.at, other)
    const result = await offline(forged)
    expect(result.ok).toBe(false)
    expect(result.breaks[0]?.reason).toContain('signed by another key')
    // The server's keyId written over it does not help: the signature is still the other key's.
    const disguised = await offline({ ...forged, keyId: first.keyId })
    expect(disguised.ok).toBe(false)
    expect(disguised.breaks[0]?.reason).toContain('signature does not verify')
    expect((await admin.post('/api/v1/audit/verify', forged)).status).toBe(422)
  })

  it('the offline verifier rejects a checkpoint with any field altered', async () => {
    const flip = (s: string) => (s[0] === 'a' ? 'b' : 'a') + s.slice(1)
    const [h0, h1] = first.heads as [Checkpoint['heads'][number], Checkpoint['heads'][number]]
    const altered: Record<string, unknown> = {
      format: { ...first, format: 'doorlopend-checkpoint-v2' },
      at: { ...first, at: new Date(Date.parse(first.at) + 1).toISOString() },
      events: { ...first, events: first.events + 1 },
      instances: { ...first, instances: first.instances - 1 },
      root: { ...first, root: flip(first.root) },
      keyId: { ...first, keyId: flip(first.keyId) },
      signature: { ...first, signature: flip(first.signature) },
      'a head’s hash': {
        ...first,
        heads: [{ ...h0, hash: flip(h0.hash) }, ...first.heads.slice(1)],
      },
      'a head’s seq': {
        ...first,
        heads: [{ ...h0, seq: h0.seq + 1 }, ...first.heads.slice(1)],
        events: first.events + 1,
      },
      'a head dropped': { ...first, heads: first.heads.slice(1) },
      'heads reordered': { ...first, heads: [h1, h0, ...first.heads.slice(2)] },
      'a field added': { ...first, note: 'x' },
    }
    for (const [what, checkpoint] of Object.entries(altered)) {
      const result = await offline(checkpoint)
      expect(result.ok, what).toBe(false)
      expect(result.breaks[0]?.reason, what).toMatch(/^checkpoint checkpoint-0\.json: /)
      expect(
        (await admin.post('/api/v1/audit/verify', checkpoint)).status,
        what,
      ).toBeGreaterThanOrEqual(400)
    }
  })

  it('a later checkpoint extends the earlier one', async () => {
    await admin.post(`/api/v1/instances/${world.transitionInstanceId}/events`, {
      type: 'behandeling.starten',
    })
    const later = (await admin.get('/api/v1/audit/checkpoint')).body as Checkpoint
    expect(later.events).toBeGreaterThan(first.events)
    expect(
      checkExtension({ name: 'first', checkpoint: first }, { name: 'later', checkpoint: later }),
    ).toEqual([])
    const result = await offline(first, later)
    expect(result.ok).toBe(true)
    expect(result.checkpoints.map((c) => c.headsConfirmed)).toEqual([
      first.instances,
      later.instances,
    ])
  })

  it('the offline verifier rejects a later checkpoint that does not extend the earlier one', async () => {
    await allowTampering(db)
    const transition = await save(db, world.transitionInstanceId)
    const r = rng(7)
    for (const [what, expected] of [
      ['truncate', 'went back from seq'],
      ['rewrite', 'has another hash'],
    ] as const) {
      const before = (await admin.get('/api/v1/audit/checkpoint')).body as Checkpoint
      await tamper(db, r, what, transition)
      // The server signs whatever it holds now: a checkpoint of the rewritten history.
      const after = (await admin.get('/api/v1/audit/checkpoint')).body as Checkpoint
      const pair = checkExtension(
        { name: 'before', checkpoint: before },
        { name: 'after', checkpoint: after },
      )
      expect(pair.join('\n'), what).toContain(expected)
      const result = await offline(before, after)
      expect(result.ok, what).toBe(false)
      expect(result.breaks[0]?.reason, what).toContain('does not extend')
      await restore(db, transition)
    }

    // An instance removed altogether.
    const before = (await admin.get('/api/v1/audit/checkpoint')).body as Checkpoint
    const gone = world.teamId
    await db.store.db.deleteFrom('events').where('instance_id', '=', gone).execute()
    await db.store.db.deleteFrom('instance_people').where('instance_id', '=', gone).execute()
    await db.store.db.deleteFrom('instance_organisations').where('instance_id', '=', gone).execute()
    for (const table of ['instance_periods', 'instance_facts'] as const) {
      await db.store.db.deleteFrom(table).where('instance_id', '=', gone).execute()
    }
    await db.store.db.deleteFrom('instances').where('id', '=', gone).execute()
    const after = (await admin.get('/api/v1/audit/checkpoint')).body as Checkpoint
    const result = await offline(before, after)
    expect(result.ok).toBe(false)
    expect(result.breaks.map((b) => b.reason).join('\n')).toContain(`instance ${gone} (seq`)
    expect(result.breaks.map((b) => b.reason).join('\n')).toContain('has vanished')
  })
})
