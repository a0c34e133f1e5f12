// Dutch words for the UI. Domain values stay as they are in the data (the domain vocabulary in machines/vocabulary.ts); these are only
// how a person reads them. A value without an entry is shown as it is.

import {
  KEYED_VALUE_LABELS,
  V2_EVENT_FIELD_LABELS,
  V2_EVENT_TITLES,
  V2_FIELD_LABELS,
  V2_FIELD_OVERRIDES,
  V2_VALUE_LABELS,
} from './labels-rolovergang-v2.ts'
import {
  TEAM_V2_EVENT_FIELD_LABELS,
  TEAM_V2_EVENT_TITLES,
  TEAM_V2_FIELD_LABELS,
  TEAM_V2_KEYED_VALUE_LABELS,
  TEAM_V2_VALUE_LABELS,
} from './labels-ontwikkelteam-v2.ts'

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Beheerder',
  hr: 'HR-adviseur',
  member: 'Teamlid',
  teacher: 'Leraar',
  auditor: 'Auditor',
  beleid: 'Beleid (taskforce, gemeente, bestuur)',
  system: 'Systeem',
}

const VALUE_LABELS: Record<string, string> = {
  // organisation kinds
  bestuur: 'Bestuur',
  school: 'School',
  opleidingsschool: 'Opleidingsschool',
  huisacademie: 'Huisacademie',
  lerarenopleiding: 'Lerarenopleiding',
  gemeente: 'Gemeente',
  // team roles
  coordinator: 'Coördinator',
  leraar: 'Leraar',
  schoolopleider: 'Schoolopleider',
  instituutsopleider: 'Instituutsopleider',
  'hr-professional': 'HR-professional',
  teamleider: 'Teamleider',
  bestuurder: 'Bestuurder',
  // phases and team states
  verkennen: 'Verkennen',
  delen: 'Delen',
  overeenkomen: 'Overeenkomen',
  vormgeven: 'Vormgeven',
  uitvoeren: 'Uitvoeren',
  evalueren: 'Evalueren',
  dissemineren: 'Dissemineren',
  // statuses
  actief: 'actief',
  gepauzeerd: 'gepauzeerd',
  afgerond: 'afgerond',
  gestopt: 'gestopt',
  afgewezen: 'afgewezen',
  ingetrokken: 'ingetrokken',
  // rolovergang states
  aangevraagd: 'aangevraagd',
  lopend: 'lopend',
  open: 'open',
  orientatie: 'in oriëntatie',
  toegelaten: 'toegelaten',
  afgesproken: 'afgesproken',
  verleend: 'verleend',
  voorbereiding: 'in voorbereiding',
  // domains
  'leren-van-leerlingen': 'Leren van leerlingen',
  'ontwikkelen-van-onderwijs': 'Ontwikkelen van onderwijs',
  'organiseren-van-onderwijs': 'Organiseren van onderwijs',
  'leren-van-collegas': 'Leren van collega’s',
  // career paths
  'flexibele-loopbaan': 'Flexibele loopbaan',
  'beginner-naar-expert': 'Van beginner naar expert',
  'switch-school-of-vak': 'Switch van school of vak',
  'andere-taken-en-rollen': 'Andere taken en rollen',
  'groei-naar-leiderschap': 'Groei naar leiderschap',
  'vergroot-bereik': 'Vergroot bereik',
  // evaluation levels
  doelstellingen: 'Doelstellingen',
  samenwerking: 'Samenwerking',
  organisatievorm: 'Organisatievorm',
  opbrengst: 'Opbrengst',
  // collaboration elements
  gedeeldeAmbities: 'Gedeelde ambities',
  belangen: 'Recht doen aan ieders belangen',
  relaties: 'Aandacht voor persoonlijke relaties',
  professioneelOrganiseren: 'Professioneel organiseren',
  betekenisgevendProces: 'Betekenisgevend proces',
  // partners
  scholen: 'Scholen',
  lerarenopleidingen: 'Lerarenopleidingen',
  // support forms
  begeleiding: 'Begeleiding',
  coaching: 'Coaching',
  scholing: 'Scholing',
  intervisie: 'Intervisie',
  meelopen: 'Meelopen',
  // recognition forms
  formeel: 'Formeel (standaard of certificaat)',
  informeel: 'Informeel (door collega’s en leiding)',
  salaris: 'In salaris',
  // access methods
  selectie: 'Selectie',
  benoeming: 'Benoeming',
  'open-inschrijving': 'Open inschrijving',
  anders: 'Anders',
  // pilot scenarios
  '1a': '1a — ontwikkelteam binnen één opleidingsschool',
  '1b': '1b — ontwikkelteams tussen en binnen opleidingsscholen',
  '2a': '2a — leergang voor opleiders (huisacademie)',
  '2b': '2b — leergang Leiderschap van Leraren (huisacademie)',
  // the four questions and the role
  toegang: 'Toegang',
  ondersteuning: 'Ondersteuning',
  facilitering: 'Facilitering',
  erkenning: 'Erkenning',
  rol: 'Rol',
  ...V2_VALUE_LABELS,
  ...TEAM_V2_VALUE_LABELS,
}

