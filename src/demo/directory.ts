import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../access/principal.ts'
import { createOrganisation } from '../engine/organisations.service.ts'
import { addAffiliation, createPerson } from '../engine/people.service.ts'

// The demo's organisations and people. Every name is made up; e-mail addresses use example.nl.

/** The organisation the demo recognises itself by (see load-demo.ts). */
export const DEMO_MARKER = 'Stichting Amstelscholen'

// Each bestuur comes before the organisations under it (`parent`): its HR covers them.
const ORGANISATIONS = {
  amstelscholen: { name: DEMO_MARKER, kind: 'bestuur' },
  westerpoort: { name: 'Stichting Westerpoort Onderwijs', kind: 'bestuur' },
  amstelLyceum: { name: 'Amstel Lyceum', kind: 'school', parent: 'amstelscholen' },
  grachten: { name: 'Grachtencollege', kind: 'school', parent: 'amstelscholen' },
  oostpoort: { name: 'Oostpoort Scholengemeenschap', kind: 'school', parent: 'amstelscholen' },
  ijdoorn: { name: 'IJdoorn College', kind: 'school', parent: 'westerpoort' },
  sloterplas: { name: 'Sloterplas Mavo', kind: 'school', parent: 'westerpoort' },
  zuiderpark: { name: 'Zuiderpark Havo', kind: 'school', parent: 'westerpoort' },
  noordWest: { name: 'Opleidingsschool Noord-West', kind: 'opleidingsschool' },
  amstelOost: { name: 'Opleidingsschool Amstel-Oost', kind: 'opleidingsschool' },
  academie: { name: 'Amstelscholen Academie', kind: 'huisacademie', parent: 'amstelscholen' },
  wetering: { name: 'Lerarenopleiding De Wetering', kind: 'lerarenopleiding' },
  gemeente: { name: 'Gemeente Amstelstad', kind: 'gemeente' },
  // An mbo with its own bestuur (none of the demo's): the partner 2a adds in its second cycle.
  roc: { name: 'ROC Amstelstad', kind: 'school' },
} as const satisfies Record<string, { name: string; kind: string; parent?: string }>

export type OrgKey = keyof typeof ORGANISATIONS

