import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TokenInput } from '../../src/engine/tokens.service.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'

// Every read of personal data leaves one entry: which token, when, which person, which route.

describe.each(DATABASES)('the access log of personal data (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World
  let tokens: Record<'hr' | 'auditor' | 'teacher' | 'foreignHr' | 'foreignAuditor', Client>
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await buildWorld(admin)
    const make = async (name: string, input: TokenInput) => {
      const res = await admin.post('/api/v1/tokens', input)
      expect(res.status, name).toBe(201)
      const created = res.body
      ids[name] = created.id
      return admin.as(created.token)
    }
    // An hr token belongs to a person who works at one of its organisations.
    const eldersHr = (
      await admin.post('/api/v1/people', { name: 'Els Elders', organisationId: world.orgC })
    ).body.id
    tokens = {
      hr: await make('hr', {
        name: 'HR Esprit',
        role: 'hr',
        organisationIds: [world.orgA],
        personId: world.hrPerson,
      }),
      auditor: await make('auditor', { name: 'Monitoring werkgroep', role: 'auditor' }),
      teacher: await make('teacher', {
        name: 'teacher',
        role: 'teacher',
        personId: world.teacherA,
      }),
      foreignHr: await make('foreignHr', {
        name: 'HR Elders',
        role: 'hr',
        organisationIds: [world.orgC],
        personId: eldersHr,
      }),
      foreignAuditor: await make('foreignAuditor', {
        name: 'Auditor HvA',
        role: 'auditor',
        organisationIds: [world.orgB],
      }),
    }
  })
  afterAll(async () => {
    await db.cleanup()
  })

  const entries = async (personId: string) =>
    (await admin.get(`/api/v1/audit/access-log?personId=${personId}&limit=500`)).body.items as {
      tokenId: string
      role: string
      personId: string
      route: string
      at: string
    }[]

  it('reading a person as hr, auditor and admin each leaves exactly one entry', async () => {
    const readers: [string, Client, string][] = [
      ['hr', tokens.hr, ids['hr'] as string],
      ['auditor', tokens.auditor, ids['auditor'] as string],
      ['admin', admin, ''],
    ]
    for (const [role, client, tokenId] of readers) {
      const before = await entries(world.teacherA)
      const res = await client.get(`/api/v1/people/${world.teacherA}`)
      expect(res.status, role).toBe(200)
      const after = await entries(world.teacherA)
      expect(after.length, role).toBe(before.length + 1)
      const entry = after[after.length - 1]
      expect(entry, role).toMatchObject({
        role,
        personId: world.teacherA,
        route: 'GET /api/v1/people/:id',
      })
      if (tokenId) expect(entry?.tokenId).toBe(tokenId)
      expect(Date.parse(entry?.at ?? '')).toBeGreaterThan(Date.now() - 60_000)
    }
  })

  it('a refused read leaves no entry, and reading the log is not a read of personal data', async () => {
    const before = await entries(world.teacherA)
    expect((await tokens.foreignHr.get(`/api/v1/people/${world.teacherA}`)).status).toBe(404)
    await tokens.teacher.get('/api/v1/audit/access-log')
    expect(await entries(world.teacherA)).toEqual(before)
  })

  it('a teacher sees who read their own data, and nobody else’s', async () => {
    const mine = (await tokens.teacher.get('/api/v1/audit/access-log')).body.items
    expect(mine.length).toBeGreaterThanOrEqual(3)
    expect(new Set(mine.map((e: { personId: string }) => e.personId))).toEqual(
      new Set([world.teacherA]),
    )
    expect(mine.map((e: { tokenName: string }) => e.tokenName)).toEqual(
      expect.arrayContaining(['HR Esprit', 'Monitoring werkgroep']),
    )
    expect(
      (await tokens.teacher.get(`/api/v1/audit/access-log?personId=${world.personB}`)).status,
    ).toBe(404)
  })

  it('an auditor sees the reads of its own organisations’ people; hr may not read the log', async () => {
    await admin.get(`/api/v1/people/${world.personB}`)
    const scoped = (await tokens.foreignAuditor.get('/api/v1/audit/access-log')).body.items
    expect(scoped.length).toBeGreaterThan(0)
    expect(new Set(scoped.map((e: { personId: string }) => e.personId))).toEqual(
      new Set([world.personB]),
    )
    const all = (await tokens.auditor.get('/api/v1/audit/access-log')).body.items
    expect(new Set(all.map((e: { personId: string }) => e.personId))).toEqual(
      new Set([world.teacherA, world.personB]),
    )
    expect((await tokens.hr.get('/api/v1/audit/access-log')).status).toBe(403)
  })

  it('pages oldest first', async () => {
    const page = (await admin.get('/api/v1/audit/access-log?limit=2')).body
    expect(page.items).toHaveLength(2)
    const rest = (await admin.get(`/api/v1/audit/access-log?after=${page.next}`)).body.items
    expect(rest[0].id > page.items[1].id).toBe(true)
  })
})
