import type { Client } from '../support/app.ts'

// A scenario-2b leergang through the API: the Amstelscholen Academie (a huisacademie) leads, two
// schools take part. Its people, tokens, and steps that bring the werkgroep to a phase.

export interface Leergang {
  ids: Record<
    | 'academie'
    | 'lyceum'
    | 'college'
    | 'lead'
    | 'repLyceum'
    | 'repCollege'
    | 'lia'
    | 'p1'
    | 'p2'
    | 'p3',
    string
  >
  /** A member for the lead organisation (the academie's programme manager). */
  lead: Client
  /** A member for the Amstel Lyceum. */
  lyceum: Client
  /** HR of all three organisations: adds members, records each one's ambitie and belang. */
  hr: Client
  admin: Client
}

async function created(promise: Promise<{ status: number; body: any }>): Promise<any> {
  const res = await promise
  if (res.status !== 201) throw new Error(`${String(res.status)}: ${JSON.stringify(res.body)}`)
  return res.body
}

/** The organisations, people and tokens of the leergang (no pilot yet). */
export async function leergangWorld(admin: Client): Promise<Leergang> {
  const org = async (name: string, kind: string) =>
    (await created(admin.post('/api/v1/organisations', { name, kind }))).id as string
  const person = async (name: string, organisationId: string) =>
    (await created(admin.post('/api/v1/people', { name, organisationId }))).id as string
  const token = async (payload: unknown) =>
    admin.as((await created(admin.post('/api/v1/tokens', payload))).token as string)
  const academie = await org('Amstelscholen Academie', 'huisacademie')
  const lyceum = await org('Amstel Lyceum', 'school')
  const college = await org('Grachtencollege', 'school')
  const lia = await org('Leraar in Amsterdam', 'gemeente')
  const ids = {
    academie,
    lyceum,
    college,
    lead: await person('Marloes Hendriks', academie),
    repLyceum: await person('Kees Brouwer', lyceum),
    repCollege: await person('Wendy Kok', college),
    lia: await person('Lotte Amsterdam', lia),
    p1: await person('Rutger Smeets', lyceum),
    p2: await person('Tim Willems', college),
    p3: await person('Noor Bakker', lyceum),
  }
  const hrPerson = await person('Ingrid Vos', academie)
  return {
    ids,
    lead: await token({ name: 'Marloes', role: 'member', personId: ids.lead }),
    lyceum: await token({ name: 'Kees', role: 'member', personId: ids.repLyceum }),
    hr: await token({
      name: 'hr',
      role: 'hr',
      organisationIds: [academie, lyceum, college],
      personId: hrPerson,
    }),
    admin,
  }
}

/** A 2b pilot led by the academie; answers the created pilot. */
export async function createLeergang(world: Leergang, extra: Record<string, unknown> = {}) {
  const { ids } = world
  return created(
    world.admin.post('/api/v1/pilots', {
      name: 'Leergang Leiderschap van Leraren',
      scenario: '2b',
      organisationIds: [ids.academie, ids.lyceum, ids.college],
      leadOrganisationId: ids.academie,
      ...extra,
    }),
  )
}

export type Send = (
  by: Client,
  type: string,
  payload?: Record<string, unknown>,
  reason?: string,
) => Promise<{ status: number; body: any }>

export function sender(teamId: string): Send {
  return (by, type, payload = {}, reason) =>
    by.post(`/api/v1/instances/${teamId}/events`, { type, payload, ...(reason ? { reason } : {}) })
}

async function ok(res: Promise<{ status: number; body: any }>, what: string) {
  const r = await res
  if (r.status !== 200) throw new Error(`${what}: ${String(r.status)} ${JSON.stringify(r.body)}`)
  return r.body
}

/** Members for the academie and the lyceum; every organisation's ambitie and belang. */
export async function verkennen(world: Leergang, send: Send): Promise<void> {
  const { ids, hr } = world
  await ok(
    send(hr, 'lid.toevoegen', {
      personId: ids.lead,
      role: 'coordinator',
      organisationId: ids.academie,
    }),
    'lid lead',
  )
  await ok(
    send(hr, 'lid.toevoegen', {
      personId: ids.repLyceum,
      role: 'leraar',
      organisationId: ids.lyceum,
    }),
    'lid lyceum',
  )
  for (const org of [ids.academie, ids.lyceum, ids.college]) {
    await ok(
      send(hr, 'ambitie.vastleggen', { organisationId: org, text: 'Leraren laten groeien.' }),
      'ambitie',
    )
    await ok(
      send(hr, 'belang.vastleggen', { organisationId: org, text: 'Leraren behouden.' }),
      'belang',
    )
  }
}

/** From verkennen to uitvoeren, by the lead after consulting the lyceum and the college. */
export async function naarUitvoeren(world: Leergang, send: Send): Promise<void> {
  const { ids, lead } = world
  const consult = async (subject: string) => {
    for (const org of [ids.lyceum, ids.college]) {
      await ok(
        send(lead, 'raadpleging.vastleggen', {
          organisationId: org,
          subject,
          text: 'Akkoord, met aandacht voor roosters.',
        }),
        `raadpleging ${subject}`,
      )
    }
  }
  await ok(send(lead, 'fase.volgende'), 'naar delen')
  await ok(
    send(lead, 'gedeelde-ambitie.formuleren', { text: 'Een leergang voor teacher leaders.' }),
    'formuleren',
  )
  await consult('gedeelde-ambitie')
  await ok(
    send(lead, 'gedeelde-ambitie.onderschrijven', { organisationId: ids.academie }),
    'onderschrijven',
  )
  await ok(send(lead, 'fase.volgende'), 'naar overeenkomen')
  await ok(
    send(lead, 'oplossing.vastleggen', {
      text: 'Acht bijeenkomsten.',
      expertise: [{ organisationId: ids.academie, description: 'Trainers van de academie.' }],
    }),
    'oplossing',
  )
  await ok(send(lead, 'fase.volgende'), 'naar vormgeven')
  await ok(
    send(lead, 'ontwerp.vastleggen', {
      text: 'Acht bijeenkomsten over een schooljaar.',
      collaboration: 'Op de scholen en de academie.',
      quality: 'Na elke bijeenkomst een korte evaluatie.',
    }),
    'ontwerp',
  )
  await consult('ontwerp')
  await ok(send(lead, 'ontwerp.akkoord', { organisationId: ids.academie }), 'akkoord')
  await ok(send(lead, 'fase.volgende'), 'naar uitvoeren')
}
