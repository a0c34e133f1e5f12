import { expect } from 'vitest'
import type { Scope } from '../../src/access/policy.ts'
import type { Client } from '../support/app.ts'
import type { World } from '../support/world.ts'

// The objects of the authorization matrix: a team and a transition own to orgA/orgB and their
// people, and foreign ones in orgC; fresh copies for the requests that change them.

export interface Fixtures {
  world: World
  personC: string
  team: string
  foreignTeam: string
  foreignPilotId: string
  foreignTransition: string
  /** Fresh objects for requests that change them. */
  freshTeam(): Promise<string>
  freshForeignTeam(): Promise<string>
  freshTransition(): Promise<string>
  freshForeignTransition(): Promise<string>
  freshToken(): Promise<string>
  freshPerson(organisationId: string): Promise<string>
  /** A checkpoint as the server signs it (the body POST /audit/verify takes). */
  checkpoint(): Promise<unknown>
}
async function created(res: Promise<{ status: number; body: any }>, status = 201): Promise<any> {
  const r = await res
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  return r.body
}

/** Objects own to orgA/orgB and their people, and foreign ones in orgC. */ export async function buildFixtures(
  admin: Client,
  world: World,
): Promise<Fixtures> {
  const personC = (
    await created(admin.post('/api/v1/people', { name: 'Dirk Elders', organisationId: world.orgC }))
  ).id as string
  const addMember = (instanceId: string, personId: string, role: string, organisationId: string) =>
    created(
      admin.post(`/api/v1/instances/${instanceId}/events`, {
        type: 'lid.toevoegen',
        payload: { personId, role, organisationId },
      }),
      200,
    )
  let n = 0
  const freshTeam = async () => {
    const pilot = await created(
      admin.post('/api/v1/pilots', {
        name: `Matrix ${++n}`,
        scenario: '1a',
        organisationIds: [world.orgA, world.orgB],
      }),
    )
    const id = pilot.teams[0].instanceId as string
    await addMember(id, world.personA, 'coordinator', world.orgA)
    await addMember(id, world.personB, 'leraar', world.orgB)
    return id
  }
  const freshForeignPilot = async () => {
    const pilot = await created(
      admin.post('/api/v1/pilots', {
        name: `Elders ${++n}`,
        scenario: '1a',
        organisationIds: [world.orgC, world.orgD],
      }),
    )
    const id = pilot.teams[0].instanceId as string
    await addMember(id, personC, 'coordinator', world.orgC)
    return { pilotId: pilot.id as string, instanceId: id }
  }
  const transition = (personId: string, organisationId: string) => async () =>
    (
      await created(
        admin.post('/api/v1/transitions', {
          personId,
          organisationId,
          newRole: 'schoolopleider',
          domain: 'leren-van-collegas',
          careerPath: 'andere-taken-en-rollen',
        }),
      )
    ).instanceId as string
  await addMember(world.teamId, world.personA, 'coordinator', world.orgA)
  await addMember(world.teamId, world.personB, 'leraar', world.orgB)
  const foreign = await freshForeignPilot()
  const freshForeignTransition = transition(personC, world.orgC)
  return {
    world,
    personC,
    team: world.teamId,
    foreignTeam: foreign.instanceId,
    foreignPilotId: foreign.pilotId,
    foreignTransition: await freshForeignTransition(),
    freshTeam,
    freshForeignTeam: async () => (await freshForeignPilot()).instanceId,
    freshTransition: transition(world.teacherA, world.orgA),
    freshForeignTransition,
    freshPerson: async (organisationId: string) =>
      (await created(admin.post('/api/v1/people', { name: 'Tijdelijk', organisationId })))
        .id as string,
    checkpoint: async () => created(admin.get('/api/v1/audit/checkpoint'), 200),
    freshToken: async () =>
      (await created(admin.post('/api/v1/tokens', { name: 'weg', role: 'auditor' }))).id as string,
  }
}
/** Scopes of the objects, as the policy sees them. */
export function scopes(f: Fixtures) {
  const w = f.world
  return {
    team: {
      organisationIds: [w.orgA, w.orgB],
      personIds: [w.personA, w.personB],
      coordinatorIds: [w.personA],
    },
    foreignTeam: {
      organisationIds: [w.orgC, w.orgD],
      personIds: [f.personC],
      coordinatorIds: [f.personC],
    },
    /** Whom each member of a (fresh) team represents, as their lid.toevoegen said. */
    teamMandates: { [w.personA]: [w.orgA], [w.personB]: [w.orgB] },
    foreignTeamMandates: { [f.personC]: [w.orgC] },
    transition: { organisationIds: [w.orgA], personIds: [w.teacherA], coordinatorIds: [] },
    foreignTransition: { organisationIds: [w.orgC], personIds: [f.personC], coordinatorIds: [] },
    person: (id: string, organisationId: string) => ({
      organisationIds: [organisationId],
      personIds: [id],
    }),
  } satisfies Record<
    string,
    Scope | ((...a: string[]) => Scope) | Readonly<Record<string, readonly string[]>>
  >
}
