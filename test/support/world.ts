import type { Client } from './app.ts'

/** A small world: two organisations with people, a pilot, a transition; ids for tests to use. */
export interface World {
  orgA: string
  orgB: string
  orgC: string
  /** An opleidingsschool outside every scope but admin's, beside orgC: a foreign pilot fits 1a. */
  orgD: string
  personA: string
  personB: string
  teacherA: string
  /** An HR adviser at orgA, and the secret of her hr token for orgA and orgB: she may act for
   * both organisations of the pilot (ambitie, belang, onderschrijven, akkoord), as admin may not. */
  hrPerson: string
  hrToken: string
  pilotId: string
  teamId: string
  transitionId: string
  transitionInstanceId: string
}

async function ok<T = any>(
  promise: Promise<{ status: number; body: T }>,
  expected = 201,
): Promise<T> {
  const res = await promise
  if (res.status !== expected) {
    throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`)
  }
  return res.body
}

export async function buildWorld(admin: Client): Promise<World> {
  const orgA = (
    await ok(admin.post('/api/v1/organisations', { name: 'Esprit Scholen', kind: 'bestuur' }))
  ).id
  const orgB = (
    await ok(
      admin.post('/api/v1/organisations', {
        name: 'Hogeschool van Amsterdam',
        kind: 'opleidingsschool',
      }),
    )
  ).id
  const orgC = (
    await ok(admin.post('/api/v1/organisations', { name: 'Stichting Elders', kind: 'school' }))
  ).id
  const orgD = (
    await ok(
      admin.post('/api/v1/organisations', {
        name: 'Opleidingsschool Elders',
        kind: 'opleidingsschool',
      }),
    )
  ).id
  const personA = (
    await ok(admin.post('/api/v1/people', { name: 'Anna de Vries', organisationId: orgA }))
  ).id
  const personB = (
    await ok(admin.post('/api/v1/people', { name: 'Bram Jansen', organisationId: orgB }))
  ).id
  const teacherA = (
    await ok(
      admin.post('/api/v1/people', {
        name: 'Cor Leraar',
        email: 'cor@example.nl',
        organisationId: orgA,
      }),
    )
  ).id
  const hrPerson = (
    await ok(
      admin.post('/api/v1/people', {
        name: 'Hanna Hofman',
        organisationId: orgA,
        functionTitle: 'hr-adviseur',
      }),
    )
  ).id
  const hrToken = (
    await ok(
      admin.post('/api/v1/tokens', {
        name: 'hr van A en B',
        role: 'hr',
        organisationIds: [orgA, orgB],
        personId: hrPerson,
      }),
    )
  ).token
  const pilot = await ok(
    admin.post('/api/v1/pilots', {
      name: 'Pilot West',
      scenario: '1a',
      organisationIds: [orgA, orgB],
    }),
  )
  const transition = await ok(
    admin.post('/api/v1/transitions', {
      personId: teacherA,
      organisationId: orgA,
      newRole: 'schoolopleider',
      domain: 'leren-van-collegas',
      careerPath: 'andere-taken-en-rollen',
    }),
  )
  return {
    orgA,
    orgB,
    orgC,
    orgD,
    personA,
    personB,
    teacherA,
    hrPerson,
    hrToken,
    pilotId: pilot.id,
    teamId: pilot.teams[0].instanceId,
    transitionId: transition.id,
    transitionInstanceId: transition.instanceId,
  }
}

/**
 * The world and `count` team instances to write to (the world's team, then one per new pilot of
 * orgA and orgB): what load tests spread their writers over.
 */
export async function worldWithTeams(
  admin: Client,
  count: number,
): Promise<{ world: World; instances: string[] }> {
  const world = await buildWorld(admin)
  const instances = [world.teamId]
  while (instances.length < count) {
    const pilot = await admin.post('/api/v1/pilots', {
      name: `Pilot ${instances.length}`,
      scenario: '1a',
      organisationIds: [world.orgA, world.orgB],
    })
    instances.push(pilot.body.teams[0].instanceId as string)
  }
  return { world, instances }
}
