import type { DbHandle } from '../../db/create-db.ts'
import { createPilot } from '../engine/pilots.service.ts'
import type { PilotInput } from '../engine/pilots.service.ts'
import { type DemoUser, type PersonTokens, Stream } from './demo-kit.ts'
import type { Directory, OrgKey, PersonKey } from './directory.ts'

/** Everyone the demo acts as, and what it has created so far. */
export interface Cast {
  store: DbHandle
  dir: Directory
  admin: DemoUser
  hr: { amstelscholen: DemoUser; westerpoort: DemoUser }
  members: PersonTokens
  /** Teachers' own tokens: a teacher records their input and agrees to afspraken themself. */
  teachers: PersonTokens
}

/** The member token of a person in the directory. */
export function lid(cast: Cast, key: PersonKey): Promise<DemoUser> {
  return cast.members.for(cast.dir.person[key])
}

/** The teacher token of a person in the directory. */
export function leraar(cast: Cast, key: PersonKey): Promise<DemoUser> {
  return cast.teachers.for(cast.dir.person[key])
}

/** `lid.toevoegen` for a person of the directory, representing `org` in the team. */
export async function voegToe(
  cast: Cast,
  team: Stream,
  by: DemoUser,
  person: PersonKey,
  role: string,
  org: OrgKey,
): Promise<void> {
  await team.send(by, 'lid.toevoegen', {
    personId: cast.dir.person[person].id,
    role,
    organisationId: cast.dir.org[org].id,
  })
}

/** Records `<kind>.vastleggen` for each organisation, each by the member who speaks for it. */
export async function legVast(
  cast: Cast,
  team: Stream,
  kind: 'ambitie' | 'belang',
  entries: readonly (readonly [OrgKey, PersonKey, string])[],
): Promise<void> {
  for (const [org, by, text] of entries) {
    await team.send(await lid(cast, by), `${kind}.vastleggen`, {
      organisationId: cast.dir.org[org].id,
      text,
    })
  }
}

/** Each organisation, through one of its members, endorses the gedeelde ambitie or the ontwerp. */
export async function stemIn(
  cast: Cast,
  team: Stream,
  type: 'gedeelde-ambitie.onderschrijven' | 'ontwerp.akkoord',
  entries: readonly (readonly [OrgKey, PersonKey])[],
): Promise<void> {
  for (const [org, by] of entries) {
    await team.send(await lid(cast, by), type, { organisationId: cast.dir.org[org].id })
  }
}

/** What the demo built, for the summary and the tests. */
export interface DemoPilot {
  id: string
  name: string
  scenario: string
  teams: { name: string; instanceId: string }[]
}

export interface DemoTransition {
  id: string
  instanceId: string
  person: string
  organisation: string
  newRole: string
}

/** How a pilot is governed and how big it is, where the scenario's defaults do not do. */
export interface PilotOptions {
  /** The organisation that leads a leiderorganisatie (2a, 2b). */
  lead?: OrgKey
  /** Places per team; the scenario's own number when absent. */
  places?: number
}

/**
 * Creates a pilot through the pilots service, as `by`, and returns a stream per team. Its teams
 * took effect `since`: the history is loaded today but reads as a school year, and no event may
 * take effect before its team began.
 */
export async function pilot(
  cast: Cast,
  by: DemoUser,
  name: string,
  scenario: PilotInput['scenario'],
  orgs: readonly OrgKey[],
  since: string,
  options: PilotOptions = {},
): Promise<{ pilot: DemoPilot; teams: Stream[] }> {
  const created = await createPilot(
    cast.store,
    by.principal,
    {
      name,
      scenario,
      organisationIds: orgs.map((k) => cast.dir.org[k].id),
      leadOrganisationId: options.lead ? cast.dir.org[options.lead].id : undefined,
      places: options.places,
    },
    { effectiveDate: since },
  )
  return {
    pilot: { id: created.id, name, scenario, teams: created.teams },
    teams: created.teams.map((t) => new Stream(cast.store, t.instanceId)),
  }
}
