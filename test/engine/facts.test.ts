import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { catchUpFacts, rebuildFacts } from '../../src/engine/facts/catch-up.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'

// The facts kept on the write path are exactly what a rebuild from the history gives: the
// projection is a function of the chains, whichever way it is made.
describe.each(DATABASES)('instance facts on %s', (kind) => {
  let db: TestDatabase

  beforeAll(async () => {
    db = await freshDatabase(kind)
    await loadDemo(db.store)
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  const snapshot = async () => ({
    facts: await db.store.db
      .selectFrom('instance_facts')
      .selectAll()
      .orderBy('instance_id')
      .execute(),
    periods: await db.store.db
      .selectFrom('instance_periods')
      .selectAll()
      .orderBy('instance_id')
      .orderBy('part')
      .orderBy('opened_seq')
      .execute(),
  })

  it('keeps one row per instance, up to its last event', async () => {
    const instances = await db.store.db
      .selectFrom('instances')
      .select(['id', 'version'])
      .where('machine_id', '!=', 'beheer')
      .execute()
    const { facts } = await snapshot()
    expect(facts.map((f) => [f.instance_id, f.seq]).sort()).toEqual(
      instances.map((i) => [i.id, i.version]).sort(),
    )
    expect(await catchUpFacts(db.store)).toBe(0)
  })

  it('equals a rebuild from the history, for every instance', async () => {
    const kept = await snapshot()
    const ids = kept.facts.map((f) => f.instance_id)
    await db.store.db.transaction().execute(async (tx) => {
      for (const id of ids) await rebuildFacts(tx, id)
    })
    expect(await snapshot()).toEqual(kept)
  })

  it('rebuilds what is missing at startup (a store of an older release)', async () => {
    const kept = await snapshot()
    await db.store.db.deleteFrom('instance_periods').execute()
    await db.store.db.deleteFrom('instance_facts').execute()
    expect(await catchUpFacts(db.store)).toBe(kept.facts.length)
    expect(await snapshot()).toEqual(kept)
  })

  it('records open periods of requests, questions and phases, with whole days when closed', async () => {
    const { periods } = await snapshot()
    const parts = new Set(periods.map((p) => p.part))
    for (const part of ['aangevraagd', 'toegang', 'verkennen', 'delen'])
      expect(parts).toContain(part)
    for (const p of periods) {
      if (p.left_on === null) expect(p.days).toBeNull()
      else expect(p.days).toBeGreaterThanOrEqual(0)
    }
  })
})