/** How a domain value reads in Dutch. */
export function valueLabel(value: string): string {
  return Object.hasOwn(VALUE_LABELS, value) ? (VALUE_LABELS[value] ?? value) : value
}

/** How a value of the field `key` reads in Dutch (a budget source `school`, not the kind). */
export function valueLabelFor(key: string, value: string): string {
  for (const table of [TEAM_V2_KEYED_VALUE_LABELS, KEYED_VALUE_LABELS]) {
    const own = Object.hasOwn(table, key) ? table[key] : undefined
    if (own && Object.hasOwn(own, value)) return own[value] ?? value
  }
  return valueLabel(value)
}

const EVENT_TITLES: Record<string, string> = {
  aangemaakt: 'Aangemaakt',
  'lid.toevoegen': 'Lid toevoegen',
  'lid.verwijderen': 'Lid verwijderen',
  'ambitie.vastleggen': 'Ambitie vastleggen',
  'belang.vastleggen': 'Belang vastleggen',
  'relatie.vastleggen': 'Relatie vastleggen',
  'gedeelde-ambitie.formuleren': 'Gedeelde ambitie formuleren',
  'gedeelde-ambitie.onderschrijven': 'Gedeelde ambitie onderschrijven',
  'oplossing.vastleggen': 'Oplossing vastleggen',
  'ontwerp.vastleggen': 'Ontwerp vastleggen',
  'ontwerp.akkoord': 'Akkoord geven op het ontwerp',
  'activiteit.vastleggen': 'Activiteit vastleggen',
  'evaluatie.vastleggen': 'Evaluatie vastleggen',
  'resultaat.delen': 'Resultaat delen',
  'fase.volgende': 'Naar de volgende fase',
  'fase.terug': 'Terug naar de vorige fase',
  'cyclus.vernieuwen': 'Nieuwe cyclus beginnen',
  'cyclus.afronden': 'Ontwikkelteam afronden',
  pauzeren: 'Pauzeren',
  hervatten: 'Hervatten',
  stoppen: 'Stoppen',
  'behandeling.starten': 'Behandeling starten',
  'toegang.orientatie-starten': 'Oriëntatie starten',
  'toegang.toelaten': 'Toelaten tot de rol',
  'toegang.afwijzen': 'Afwijzen',
  'ondersteuning.afspreken': 'Ondersteuning afspreken',
  'ondersteuning.afronden': 'Ondersteuning afronden',
  'facilitering.afspreken': 'Facilitering afspreken',
  'erkenning.afspreken': 'Erkenning afspreken',
  'erkenning.verlenen': 'Erkenning verlenen',
  'rol.starten': 'Rol starten',
  'overgang.afronden': 'Rolovergang afronden',
  'overgang.intrekken': 'Rolovergang intrekken',
  'beheer.gestart': 'Beheer gestart',
  'organisatie.aangemaakt': 'Organisatie aangemaakt',
  'persoon.aangemaakt': 'Persoon aangemaakt',
  'token.aangemaakt': 'Token aangemaakt',
  'token.ingetrokken': 'Token ingetrokken',
  'pilot.aangemaakt': 'Pilot aangemaakt',
  ...V2_EVENT_TITLES,
  ...TEAM_V2_EVENT_TITLES,
}

