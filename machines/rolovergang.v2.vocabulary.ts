import { z } from 'zod'
import { supportForms } from './vocabulary.ts'

// The closed vocabularies that version 2 of the rolovergang adds. Each is a const array, a zod
// enum and a map to the Dutch label the UI shows (users never see the ids). Version 1's own
// vocabularies stay in vocabulary.ts, unchanged: its schemas use them.

/** Dutch labels for every value of a vocabulary; a missing value fails the type check. */
type Labels<T extends string> = Readonly<Record<T, string>>

/**
 * The levels a teacher grows through in a domain. Taking up a new role makes a teacher a
 * beginner again in that role's domain: by default they start there at `beginnerLevel`.
 */
export const levels = ['in-opleiding', 'startend', 'ervaren', 'meester'] as const
export const Level = z.enum(levels)
export type Level = z.infer<typeof Level>
export const levelLabels: Labels<Level> = {
  'in-opleiding': 'In opleiding',
  startend: 'Startend',
  ervaren: 'Ervaren',
  meester: 'Meesterschap',
}

/** Where a teacher starts in a new role unless HR records otherwise: a beginner, with induction. */
export const beginnerLevel: Level = 'startend'

/** The forms of ondersteuning: version 1's, and the induction every new role needs. */
export const supportFormsV2 = [...supportForms, 'inductie'] as const
export const SupportFormV2 = z.enum(supportFormsV2)
export type SupportFormV2 = z.infer<typeof SupportFormV2>
export const supportFormV2Labels: Labels<SupportFormV2> = {
  begeleiding: 'Begeleiding',
  coaching: 'Coaching',
  scholing: 'Scholing',
  intervisie: 'Intervisie',
  meelopen: 'Meelopen met een collega in de rol',
  inductie: 'Inductie: een inwerkperiode in de nieuwe rol',
}

/** How competence in the new role is recognised; one erkenning may combine several. */
export const recognitionKinds = ['formeel', 'informeel', 'salaris'] as const
export const RecognitionKind = z.enum(recognitionKinds)
export type RecognitionKind = z.infer<typeof RecognitionKind>
export const recognitionKindLabels: Labels<RecognitionKind> = {
  formeel: 'Formeel (een standaard of certificaat)',
  informeel: 'Informeel (door collega’s en leidinggevenden)',
  salaris: 'In salaris',
}

/** What a form of erkenning is. */
export const recognitionWhats = [
  'certificaat',
  'registerinschrijving',
  'salarisschaal',
  'anders',
] as const
export const RecognitionWhat = z.enum(recognitionWhats)
export type RecognitionWhat = z.infer<typeof RecognitionWhat>
export const recognitionWhatLabels: Labels<RecognitionWhat> = {
  certificaat: 'Een certificaat',
  registerinschrijving: 'Een inschrijving in een beroepsregister',
  salarisschaal: 'Een (hogere) salarisschaal',
  anders: 'Iets anders (zie de beschrijving)',
}

/** Who pays for the hours a new role takes off the teaching load. */
export const budgetSources = [
  'school',
  'bestuur',
  'opleidingsschool',
  'huisacademie',
  'gemeente',
  'subsidie',
  'eigen-professionaliseringsuren',
  'anders',
] as const
export const BudgetSource = z.enum(budgetSources)
export type BudgetSource = z.infer<typeof BudgetSource>
export const budgetSourceLabels: Labels<BudgetSource> = {
  school: 'De school (formatie of taakbeleid)',
  bestuur: 'Het schoolbestuur',
  opleidingsschool: 'De opleidingsschool',
  huisacademie: 'De huisacademie',
  gemeente: 'De gemeente',
  subsidie: 'Een subsidie of regeling',
  'eigen-professionaliseringsuren': 'De eigen professionaliseringsuren van de leraar',
  anders: 'Anders (zie de toelichting)',
}

/** What the teacher did after the rolovergang: the categories HR and the taskforce count. */
export const outcomes = [
  'andere-school',
  'andere-taken-en-rollen',
  'hybride',
  'dezelfde-werkzaamheden',
  'onderwijs-verlaten-in-sector',
  'onbekend',
] as const
export const Outcome = z.enum(outcomes)
export type Outcome = z.infer<typeof Outcome>
export const outcomeLabels: Labels<Outcome> = {
  'andere-school': 'Naar een andere school',
  'andere-taken-en-rollen': 'Andere taken en rollen binnen de eigen school',
  hybride: 'Hybride: werk voor een andere onderwijsorganisatie naast lesgeven op de eigen school',
  'dezelfde-werkzaamheden': 'Dezelfde werkzaamheden',
  'onderwijs-verlaten-in-sector': 'Het onderwijs verlaten, maar nog werkzaam in de onderwijssector',
  onbekend: 'Onbekend',
}

/** Why a role ended (apart from withdrawing the rolovergang). */
export const roleEndings = [
  'termijn-afgelopen',
  'opdracht-afgerond',
  'op-verzoek-leraar',
  'op-verzoek-school',
  'anders',
] as const
export const RoleEnding = z.enum(roleEndings)
export type RoleEnding = z.infer<typeof RoleEnding>
export const roleEndingLabels: Labels<RoleEnding> = {
  'termijn-afgelopen': 'De termijn is afgelopen (bijvoorbeeld van de MR)',
  'opdracht-afgerond': 'De opdracht of het project is afgerond',
  'op-verzoek-leraar': 'Op verzoek van de leraar',
  'op-verzoek-school': 'Op verzoek van de school',
  anders: 'Anders (zie de toelichting)',
}

/** The afspraken the teacher agrees to before the role starts. */
export const afspraken = ['ondersteuning', 'facilitering', 'erkenning'] as const
export type Afspraak = (typeof afspraken)[number]
export const afspraakLabels: Labels<Afspraak> = {
  ondersteuning: 'ondersteuning',
  facilitering: 'facilitering',
  erkenning: 'erkenning',
}
