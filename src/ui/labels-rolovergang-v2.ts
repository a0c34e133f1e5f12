import {
  budgetSourceLabels,
  levelLabels,
  outcomeLabels,
  recognitionWhatLabels,
  roleEndingLabels,
  supportFormV2Labels,
} from '../../machines/rolovergang.v2.vocabulary.ts'

// The Dutch words version 2 of the rolovergang adds to the UI. labels.ts merges them into its own
// tables; they live here so that file stays about the words every process shares.

/** Values that mean one thing wherever they appear: states, forms of support, levels. */
export const V2_VALUE_LABELS: Record<string, string> = {
  // region states that version 2 adds
  ingestemd: 'ingestemd',
  beeindigd: 'beëindigd',
  // the form of support every new role needs
  inductie: supportFormV2Labels.inductie,
  // levels in a domain
  ...levelLabels,
  // what a form of erkenning is, why a role ended, what the teacher did next; none of these
  // ids is a word elsewhere, so they read the same under any key
  certificaat: recognitionWhatLabels.certificaat,
  registerinschrijving: recognitionWhatLabels.registerinschrijving,
  salarisschaal: recognitionWhatLabels.salarisschaal,
  subsidie: budgetSourceLabels.subsidie,
  'eigen-professionaliseringsuren': budgetSourceLabels['eigen-professionaliseringsuren'],
  'termijn-afgelopen': roleEndingLabels['termijn-afgelopen'],
  'opdracht-afgerond': roleEndingLabels['opdracht-afgerond'],
  'op-verzoek-leraar': roleEndingLabels['op-verzoek-leraar'],
  'op-verzoek-school': roleEndingLabels['op-verzoek-school'],
  'andere-school': outcomeLabels['andere-school'],
  hybride: outcomeLabels.hybride,
  'dezelfde-werkzaamheden': outcomeLabels['dezelfde-werkzaamheden'],
  'onderwijs-verlaten-in-sector': outcomeLabels['onderwijs-verlaten-in-sector'],
  onbekend: outcomeLabels.onbekend,
}

/**
 * Values whose words depend on the field they are in: `school` is a kind of organisation, but as
 * a budget source it is "De school (formatie of taakbeleid)"; `anders` means something else for
 * a budget, a role's end and an erkenning. A value missing from its field's map falls back to
 * the shared words (the `level` of an evaluation is no level of a teacher).
 */
export const KEYED_VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  budgetSource: budgetSourceLabels,
  outcome: outcomeLabels,
  ending: roleEndingLabels,
  what: recognitionWhatLabels,
  level: levelLabels,
  startLevel: levelLabels,
}

/** Payload fields only version 2 has. */
export const V2_FIELD_LABELS: Record<string, string> = {
  motieven: 'Motieven: waarom deze rol?',
  leervraag: 'Leervraag: wat wil de leraar in de nieuwe rol leren?',
  skipOrientationReason: 'Reden om de oriëntatie over te slaan (alleen zonder oriëntatie)',
  budgetSource: 'Wie betaalt de uren?',
  agreedBy: 'Wie ging akkoord: een functie of orgaan (bijvoorbeeld de schoolleiding)',
  agreedByPersonId: 'Of: de persoon die akkoord ging',
  zeroHoursReason: 'Reden voor 0 uur (alleen bij 0 uur)',
  recognitions: 'Erkenning',
  what: 'Wat is het?',
  endDate: 'Einddatum van de rol',
  ending: 'Waarom eindigde de rol?',
  outcome: 'Wat doet de leraar na de rolovergang?',
  startLevel: 'Startniveau in de nieuwe rol',
  // what a move to another version of the process records
  from: 'Van procesversie',
  to: 'Naar procesversie',
  changes: 'Wat er verandert',
}

/** Field labels of version 2 where version 1 has the same field with another meaning. */
export const V2_FIELD_OVERRIDES: Record<string, string> = {
  hoursPerYear: 'Uren per jaar van de lestaak af',
}

/** Labels of a field in one event: the `level` a start level or a level reached. */
export const V2_EVENT_FIELD_LABELS: Record<string, Record<string, string>> = {
  'startniveau.vastleggen': { level: 'Niveau waarop de leraar in de nieuwe rol begint' },
  'niveau.vastleggen': { level: 'Niveau dat de leraar in de nieuwe rol heeft bereikt' },
}

export const V2_EVENT_TITLES: Record<string, string> = {
  'inbreng.vastleggen': 'Motieven en leervraag vastleggen',
  'startniveau.vastleggen': 'Startniveau vastleggen',
  'ondersteuning.instemmen': 'Instemmen met de ondersteuning',
  'facilitering.instemmen': 'Instemmen met de facilitering',
  'erkenning.instemmen': 'Instemmen met de erkenning',
  'niveau.vastleggen': 'Bereikt niveau vastleggen',
  'rol.beeindigen': 'Rol beëindigen',
  'definitie.gemigreerd': 'Overgezet naar een nieuwe procesversie',
}
