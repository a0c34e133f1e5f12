import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { machines } from '../../machines/index.ts'
import { testApp } from '../support/app.ts'
import type { Client } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { expectCallerTable, ready } from './mandate.drive.ts'
import { CALLERS, EXPECTED, body, kindOf, mandateWorld } from './mandate.helpers.ts'
import type { Caller, MandateWorld } from './mandate.helpers.ts'

// Every event of the ontwikkelteam × every kind of caller, through POST /instances/:id/events: an
// act for an organisation only by who represents it (its team member or its HR), membership by the
// coordinator or HR, the team's own work by every member; and the Dutch answers that say so.

describe.each(DATABASES)('who may send which team event, for whom (%s)', (kind) => {
  let db: TestDatabase
  let admin: Client
  let world: MandateWorld

  beforeAll(async () => {
    db = await freshDatabase(kind)
    ;({ admin } = await testApp(db.store))
    world = await mandateWorld(admin)
  })
  afterAll(async () => {
    await db?.cleanup()
  })

  const def = machines.ontwikkelteam
  // The team here is a zelfregulerend netwerk; what only a leiderorganisatie knows (the lead
  // recording its consultations) is in governance.test.ts.
  const networkEvents = Object.keys(def.events).filter((t) => t !== 'raadpleging.vastleggen')
  for (const type of networkEvents) {
    const expected = EXPECTED[kindOf(def, type)]
    it(`${def.id} ${type}: ${CALLERS.map((c) => `${c} ${expected[c]}`).join(', ')}`, async () => {
      await expectCallerTable(db.store, admin, world, def, type)
    })
  }

  it('names who may, in Dutch, when a member speaks for another organisation', async () => {
    const { id, event } = await ready(db.store, admin, world, def, 'ontwerp.akkoord')
    const res = await world.callers['ander-lid'].post(`/api/v1/instances/${id}/events`, body(event))
    expect(res.status).toBe(403)
    expect(res.body.detail).toContain(
      'Alleen een teamlid namens Sloterplas Mavo of HR van Sloterplas Mavo',
    )
    expect(res.body.detail).toContain('U kunt dit alleen namens Opleidingsschool Noord-West doen.')
  })

  it('refuses a member for an organisation the person does not work at (422), changing nothing', async () => {
    const { id, event } = await ready(db.store, admin, world, def, 'lid.toevoegen')
    const before = (await admin.get(`/api/v1/instances/${id}`)).body
    const res = await world.driver.post(
      `/api/v1/instances/${id}/events`,
      body({ ...event, payload: { ...event.payload, organisationId: world.ids.orgB } }),
    )
    expect(res.status).toBe(422)
    expect(res.body.detail).toContain('niet werkzaam bij Opleidingsschool Noord-West')
    expect((await admin.get(`/api/v1/instances/${id}`)).body.version).toBe(before.version)
  })

  it('tells the caller what it may send, and for whom', async () => {
    const { id } = await ready(db.store, admin, world, def, 'ontwerp.akkoord')
    const allowed = async (c: Caller) =>
      (await world.callers[c].get(`/api/v1/instances/${id}`)).body.allowed as {
        type: string
        organisationIds: string[] | null
      }[]
    const akkoord = (list: { type: string; organisationIds: string[] | null }[]) =>
      list.find((a) => a.type === 'ontwerp.akkoord')
    expect(akkoord(await allowed('vertegenwoordiger'))?.organisationIds).toEqual([world.ids.orgA])
    expect(akkoord(await allowed('ander-lid'))?.organisationIds).toEqual([world.ids.orgB])
    expect(akkoord(await allowed('admin'))).toBeUndefined()
    expect((await allowed('admin')).find((a) => a.type === 'fase.volgende')).toBeDefined()
    expect(await allowed('auditor')).toEqual([])
  })
})