// [name, organisation they work at (werkzaam bij), function title, e-mail]: the e-mail only
// where the process needs to reach someone.
const PEOPLE = {
  // HR of each bestuur: the people behind the hr tokens.
  ingrid: ['Ingrid Vos', 'amstelscholen', 'hr-adviseur', null],
  martijn: ['Martijn Kuipers', 'westerpoort', 'hr-adviseur', null],
  // ontwikkelteams and werkgroepen
  ilse: ['Ilse Vermeulen', 'noordWest', 'coördinator', 'ilse.vermeulen@example.nl'],
  joost: ['Joost van Dijk', 'amstelOost', 'coördinator', 'joost.vandijk@example.nl'],
  marloes: ['Marloes Hendriks', 'academie', 'programmamanager', 'marloes.hendriks@example.nl'],
  daan: ['Daan Smit', 'ijdoorn', 'leraar', null],
  fatima: ['Fatima El Amrani', 'sloterplas', 'schoolopleider', null],
  pieter: ['Pieter de Graaf', 'wetering', 'instituutsopleider', 'pieter.degraaf@example.nl'],
  sanne: ['Sanne Mulder', 'ijdoorn', 'teamleider', null],
  rachid: ['Rachid Bouzid', 'westerpoort', 'hr-professional', null],
  hanneke: ['Hanneke Post', 'zuiderpark', 'leraar wiskunde', null],
  kees: ['Kees Brouwer', 'amstelLyceum', 'schoolopleider', null],
  wendy: ['Wendy Kok', 'grachten', 'teamleider', null],
  tim: ['Tim Willems', 'grachten', 'teamleider', null],
  mehmet: ['Mehmet Yilmaz', 'zuiderpark', 'teamleider', null],
  rutger: ['Rutger Smeets', 'amstelLyceum', 'leraar', null],
  anouk: ['Anouk Dekker', 'amstelscholen', 'bestuurder', 'anouk.dekker@example.nl'],
  lisa: ['Lisa van Leeuwen', 'amstelscholen', 'hr-professional', null],
  // teachers with a rolovergang
  noor: ['Noor Bakker', 'amstelLyceum', 'leraar Nederlands', 'noor.bakker@example.nl'],
  youssef: ['Youssef Haddou', 'grachten', 'leraar', null],
  eva: ['Eva Jansen', 'oostpoort', 'leraar geschiedenis', null],
  bram: ['Bram Visser', 'ijdoorn', 'leraar wiskunde', null],
  lotte: ['Lotte de Boer', 'zuiderpark', 'leraar biologie', null],
  sem: ['Sem Hoekstra', 'sloterplas', 'leraar economie', null],
  // Leraar in Amsterdam evaluates every pilot together with its team.
  carla: ['Carla Mendes', 'gemeente', 'kwartiermaker Leraar in Amsterdam', null],
  // The new partner's member in the second cycle of 2a.
  gerard: ['Gerard Hoogland', 'roc', 'teamleider docentontwikkeling', null],
  // Participants (deelnemers) of the pilots, enrolled with their leervraag.
  iris: ['Iris Koster', 'ijdoorn', 'leraar Engels', null],
  wouter: ['Wouter Kramer', 'ijdoorn', 'leraar aardrijkskunde', null],
  jesse: ['Jesse Vermeer', 'sloterplas', 'leraar Nederlands', null],
  naima: ['Naima Ouali', 'sloterplas', 'leraar wiskunde', null],
  koen: ['Koen Hermans', 'ijdoorn', 'leraar natuurkunde', null],
  lieke: ['Lieke Maas', 'ijdoorn', 'leraar Frans', null],
  thijs: ['Thijs Bos', 'ijdoorn', 'leraar lichamelijke opvoeding', null],
  stijn: ['Stijn Verbeek', 'ijdoorn', 'leraar scheikunde', null],
  anna: ['Anna Peeters', 'zuiderpark', 'leraar Duits', null],
  ruben: ['Ruben Dijkstra', 'zuiderpark', 'leraar geschiedenis', null],
  nina: ['Nina Claassen', 'zuiderpark', 'leraar Engels', null],
  sophie: ['Sophie Wolters', 'amstelLyceum', 'leraar Nederlands', null],
  femke: ['Femke Schouten', 'amstelLyceum', 'leraar scheikunde', null],
  bas: ['Bas Meijer', 'amstelLyceum', 'leraar aardrijkskunde', null],
  milan: ['Milan Groot', 'amstelLyceum', 'leraar wiskunde', null],
  julia: ['Julia van den Berg', 'grachten', 'leraar Engels', null],
  omar: ['Omar Aziz', 'grachten', 'leraar economie', null],
  esther: ['Esther Prins', 'grachten', 'leraar biologie', null],
  daphne: ['Daphne Smits', 'amstelLyceum', 'leraar muziek', null],
  hugo: ['Hugo Janssens', 'oostpoort', 'leraar natuurkunde', null],
  yara: ['Yara de Jong', 'oostpoort', 'leraar Nederlands', null],
  // Opleiders in the leergang of 2a.
  margot: ['Margot Evers', 'noordWest', 'schoolopleider', null],
  jeroen: ['Jeroen Pauwels', 'noordWest', 'schoolopleider', null],
  lotfi: ['Lotfi Benali', 'noordWest', 'werkplekbegeleider', null],
  ingeborg: ['Ingeborg Terpstra', 'noordWest', 'schoolopleider', null],
  roel: ['Roel van Gils', 'amstelOost', 'schoolopleider', null],
  saskia: ['Saskia Wijnands', 'amstelOost', 'werkplekbegeleider', null],
  bart: ['Bart Hofman', 'amstelOost', 'schoolopleider', null],
  miriam: ['Miriam Oudshoorn', 'wetering', 'instituutsopleider', null],
  frank: ['Frank Bosman', 'wetering', 'lerarenopleider', null],
  layla: ['Layla Haddad', 'wetering', 'instituutsopleider', null],
  priya: ['Priya Ramdin', 'roc', 'docent pedagogiek', null],
} as const satisfies Record<string, readonly [string, OrgKey, string, string | null]>

