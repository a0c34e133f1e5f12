import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { checkpointOf, takeCheckpoint } from '../../src/audit/checkpoint.service.ts'
import { signingKey } from '../../src/audit/signing-key.ts'
import { verifyForPrincipal } from '../../src/engine/audit.service.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { checkCheckpoint } from '../../src/verifier/checkpoint-check.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { ADMIN } from './support.ts'
import { allowTampering } from './tamper.ts'
import { auditedHistory } from './world.ts'

/** A second handle on `url` that records the tables each of its statements names. */
function watched(url: string): { store: DbHandle; tables: Set<string> } {
  const tables = new Set<string>()
  const store = createDb(url, {
    queryHook: (text) => {
      for (const [, table] of text.matchAll(/(?:from|join)\s+"?(\w+)"?/gi)) tables.add(table ?? '')
    },
  })
  return { store, tables }
}

describe.each(DATABASES)('long reads in a worker thread (%s)', (kind) => {
  let db: TestDatabase
  let ids: string[]
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ids = await auditedHistory(db.store, 2)
    await allowTampering(db)
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  it('verifies the whole store through a handle of its own, with the report verified here', async () => {
    const { store, tables } = watched(db.url)
    try {
      const report = await verifyForPrincipal(store, ADMIN)
      expect(report).toEqual(await verifyChains(db.store))
      expect(report).toMatchObject({ ok: true, instances: expect.any(Number) })
      expect(report.events).toBeGreaterThan(ids.length)
      // Not one event was read through the server's handle.
      expect(tables.has('events')).toBe(false)
    } finally {
      await store.destroy()
    }
  })

  it('reports an altered event as the in-process verify does', async () => {
    const id = ids[0] as string
    const { store } = watched(db.url)
    try {
      await sql`update events set reason = 'veranderd' where instance_id = ${id} and seq = 2`.execute(
        db.store.db,
      )
      const report = await verifyForPrincipal(store, ADMIN)
      expect(report.ok).toBe(false)
      expect(report.breaks).toContainEqual({
        instanceId: id,
        seq: 2,
        reason: 'hash does not match the stored fields (altered event)',
      })
      expect(report).toEqual(await verifyChains(db.store))
    } finally {
      await sql`update events set reason = null where instance_id = ${id} and seq = 2`.execute(
        db.store.db,
      )
      await store.destroy()
    }
  })

  it('signs a checkpoint in the worker that this server accepts, over the heads read here', async () => {
    const { store, tables } = watched(db.url)
    try {
      const key = await signingKey(db.store)
      const checkpoint = await takeCheckpoint(store, ADMIN, key)
      expect(tables.has('instances')).toBe(false)
      expect(checkCheckpoint(checkpoint, key.publicKey)).toEqual([])
      expect(checkpoint).toEqual(await checkpointOf(db.store, checkpoint.at, key))
    } finally {
      await store.destroy()
    }
  })
})

describe('an in-memory database', () => {
  it('is verified on the server’s thread: a worker cannot open it', async () => {
    const tables = new Set<string>()
    const store = createDb('sqlite::memory:', {
      queryHook: (text) => {
        if (/\bevents\b/.test(text)) tables.add('events')
      },
    })
    try {
      await migrateToLatest(store.db)
      await auditedHistory(store, 1)
      tables.clear()
      const report = await verifyForPrincipal(store, ADMIN)
      expect(report.ok).toBe(true)
      expect(tables.has('events')).toBe(true)
    } finally {
      await store.destroy()
    }
  })
})
