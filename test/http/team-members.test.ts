import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Client } from '../support/app.ts'
import { testApp, tokenFor } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'
import type { World } from '../support/world.ts'

describe.each(DATABASES)('a team’s members by name on %s', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: World

  beforeEach(async () => {
    db = await freshDatabase(kind)
    admin = (await testApp(db.store)).admin
    world = await buildWorld(admin)
    for (const [personId, role, organisationId] of [
      [world.personA, 'coordinator', world.orgA],
      [world.personB, 'leraar', world.orgB],
    ]) {
      const res = await admin.post(`/api/v1/instances/${world.teamId}/events`, {
        type: 'lid.toevoegen',
        payload: { personId, role, organisationId },
      })
      expect(res.status).toBe(200)
    }
  })
  afterEach(async () => {
    await db.cleanup()
  })

  it('shows a member their teammates’ names, and logs each name as a read of personal data', async () => {
    const bram = admin.as(
      await tokenFor(db.store, { name: 'bram', role: 'member', personId: world.personB }),
    )
    const res = await bram.get(`/api/v1/instances/${world.teamId}/members`)
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([
      {
        personId: world.personA,
        name: 'Anna de Vries',
        role: 'coordinator',
        organisationId: world.orgA,
      },
      { personId: world.personB, name: 'Bram Jansen', role: 'leraar', organisationId: world.orgB },
    ])
    const log = await admin.get(`/api/v1/audit/access-log?personId=${world.personA}`)
    expect(log.body.items).toContainEqual(
      expect.objectContaining({ route: 'GET /api/v1/instances/:id/members' }),
    )
    // Reading a teammate's own record stays theirs alone.
    expect((await bram.get(`/api/v1/people/${world.personA}`)).status).toBe(404)
  })

  it('answers 404 to a member of no team and for a process that is not a team', async () => {
    const cor = admin.as(
      await tokenFor(db.store, { name: 'cor', role: 'member', personId: world.teacherA }),
    )
    expect((await cor.get(`/api/v1/instances/${world.teamId}/members`)).status).toBe(404)
    expect(
      (await admin.get(`/api/v1/instances/${world.transitionInstanceId}/members`)).status,
    ).toBe(404)
  })
})