/** A short Dutch title for an event type (button text, timeline). */
export function eventTitle(type: string): string {
  if (Object.hasOwn(EVENT_TITLES, type)) return EVENT_TITLES[type] ?? type
  const words = type.replace(/[.-]/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const FIELD_LABELS: Record<string, string> = {
  text: 'Tekst',
  organisationId: 'Organisatie',
  personId: 'Persoon',
  role: 'Rol in het team',
  note: 'Toelichting',
  method: 'Manier van toelaten',
  forms: 'Vormen van ondersteuning',
  hoursPerYear: 'Uren per jaar',
  compensation: 'Compensatie',
  form: 'Vorm van erkenning',
  startDate: 'Startdatum',
  date: 'Datum',
  level: 'Niveau',
  judgement: 'Oordeel',
  scores: 'Scores voor de samenwerking (1 = zwak, 5 = sterk)',
  partner: 'Partner',
  collaboration: 'Hoe wordt er samengewerkt?',
  quality: 'Hoe wordt de kwaliteit bewaakt?',
  expertise: 'Expertise',
  description: 'Beschrijving',
  external: 'Expertise van buiten het netwerk',
  reason: 'Reden',
  pilotId: 'Pilot',
  teamName: 'Team',
  organisations: 'Organisaties',
  organisationIds: 'Organisaties',
  newRole: 'Nieuwe rol',
  currentRole: 'Huidige rol (als die er is)',
  domain: 'Domein',
  careerPath: 'Loopbaanpad',
  name: 'Naam',
  email: 'E-mailadres',
  kind: 'Soort organisatie',
  tokenId: 'Token',
  scenario: 'Scenario',
  teams: 'Teams',
  ...V2_FIELD_LABELS,
  ...TEAM_V2_FIELD_LABELS,
  ...VALUE_LABELS,
}

/** The 'text' of an event is what it records; say which. */
const TEXT_LABELS: Record<string, string> = {
  'ambitie.vastleggen': 'Ambitie',
  'belang.vastleggen': 'Belang',
  'relatie.vastleggen': 'Relatie',
  'gedeelde-ambitie.formuleren': 'Gedeelde ambitie',
  'oplossing.vastleggen': 'Oplossing',
  'ontwerp.vastleggen': 'Ontwerp',
  'activiteit.vastleggen': 'Wat is er gedaan?',
  'resultaat.delen': 'Wat is er gedeeld?',
}

/**
 * The Dutch label of a payload field of an event, in the version of its machine (a field may mean
 * something else in a newer version: version 2 counts facilitering in hours off the teaching load).
 */
export function fieldLabel(eventType: string, key: string, version = 1): string {
  for (const table of [TEAM_V2_EVENT_FIELD_LABELS, V2_EVENT_FIELD_LABELS]) {
    const ofEvent = Object.hasOwn(table, eventType) ? table[eventType] : undefined
    if (ofEvent && Object.hasOwn(ofEvent, key)) return ofEvent[key] ?? key
  }
  if (key === 'text' && Object.hasOwn(TEXT_LABELS, eventType)) return TEXT_LABELS[eventType] ?? key
  if (version >= 2 && Object.hasOwn(V2_FIELD_OVERRIDES, key)) return V2_FIELD_OVERRIDES[key] ?? key
  if (Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key] ?? key
  return key
}

/** A date-time as people in Amsterdam read it, e.g. "3 februari 2025, 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

/** A calendar date (YYYY-MM-DD or ISO) as "3 februari 2025". */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}