export type PersonKey = keyof typeof PEOPLE

/** Who records a second affiliation: admin, or HR of the bestuur the organisation is under. */
export type Recorder = 'admin' | 'amstelscholen' | 'westerpoort'

/**
 * People who also work at a second organisation, so that they can represent it in a team (a
 * member speaks only for an organisation where they work): [person, organisation, function
 * title, who records it].
 */
const SECOND_AFFILIATIONS = [
  // Schoolopleiders of a school who also work for an opleidingsschool (2a).
  ['fatima', 'noordWest', 'schoolopleider', 'admin'],
  ['kees', 'amstelOost', 'schoolopleider', 'admin'],
  // HR professionals of a bestuur, placed at one of its organisations (1a, 2a).
  ['rachid', 'sloterplas', 'hr-professional', 'westerpoort'],
  ['lisa', 'academie', 'hr-professional', 'amstelscholen'],
] as const satisfies readonly (readonly [PersonKey, OrgKey, string, Recorder])[]

export interface DemoOrganisation {
  id: string
  name: string
  kind: string
  parentId: string | null
}

export interface DemoPerson {
  id: string
  name: string
  /** The organisation the person was created at, their first affiliation. */
  organisationId: string
  functionTitle: string
}

export interface Directory {
  org: Record<OrgKey, DemoOrganisation>
  person: Record<PersonKey, DemoPerson>
}

/** Creates the organisations and people through their services, as the demo admin. */
export async function createDirectory(store: DbHandle, admin: Principal): Promise<Directory> {
  const org = {} as Record<OrgKey, DemoOrganisation>
  for (const key of Object.keys(ORGANISATIONS) as OrgKey[]) {
    const spec: { name: string; kind: string; parent?: OrgKey } = ORGANISATIONS[key]
    org[key] = await createOrganisation(store, admin, {
      name: spec.name,
      kind: spec.kind,
      parentId: spec.parent ? org[spec.parent].id : undefined,
    })
  }
  const person = {} as Record<PersonKey, DemoPerson>
  for (const key of Object.keys(PEOPLE) as PersonKey[]) {
    const [name, orgKey, functionTitle, email] = PEOPLE[key]
    const created = await createPerson(store, admin, {
      name,
      email: email ?? undefined,
      organisationId: org[orgKey].id,
      functionTitle,
    })
    person[key] = { id: created.id, name, organisationId: created.organisationId, functionTitle }
  }
  return { org, person }
}

/**
 * Records the second affiliations, each by whoever may: HR of the bestuur for its own
 * organisations, admin for the opleidingsscholen (no bestuur's HR covers them).
 */
export async function addSecondAffiliations(
  store: DbHandle,
  dir: Directory,
  by: Record<Recorder, Principal>,
): Promise<number> {
  for (const [personKey, orgKey, functionTitle, recorder] of SECOND_AFFILIATIONS) {
    await addAffiliation(store, by[recorder], dir.person[personKey].id, {
      organisationId: dir.org[orgKey].id,
      functionTitle,
    })
  }
  return SECOND_AFFILIATIONS.length
}

/** The organisations under a bestuur (its HR covers them too). */
export function under(dir: Directory, bestuur: OrgKey): DemoOrganisation[] {
  const parentId = dir.org[bestuur].id
  return Object.values(dir.org).filter((o) => o.parentId === parentId)
}
