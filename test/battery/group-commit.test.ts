import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { SYSTEM_ACTOR } from '../../src/engine/actor.ts'
import { commit } from '../../src/engine/commit.ts'
import { recordBeheer } from '../../src/engine/beheer.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { storageFault } from './faults.ts'

const UNITS = 20

describe.each(DATABASES)('group commit on %s', (kind) => {
  let db: TestDatabase
  let store: DbHandle
  let statements: string[]
  let failWhen: (sql: string, parameters: readonly unknown[]) => boolean

  beforeEach(async () => {
    db = await freshDatabase(kind)
    statements = []
    failWhen = () => false
    store = createDb(db.url, {
      queryHook: (sql, parameters) => {
        // Several statements may travel in one query (savepoints on PostgreSQL): each counts.
        statements.push(...sql.toLowerCase().split('; '))
        if (failWhen(sql, parameters)) throw storageFault(kind)
      },
    })
    // The beheer chain exists before the units race to append to it.
    await commit(store, SYSTEM_ACTOR, (w) => recordBeheer(w, 'test.start', {}))
    statements = []
  })
  afterEach(async () => {
    await store.destroy()
    await db.cleanup()
  })

  const commits = () => statements.filter((s) => s === 'commit').length
  const beheerEvents = async () =>
    (await db.store.db.selectFrom('events').select('payload').execute()).map(
      (r) => JSON.parse(r.payload) as { n?: number },
    )
  const unit = (n: number) =>
    commit(store, SYSTEM_ACTOR, async (w) => {
      const appended = await recordBeheer(w, 'test.unit', { n })
      if (n === 7) throw new Error('unit 7 changes its mind')
      return appended.seq
    })

  it('commits units that arrive together in one transaction, each in its own savepoint', async () => {
    const results = await Promise.allSettled(Array.from({ length: UNITS }, (_, n) => unit(n)))
    expect(commits()).toBe(1)
    expect(statements.filter((s) => s.startsWith('savepoint'))).toHaveLength(UNITS)
    const rejected = results.flatMap((r, n) => (r.status === 'rejected' ? [n] : []))
    expect(rejected).toEqual([7])
    const stored = (await beheerEvents()).map((p) => p.n).filter((n) => n !== undefined)
    expect(stored.sort((a, b) => a - b)).toEqual(
      Array.from({ length: UNITS }, (_, n) => n).filter((n) => n !== 7),
    )
    expect((await verifyChains(db.store)).ok).toBe(true)
  })

  it('acknowledges no unit before the shared COMMIT has returned', async () => {
    let settledBeforeCommit = -1
    let settled = 0
    failWhen = (sql) => {
      if (sql.toLowerCase() === 'commit') settledBeforeCommit = settled
      return false
    }
    await Promise.all(
      Array.from({ length: UNITS }, (_, n) =>
        unit(n + 100).then(
          () => settled++,
          () => settled++,
        ),
      ),
    )
    expect(settledBeforeCommit).toBe(0)
    expect(settled).toBe(UNITS)
  })

  it('fails every unit of a batch whose COMMIT fails, and stores none of them', async () => {
    const before = (await beheerEvents()).length
    failWhen = (sql) => sql.toLowerCase() === 'commit'
    const results = await Promise.allSettled(Array.from({ length: UNITS }, (_, n) => unit(n)))
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    failWhen = () => false
    expect((await beheerEvents()).length).toBe(before)
    expect(await unit(1000)).toBeGreaterThan(0)
    expect((await verifyChains(db.store)).ok).toBe(true)
  })

  it('keeps the other units when one unit’s statement fails inside the batch', async () => {
    const before = (await beheerEvents()).length
    failWhen = (sql, parameters) =>
      sql.toLowerCase().startsWith('insert into "events"') &&
      parameters.some((p) => typeof p === 'string' && p.includes('"n":3'))
    const results = await Promise.allSettled(Array.from({ length: UNITS }, (_, n) => unit(n)))
    expect(results.flatMap((r, n) => (r.status === 'rejected' ? [n] : []))).toEqual([3, 7])
    expect(commits()).toBe(1)
    expect((await beheerEvents()).length).toBe(before + UNITS - 2)
    expect((await verifyChains(db.store)).ok).toBe(true)
  })

  it('runs a unit whose instance another open batch holds after that batch, in order', async () => {
    const first = Array.from({ length: 10 }, (_, n) => unit(200 + n))
    // Later ticks: on PostgreSQL these form further batches while the first is still open.
    await new Promise((resolve) => setImmediate(resolve))
    const second = Array.from({ length: 10 }, (_, n) => unit(300 + n))
    await new Promise((resolve) => setImmediate(resolve))
    const third = Array.from({ length: 10 }, (_, n) => unit(400 + n))
    const results = await Promise.allSettled([...first, ...second, ...third])
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    const seqs = results.map((r) => (r.status === 'fulfilled' ? r.value : 0))
    expect(new Set(seqs).size).toBe(30)
    expect((await verifyChains(db.store)).ok).toBe(true)
  })
})
