import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillFromFacts } from '../../db/migrations/2026-12-07-reach.ts'
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
    counts: await keptCounts(),
    open: await openCounts(),
  })

  /** The counts of open periods that are not zero, as `part|reach → count`. */
  const openCounts = async () => {
    const rows = await db.store.db.selectFrom('open_counts').selectAll().execute()
    return Object.fromEntries(
      rows
        .filter((r) => Number(r.count) !== 0)
        .map((r) => [`${r.part}|${r.reach}`, Number(r.count)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    )
  }

  /** The kept counts that are not zero, as `key → count`. */
  const keptCounts = async () => {
    const rows = await db.store.db.selectFrom('fact_counts').selectAll().execute()
    return Object.fromEntries(
      rows
        .filter((r) => Number(r.count) !== 0)
        .map((r) => [
          [r.machine_id, r.reach, r.phase, r.waiting_on, r.status, r.renewed].join('|'),
          Number(r.count),
        ])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    )
  }

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
    await db.store.db.deleteFrom('fact_counts').execute()
    await db.store.db.deleteFrom('open_counts').execute()
    expect(await catchUpFacts(db.store)).toBe(kept.facts.length)
    expect(await snapshot()).toEqual(kept)
  })

  it('gives each row the reach and start of its instance, marks first entries, and counts exactly what the facts hold', async () => {
    const organisations = await db.store.db
      .selectFrom('instance_organisations')
      .select(['instance_id', 'organisation_id'])
      .execute()
    const reachOf = (id: string) =>
      organisations
        .filter((o) => o.instance_id === id)
        .map((o) => o.organisation_id)
        .sort()
        .join(' ')
    const { facts, periods, counts, open } = await snapshot()
    // The demo renews a werkgroep with a new partner: its reach moved with it.
    expect(new Set(facts.map((f) => f.reach.split(' ').length)).size).toBeGreaterThan(1)
    for (const f of facts) expect(f.reach, f.instance_id).toBe(reachOf(f.instance_id))
    const started = new Map(facts.map((f) => [f.instance_id, f.started_on]))
    const seen = new Set<string>()
    for (const p of periods) {
      expect(p.reach, p.instance_id).toBe(reachOf(p.instance_id))
      expect(p.started_on, p.instance_id).toBe(started.get(p.instance_id))
      // Ordered by instance, part and opened_seq: the first of each pair is the first entry.
      const pair = `${p.instance_id} ${p.part}`
      expect(p.first_entry, pair).toBe(seen.has(pair) ? 0 : 1)
      seen.add(pair)
    }
    const grouped: Record<string, number> = {}
    for (const f of facts) {
      const key = [
        f.machine_id,
        f.reach,
        f.phase,
        f.waiting_on ?? '',
        f.status,
        f.cycle > 1 ? 1 : 0,
      ].join('|')
      grouped[key] = (grouped[key] ?? 0) + 1
    }
    const openGrouped: Record<string, number> = {}
    for (const p of periods.filter((x) => x.left_on === null)) {
      const key = `${p.part}|${p.reach}`
      openGrouped[key] = (openGrouped[key] ?? 0) + 1
    }
    expect(open).toEqual(
      Object.fromEntries(Object.entries(openGrouped).sort(([a], [b]) => a.localeCompare(b))),
    )
    expect(counts).toEqual(
      Object.fromEntries(Object.entries(grouped).sort(([a], [b]) => a.localeCompare(b))),
    )
  })

  it('fills reach, starts, first entries and counts on upgrade exactly as the write path keeps them', async () => {
    const kept = await snapshot()
    await db.store.db.updateTable('instance_facts').set({ reach: '' }).execute()
    await db.store.db
      .updateTable('instance_periods')
      .set({ reach: '', started_on: '', first_entry: 0 })
      .execute()
    await db.store.db.deleteFrom('fact_counts').execute()
    await db.store.db.deleteFrom('open_counts').execute()
    await fillFromFacts(db.store.db)
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
