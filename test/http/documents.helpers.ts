import { sql } from 'kysely'
import type { DbHandle } from '../../db/create-db.ts'
import { getMachine, sampleEvents } from '../../machines/index.ts'
import type { Client, Response } from '../support/app.ts'

// What the attachment tests share: a pilot 1a of an opleidingsschool and two schools, with
// people and tokens in and outside it; a driver that brings its team (ontwikkelteam v2) to a
// phase through the API; and multipart requests with a document.

export interface DocumentWorld {
  ids: Record<
    | 'opleidingsschool'
    | 'mavo'
    | 'college'
    | 'elders'
    | 'nieuw'
    | 'repO'
    | 'repM'
    | 'lia'
    | 'hrPerson'
    | 'eldersPerson'
    | 'nieuwPerson',
    string
  >
  admin: Client
  /** HR of the three organisations of the pilot: may act for each of them. */
  driver: Client
  /** The coordinator, a member of the team for the opleidingsschool. */
  member: Client
  /** HR of a school outside the pilot. */
  outsider: Client
  /** HR of the organisation that joins at a renewal. */
  nieuwHr: Client
  auditor: Client
}

async function created(res: Promise<Response>): Promise<any> {
  const r = await res
  if (r.status !== 201) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`)
  return r.body
}

export async function documentWorld(admin: Client): Promise<DocumentWorld> {
  const org = async (name: string, kind: string) =>
    (await created(admin.post('/api/v1/organisations', { name, kind }))).id as string
  const person = async (name: string, organisationId: string) =>
    (await created(admin.post('/api/v1/people', { name, organisationId }))).id as string
  const token = async (body: Record<string, unknown>) =>
    admin.as((await created(admin.post('/api/v1/tokens', body))).token as string)
  const opleidingsschool = await org('Opleidingsschool Noord-West', 'opleidingsschool')
  const mavo = await org('Sloterplas Mavo', 'school')
  const college = await org('IJdoorn College', 'school')
  const elders = await org('Stichting Elders', 'school')
  const nieuw = await org('Hogeschool Amstelstad', 'lerarenopleiding')
  const ids = {
    opleidingsschool,
    mavo,
    college,
    elders,
    nieuw,
    repO: await person('Ilse Vermeulen', opleidingsschool),
    repM: await person('Bram Jansen', mavo),
    lia: await person('Carla de Leraar', college),
    hrPerson: await person('Hanna Hofman', opleidingsschool),
    eldersPerson: await person('Dirk Elders', elders),
    nieuwPerson: await person('Noor Nieuw', nieuw),
  }
  const pilot = [opleidingsschool, mavo, college]
  return {
    ids,
    admin,
    driver: await token({
      name: 'hr pilot',
      role: 'hr',
      organisationIds: pilot,
      personId: ids.hrPerson,
    }),
    member: await token({ name: 'coordinator', role: 'member', personId: ids.repO }),
    outsider: await token({
      name: 'hr elders',
      role: 'hr',
      organisationIds: [elders],
      personId: ids.eldersPerson,
    }),
    nieuwHr: await token({
      name: 'hr nieuw',
      role: 'hr',
      organisationIds: [nieuw],
      personId: ids.nieuwPerson,
    }),
    auditor: await token({ name: 'auditor', role: 'auditor' }),
  }
}

/** A new team of the pilot (1a), with the coordinator and a member of the mavo. */
export async function newTeam(world: DocumentWorld): Promise<string> {
  const { ids } = world
  const pilot = await created(
    world.admin.post('/api/v1/pilots', {
      name: 'Pilot documenten',
      scenario: '1a',
      organisationIds: [ids.opleidingsschool, ids.mavo, ids.college],
    }),
  )
  const id = pilot.teams[0].instanceId as string
  for (const [personId, role, organisationId] of [
    [ids.repO, 'coordinator', ids.opleidingsschool],
    [ids.repM, 'leraar', ids.mavo],
  ] as const) {
    await sent(world.driver, id, {
      type: 'lid.toevoegen',
      payload: { personId, role, organisationId },
    })
  }
  return id
}

/** Sends an event as JSON and insists it is applied. */
export async function sent(client: Client, id: string, body: Record<string, unknown>) {
  const res = await client.post(`/api/v1/instances/${id}/events`, body)
  if (res.status !== 200) throw new Error(`${String(body.type)}: ${JSON.stringify(res.body)}`)
  return res.body
}

/** Events taken once per phase at most: a second would undo what the first agreed. */
const ONCE = new Set(['gedeelde-ambitie.formuleren', 'ontwerp.vastleggen', 'oplossing.vastleggen'])
/** The work of each phase that its fase.volgende waits for. */
const WORK = new Set([
  ...ONCE,
  'ambitie.vastleggen',
  'belang.vastleggen',
  'gedeelde-ambitie.onderschrijven',
  'ontwerp.akkoord',
  'activiteit.vastleggen',
  'evaluatie.vastleggen',
  'resultaat.delen',
])

/**
 * Brings a team to `phase` through the API, as HR of its organisations: each step planned on the
 * machine from the team's own snapshot (the machine's sample events, the Leraar in Amsterdam a
 * real person), the phase's work first, then fase.volgende.
 */
export async function driveTo(world: DocumentWorld, id: string, phase: string): Promise<void> {
  const taken = new Set<string>()
  for (let step = 0; step < 80; step++) {
    const view = (await world.admin.get(`/api/v1/instances/${id}`)).body
    if (view.state === phase) return
    const def = getMachine('ontwikkelteam', view.machine.version)
    if (!def) throw new Error('no ontwikkelteam')
    const snapshot = { value: view.state, context: view.context }
    const samples = sampleEvents(def, snapshot, { at: new Date().toISOString() })
    const work = samples.find(
      (e) =>
        WORK.has(e.type) &&
        !taken.has(
          ONCE.has(e.type) ? `${view.state} ${e.type}` : JSON.stringify([e.type, e.payload]),
        ),
    )
    const next = work ?? samples.find((e) => e.type === 'fase.volgende')
    if (!next) throw new Error(`no way from ${view.state} to ${phase}`)
    taken.add(
      ONCE.has(next.type)
        ? `${view.state} ${next.type}`
        : JSON.stringify([next.type, next.payload]),
    )
    const payload =
      next.type === 'evaluatie.vastleggen'
        ? { ...next.payload, leraarInAmsterdamPersonId: world.ids.lia }
        : next.payload
    await sent(world.driver, id, { type: next.type, payload })
  }
  throw new Error(`${id} did not reach ${phase}`)
}

/** POSTs an event as multipart/form-data: the JSON in part `event`, the file in `document`. */
export async function postDocument(
  client: Client,
  id: string,
  event: Record<string, unknown>,
  file?: { bytes: Uint8Array; name?: string; type?: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData()
  form.append('event', JSON.stringify(event))
  if (file) {
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], {
      type: file.type ?? 'application/pdf',
    })
    form.append('document', blob, file.name ?? 'document.pdf')
  }
  const res = await client.app.request(`/api/v1/instances/${id}/events`, {
    method: 'POST',
    headers: { ...(client.token ? { authorization: `Bearer ${client.token}` } : {}), ...headers },
    body: form,
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, body, headers: res.headers }
}

/** A download, as bytes. */
export async function download(client: Client, path: string) {
  const res = await client.app.request(path, {
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
  })
  return {
    status: res.status,
    headers: res.headers,
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}

/** Rows of the document tables. */
export async function documentRows(store: DbHandle): Promise<{ documents: number; links: number }> {
  const count = async (table: 'documents' | 'instance_documents') =>
    Number(
      (
        await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
          store.db,
        )
      ).rows[0]?.n,
    )
  return { documents: await count('documents'), links: await count('instance_documents') }
}

/** An ontwerp as the vormgeven phase takes it. */
export const ontwerp = (text = 'Acht bijeenkomsten over een schooljaar.') => ({
  type: 'ontwerp.vastleggen',
  payload: {
    text,
    collaboration: 'Afwisselend op de scholen en op de opleidingsschool.',
    quality: 'Na elke bijeenkomst een korte evaluatie.',
  },
})
