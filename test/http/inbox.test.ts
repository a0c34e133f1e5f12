import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo/load-demo.ts'
import { createApp } from '../../src/http/app.ts'
import { Client, tokenFor } from '../support/app.ts'
import { DATABASES, freshDatabase, type TestDatabase } from '../support/db.ts'

const ROLES = ['admin', 'hr', 'member', 'teacher', 'auditor'] as const
type Role = (typeof ROLES)[number]

function printedTokens(summary: string): Record<Role, string> {
  const tokens: Partial<Record<Role, string>> = {}
  for (const match of summary.matchAll(/^ {2}(admin|hr|member|teacher|auditor) +(dl_\S+)$/gm)) {
    tokens[match[1] as Role] = match[2]
  }
  return tokens as Record<Role, string>
}

interface Count {
  key: string
  count: number
  query: Record<string, string>
}

describe.each(DATABASES)('"te doen" per role on %s', (kind) => {
  let db: TestDatabase
  let as: Record<Role | 'beleid', Client>

  beforeAll(async () => {
    db = await freshDatabase(kind)
    const tokens = printedTokens(await loadDemo(db.store))
    const app = createApp({ store: db.store, onError: (e) => console.error('unexpected', e) })
    const beleid = await tokenFor(db.store, { name: 'gemeente', role: 'beleid' })
    as = {
      ...(Object.fromEntries(ROLES.map((r) => [r, new Client(app, tokens[r])])) as Record<
        Role,
        Client
      >),
      beleid: new Client(app, beleid),
    }
  }, 120_000)
  afterAll(async () => {
    await db.cleanup()
  })

  it.each(['hr', 'admin'] as const)(
    'gives %s counts that the list behind each shows, and the new requests as the history has them',
    async (role) => {
      const inbox = (await as[role].get('/api/v1/inbox')).body
      expect(inbox.role).toBe(role)
      for (const c of inbox.counts as Count[]) {
        const list = await as[role].get(
          `/api/v1/instances?limit=500&${new URLSearchParams(c.query)}`,
        )
        expect(list.body.items.length, c.key).toBe(c.count)
      }
      const requests = (inbox.counts as Count[]).find((c) => c.key === 'nieuwe-aanvragen')!
      const visible = (await as[role].get('/api/v1/instances?limit=500&machine=rolovergang')).body
        .items
      expect(requests.count).toBe(
        visible.filter((i: { state: unknown }) => i.state === 'aangevraagd').length,
      )
      if (role === 'admin') expect(requests.count).toBeGreaterThan(0)
      const open = (inbox.counts as Count[]).find((c) => c.key === 'open-toegang')!
      expect(open.count).toBe(
        visible.filter(
          (i: { state: any; status: string }) =>
            i.status === 'actief' && ['open', 'orientatie'].includes(i.state?.lopend?.toegang),
        ).length,
      )
      const newOnes = inbox.items.filter((i: { words: string }) =>
        i.words.startsWith('Nieuwe aanvraag'),
      )
      expect(newOnes.length).toBe(Math.min(requests.count, 10))
      expect(JSON.stringify(inbox)).not.toMatch(/"name"/)
    },
  )

  it('tells a teacher where each of her transitions stands, in plain words', async () => {
    const inbox = (await as.teacher.get('/api/v1/inbox')).body
    const own = (await as.teacher.get('/api/v1/instances?limit=500&machine=rolovergang')).body.items
    expect(inbox.items.map((i: { instanceId: string }) => i.instanceId).sort()).toEqual(
      own.map((i: { id: string }) => i.id).sort(),
    )
    for (const item of inbox.items)
      expect(item.words).toMatch(/^(Wacht op|Afgerond|Afgewezen|Ingetrokken|De rol loopt)/)
  })

  it('shows a member what keeps each team from its next phase, naming the organisations', async () => {
    const inbox = (await as.member.get('/api/v1/inbox')).body
    expect(inbox.items.length).toBeGreaterThan(0)
    expect(inbox.items.every((i: { machine: string }) => i.machine === 'ontwikkelteam')).toBe(true)
    const blocked = inbox.items.filter((i: { blockers: string[] }) => i.blockers.length > 0)
    expect(blocked.length).toBeGreaterThan(0)
    expect(blocked[0].blockers.join(' ')).toMatch(/Nog niet|gepauzeerd|akkoord/)
  })

  it('tells the auditor when a checkpoint is due and what the last check found', async () => {
    const before = (await as.auditor.get('/api/v1/inbox')).body.audit
    expect(before.checkpointDue).toBe(true)
    expect(before.breaks).toBeNull()
    expect((await as.auditor.get('/api/v1/audit/checkpoint')).status).toBe(200)
    expect((await as.auditor.get('/api/v1/audit/verify')).status).toBe(200)
    const after = (await as.auditor.get('/api/v1/inbox')).body.audit
    expect(after).toMatchObject({ checkpointDue: false, eventsSinceCheckpoint: 0, breaks: 0 })
    expect(after.lastVerifyAt).not.toBeNull()
  })

  it('gives beleid the reports and nothing else', async () => {
    const inbox = (await as.beleid.get('/api/v1/inbox')).body
    expect(inbox).toMatchObject({ role: 'beleid', counts: [], items: [], audit: null })
    expect(inbox.reports.length).toBe(7)
    expect((await as.beleid.get('/api/v1/instances')).status).toBe(403)
  })
})
