import {
  aimOutcomeLabels,
  denktankAimLabels,
  enrolmentStatusLabels,
  organisationFormLabels,
} from '../../machines/ontwikkelteam.v2.vocabulary.ts'

// The Dutch words version 2 of the ontwikkelteam adds to the UI: its events, payload fields and
// values. labels.ts merges them into its own tables.

/** Values that read the same wherever they appear. */
export const TEAM_V2_VALUE_LABELS: Record<string, string> = {
  ...organisationFormLabels,
  ingeschreven: enrolmentStatusLabels.ingeschreven,
  teruggetrokken: enrolmentStatusLabels.teruggetrokken,
  ...aimOutcomeLabels,
}

/**
 * Values whose words depend on their field: the denktank aim `samenwerking` is no evaluation
 * level, and a consultation's subject reads as a choice ("De gedeelde ambitie").
 */
export const TEAM_V2_KEYED_VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  aim: denktankAimLabels,
  subject: { 'gedeelde-ambitie': 'De gedeelde ambitie', ontwerp: 'Het ontwerp' },
}

/** Payload fields only version 2 of the ontwikkelteam has, wherever they appear. */
export const TEAM_V2_FIELD_LABELS: Record<string, string> = {
  places: 'Aantal plaatsen',
  amountCents: 'Bedrag in eurocent (€ 1.250 is 125000)',
  evaluatorIds: 'Wie van het team evalueerde?',
  leraarInAmsterdamPersonId: 'Wie van Leraar in Amsterdam evalueerde mee?',
  aims: 'Doelen van de denktank',
  aim: 'Doel',
  subject: 'Waarover is de organisatie geraadpleegd?',
  document: 'Document',
  sha256: 'Vingerafdruk (SHA-256) van het document',
  size: 'Grootte in bytes',
  mediaType: 'Soort bestand',
  addOrganisations: 'Nieuwe partners in de volgende cyclus',
  removeOrganisationIds: 'Partners die na deze cyclus vertrekken',
  startPhase: 'Fase waarin de nieuwe cyclus begint',
}

/** Labels of a field in one event of version 2 (a `leervraag` of a participant, not a teacher's). */
export const TEAM_V2_EVENT_FIELD_LABELS: Record<string, Record<string, string>> = {
  'deelnemer.inschrijven': {
    personId: 'Deelnemer',
    organisationId: 'Organisatie waar de deelnemer werkt',
    leervraag: 'Leervraag van de deelnemer: waarmee begint zij of hij?',
  },
  'deelnemer.terugtrekken': { personId: 'Deelnemer' },
  'deelnemer.afronden': { personId: 'Deelnemer' },
  'uitgave.boeken': {
    description: 'Waarvoor is de uitgave?',
    date: 'Datum van de uitgave',
  },
  'raadpleging.vastleggen': {
    organisationId: 'Geraadpleegde organisatie',
    text: 'Wat vond de organisatie?',
  },
  'evaluatie.vastleggen': {
    outcome: 'In hoeverre is het doel behaald?',
    document: 'Evaluatieverslag',
  },
  'ontwerp.vastleggen': { document: 'Ontwerp als document' },
  'resultaat.delen': { document: 'Gedeeld document' },
  'cyclus.vernieuwen': {
    id: 'Organisatie',
    name: 'Naam van de organisatie (zoals die in doorlopend staat)',
  },
}

export const TEAM_V2_EVENT_TITLES: Record<string, string> = {
  'deelnemer.inschrijven': 'Deelnemer inschrijven',
  'deelnemer.terugtrekken': 'Deelnemer trekt zich terug',
  'deelnemer.afronden': 'Deelnemer heeft afgerond',
  'plaatsen.vaststellen': 'Plaatsen vaststellen',
  'uitgave.boeken': 'Uitgave boeken',
  'raadpleging.vastleggen': 'Raadpleging vastleggen',
  heropenen: 'Team heropenen',
}
