import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../access/principal.ts'
import { createOrganisation } from '../engine/organisations.service.ts'
import { createPerson } from '../engine/people.service.ts'

// The demo's organisations and people. Every name is made up; e-mail addresses use example.nl.

/** The organisation the demo recognises itself by (see load-demo.ts). */
export const DEMO_MARKER = 'Stichting Amstelscholen'

const ORGANISATIONS = {
  amstelscholen: { name: DEMO_MARKER, kind: 'bestuur' },
  westerpoort: { name: 'Stichting Westerpoort Onderwijs', kind: 'bestuur' },
  amstelLyceum: { name: 'Amstel Lyceum', kind: 'school' },
  grachten: { name: 'Grachtencollege', kind: 'school' },
  oostpoort: { name: 'Oostpoort Scholengemeenschap', kind: 'school' },
  ijdoorn: { name: 'IJdoorn College', kind: 'school' },
  sloterplas: { name: 'Sloterplas Mavo', kind: 'school' },
  zuiderpark: { name: 'Zuiderpark Havo', kind: 'school' },
  noordWest: { name: 'Opleidingsschool Noord-West', kind: 'opleidingsschool' },
  amstelOost: { name: 'Opleidingsschool Amstel-Oost', kind: 'opleidingsschool' },
  academie: { name: 'Amstelscholen Academie', kind: 'huisacademie' },
  wetering: { name: 'Lerarenopleiding De Wetering', kind: 'lerarenopleiding' },
  gemeente: { name: 'Gemeente Amstelstad', kind: 'gemeente' },
} as const

export type OrgKey = keyof typeof ORGANISATIONS

// [name, organisation, e-mail?]: the e-mail only where the process needs to reach someone.
const PEOPLE = {
  // ontwikkelteams and werkgroepen
  ilse: ['Ilse Vermeulen', 'noordWest', 'ilse.vermeulen@example.nl'],
  joost: ['Joost van Dijk', 'amstelOost', 'joost.vandijk@example.nl'],
  marloes: ['Marloes Hendriks', 'academie', 'marloes.hendriks@example.nl'],
  daan: ['Daan Smit', 'ijdoorn', null],
  fatima: ['Fatima El Amrani', 'sloterplas', null],
  pieter: ['Pieter de Graaf', 'wetering', 'pieter.degraaf@example.nl'],
  sanne: ['Sanne Mulder', 'ijdoorn', null],
  rachid: ['Rachid Bouzid', 'westerpoort', null],
  hanneke: ['Hanneke Post', 'zuiderpark', null],
  kees: ['Kees Brouwer', 'amstelLyceum', null],
  wendy: ['Wendy Kok', 'grachten', null],
  tim: ['Tim Willems', 'grachten', null],
  mehmet: ['Mehmet Yilmaz', 'zuiderpark', null],
  rutger: ['Rutger Smeets', 'amstelLyceum', null],
  anouk: ['Anouk Dekker', 'amstelscholen', 'anouk.dekker@example.nl'],
  lisa: ['Lisa van Leeuwen', 'amstelscholen', null],
  // teachers with a rolovergang
  noor: ['Noor Bakker', 'amstelLyceum', 'noor.bakker@example.nl'],
  youssef: ['Youssef Haddou', 'grachten', null],
  eva: ['Eva Jansen', 'oostpoort', null],
  bram: ['Bram Visser', 'ijdoorn', null],
  lotte: ['Lotte de Boer', 'zuiderpark', null],
  sem: ['Sem Hoekstra', 'sloterplas', null],
} as const satisfies Record<string, readonly [string, OrgKey, string | null]>

export type PersonKey = keyof typeof PEOPLE

export interface DemoOrganisation {
  id: string
  name: string
  kind: string
}

export interface DemoPerson {
  id: string
  name: string
  organisationId: string
}

export interface Directory {
  org: Record<OrgKey, DemoOrganisation>
  person: Record<PersonKey, DemoPerson>
}

/** Creates the organisations and people through their services, as the demo admin. */
export async function createDirectory(store: DbHandle, admin: Principal): Promise<Directory> {
  const org = {} as Record<OrgKey, DemoOrganisation>
  for (const key of Object.keys(ORGANISATIONS) as OrgKey[]) {
    org[key] = await createOrganisation(store, admin, ORGANISATIONS[key])
  }
  const person = {} as Record<PersonKey, DemoPerson>
  for (const key of Object.keys(PEOPLE) as PersonKey[]) {
    const [name, orgKey, email] = PEOPLE[key]
    const created = await createPerson(store, admin, {
      name,
      email: email ?? undefined,
      organisationId: org[orgKey].id,
    })
    person[key] = { id: created.id, name, organisationId: created.organisationId }
  }
  return { org, person }
}

/** The organisations of each bestuur, as its hr scope sees them. */
export function besturen(dir: Directory): { amstelscholen: string[]; westerpoort: string[] } {
  const ids = (...keys: OrgKey[]) => keys.map((k) => dir.org[k].id)
  return {
    amstelscholen: ids('amstelscholen', 'amstelLyceum', 'grachten', 'oostpoort', 'academie'),
    westerpoort: ids('westerpoort', 'ijdoorn', 'sloterplas', 'zuiderpark'),
  }
}
