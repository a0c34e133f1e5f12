import type { DbHandle } from '../../../db/create-db.ts'
import type { Client } from '../../support/app.ts'
import { testApp, tokenFor } from '../../support/app.ts'
import { buildWorld } from '../../support/world.ts'
import type { World } from '../../support/world.ts'

export interface UiWorld extends World {
  admin: Client
  adminToken: string
  /** personA, coordinator of the team for orgA. */
  memberToken: string
  /** hr of orgA, bound to hrPerson (who works at orgA). */
  hrToken: string
  /** hr of orgA and orgB (the world's hr token), bound to hrPerson: may act for both. */
  hrPilotToken: string
  /** teacherA, who has the world's transition. */
  teacherToken: string
  /** auditor without organisations: sees everything. */
  auditorToken: string
}

/**
 * The test world (two organisations in a pilot, a teacher with a transition) with personA in the
 * team as coordinator and a token for every role, all made through the API and the services.
 */
export async function uiWorld(store: DbHandle): Promise<UiWorld> {
  const { admin } = await testApp(store)
  const world = await buildWorld(admin)
  const res = await admin.post(`/api/v1/instances/${world.teamId}/events`, {
    type: 'lid.toevoegen',
    payload: { personId: world.personA, role: 'coordinator', organisationId: world.orgA },
  })
  if (res.status !== 200)
    throw new Error(`lid.toevoegen: ${res.status} ${JSON.stringify(res.body)}`)
  return {
    ...world,
    admin,
    adminToken: admin.token ?? '',
    memberToken: await tokenFor(store, {
      name: 'Anna (teamlid)',
      role: 'member',
      personId: world.personA,
    }),
    hrToken: await tokenFor(store, {
      name: 'HR Esprit',
      role: 'hr',
      organisationIds: [world.orgA],
      personId: world.hrPerson,
    }),
    hrPilotToken: world.hrToken,
    teacherToken: await tokenFor(store, {
      name: 'Cor (leraar)',
      role: 'teacher',
      personId: world.teacherA,
    }),
    auditorToken: await tokenFor(store, { name: 'Auditor', role: 'auditor' }),
  }
}
