import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import type { Client } from '../support/app.ts'
import { testApp } from '../support/app.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'

interface Listed {
  id: string
  title: string
  state: unknown
  status: string
  machine: { id: string }
  overview: { phase: string; stalled: boolean; lastOn: string; startedOn: string }
}

describe.each(DATABASES)('finding and sorting instances on %s', (kind) => {
  let db: TestDatabase
  let admin: Client

  beforeAll(async () => {
    db = await freshDatabase(kind)
    await loadDemo(db.store)
    admin = (await testApp(db.store)).admin
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  /** Every page of a query, followed by its `next`. */
  async function all(query: string, limit = 3): Promise<Listed[]> {
    const items: Listed[] = []
    let after: string | null = null
    for (let page = 0; page < 100; page++) {
      const cursor: string = after ? `&after=${encodeURIComponent(after)}` : ''
      const res: { status: number; body: any } = await admin.get(
        `/api/v1/instances?limit=${limit}${query}${cursor}`,
      )
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      items.push(...(res.body.items as Listed[]))
      after = res.body.next
      if (!after) return items
    }
    throw new Error('more than 100 pages')
  }

  // An independent reading of the same instances: their rows and their events.
  async function expected() {
    const rows = await db.store.db
      .selectFrom('instances')
      .select(['id', 'title', 'status', 'machine_id', 'snapshot'])
      .where('machine_id', '!=', 'beheer')
      .execute()
    const events = await db.store.db
      .selectFrom('events')
      .select(['instance_id', 'type', 'effective_date', 'recorded_at'])
      .orderBy('seq')
      .execute()
    const last = new Map<string, { day: string; at: string; dated: boolean }>()
    for (const e of events) {
      if (e.type === 'definitie.gemigreerd') continue
      const recordedDay = amsterdamDate(e.recorded_at)
      const day = e.effective_date ?? recordedDay
      last.set(e.instance_id, { day, at: e.recorded_at, dated: day !== recordedDay })
    }
    return rows.map((r) => ({ ...r, value: JSON.parse(r.snapshot).value, last: last.get(r.id)! }))
  }

  it('pages through every instance by keyset, sorted by any shown column', async () => {
    const truth = await expected()
    const byTitle = await all('&sort=titel')
    expect(byTitle.map((i) => i.id).sort()).toEqual(truth.map((t) => t.id).sort())
    const titles = byTitle.map((i) => i.title.toLocaleLowerCase('nl'))
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))

    const byLast = await all('&sort=-laatst', 4)
    const lasts = byLast.map((i) => i.overview.lastOn)
    expect(lasts).toEqual([...lasts].sort().reverse())
    expect(new Set(byLast.map((i) => i.id)).size).toBe(truth.length)
  })

  it('filters by state, machine and stilgevallen as the history says', async () => {
    const truth = await expected()
    const requested = await all('&machine=rolovergang&state=aangevraagd')
    expect(requested.map((i) => i.id).sort()).toEqual(
      truth
        .filter((t) => t.value === 'aangevraagd')
        .map((t) => t.id)
        .sort(),
    )
    expect(requested.length).toBeGreaterThan(0)

    // 30 whole days from an ingangsdatum of its own, else 30 days to the hour from the recording.
    const now = Date.now()
    const today = Date.parse(`${amsterdamDate(new Date(now).toISOString())}T00:00:00Z`)
    const day = new Date(today - 30 * 86_400_000).toISOString().slice(0, 10)
    const instant = new Date(now - 30 * 86_400_000).toISOString()
    const stalled = await all('&stalled=true')
    const isStalled = (t: { last: { day: string; at: string; dated: boolean } }) =>
      t.last.dated ? t.last.day <= day : t.last.at <= instant
    expect(stalled.map((i) => i.id).sort()).toEqual(
      truth
        .filter((t) => ['actief', 'gepauzeerd'].includes(t.status) && isStalled(t))
        .map((t) => t.id)
        .sort(),
    )
    expect(stalled.every((i) => i.overview.stalled)).toBe(true)
  })

  it('finds by text in the title or the name of the teacher, case-insensitive', async () => {
    const truth = await expected()
    const people = await db.store.db
      .selectFrom('instances')
      .innerJoin('people', 'people.id', 'instances.person_id')
      .select(['instances.id', 'people.name'])
      .execute()
    const nameOf = new Map(people.map((p) => [p.id, (p.name ?? '').toLowerCase()]))
    for (const text of [truth[0]!.title.slice(0, 4), people[0]!.name!.split(' ')[0]!]) {
      const needle = text.toLowerCase()
      const found = await all(`&q=${encodeURIComponent(text.toUpperCase())}`)
      const want = truth.filter(
        (t) => t.title.toLowerCase().includes(needle) || (nameOf.get(t.id) ?? '').includes(needle),
      )
      expect(found.map((i) => i.id).sort(), text).toEqual(want.map((t) => t.id).sort())
      expect(found.length).toBeGreaterThan(0)
    }
  })

  it('refuses unknown filters, a page past the limit and a broken cursor in Dutch', async () => {
    for (const query of [
      'state=bestaatniet',
      'limit=501',
      'sort=kleur',
      'stalled=misschien',
      'sort=titel&after=kapot',
    ]) {
      const res = await admin.get(`/api/v1/instances?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(JSON.stringify(res.body)).toMatch(/Onbekende|ten hoogste|vervolgpagina|Kies/)
    }
  })
})
