import { z } from 'zod'

// The closed vocabularies that version 2 of the ontwikkelteam adds, each a const array, a zod
// enum and the Dutch labels the UI shows. Version 1's own stay in vocabulary.ts, unchanged.

type Labels<T extends string> = Readonly<Record<T, string>>

/**
 * How the organisations of a pilot govern it (seed 002, Tabel 1): in a zelfregulerend netwerk
 * every party steers and decides; in a leiderorganisatie one organisation (a huisacademie) leads
 * and decides, after consulting the others.
 */
export const organisationForms = ['zelfregulerend-netwerk', 'leiderorganisatie'] as const
export const OrganisationForm = z.enum(organisationForms)
export type OrganisationForm = z.infer<typeof OrganisationForm>
export const organisationFormLabels: Labels<OrganisationForm> = {
  'zelfregulerend-netwerk': 'Zelfregulerend netwerk',
  leiderorganisatie: 'Leiderorganisatie',
}

/**
 * The aims of the denktank every pilot is monitored on (level 1 of the evaluation): the
 * characteristics the pilots were to have (seed 002, Bijlage 1).
 */
export const denktankAims = [
  'leervragen',
  'samenwerking',
  'eigenaarschap',
  'heel-amsterdam',
  'evaluatie',
  'leiding-en-hr',
] as const
export const DenktankAim = z.enum(denktankAims)
export type DenktankAim = z.infer<typeof DenktankAim>
export const denktankAimLabels: Labels<DenktankAim> = {
  leervragen: 'De pilot sluit aan bij actuele leervragen van leraren en scholen',
  samenwerking: 'Twee of meer opleidingsscholen of huisacademies werken samen',
  eigenaarschap: 'Er is gedeeld eigenaarschap en wederzijdse afhankelijkheid',
  'heel-amsterdam': 'De pilot komt ten goede aan het hele Amsterdamse onderwijs',
  evaluatie: 'Er is een goede evaluatie (kwaliteitsborging)',
  'leiding-en-hr': 'Schoolleiders en hr-professionals verbinden persoonlijke en schoolontwikkeling',
}

/** How far a pilot met one denktank aim. */
export const aimOutcomes = ['behaald', 'deels', 'niet-behaald'] as const
export const AimOutcome = z.enum(aimOutcomes)
export type AimOutcome = z.infer<typeof AimOutcome>
export const aimOutcomeLabels: Labels<AimOutcome> = {
  behaald: 'Behaald',
  deels: 'Deels behaald',
  'niet-behaald': 'Niet behaald',
}

/** Where an enrolled participant stands. */
export const enrolmentStatuses = ['ingeschreven', 'teruggetrokken', 'afgerond'] as const
export const EnrolmentStatus = z.enum(enrolmentStatuses)
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>
export const enrolmentStatusLabels: Labels<EnrolmentStatus> = {
  ingeschreven: 'Ingeschreven',
  teruggetrokken: 'Teruggetrokken',
  afgerond: 'Afgerond',
}

/** What the lead organisation of a leiderorganisatie consults the others on before it decides. */
export const consultationSubjects = ['gedeelde-ambitie', 'ontwerp'] as const
export const ConsultationSubject = z.enum(consultationSubjects)
export type ConsultationSubject = z.infer<typeof ConsultationSubject>
export const consultationSubjectLabels: Labels<ConsultationSubject> = {
  'gedeelde-ambitie': 'de gedeelde ambitie',
  ontwerp: 'het ontwerp',
}

/** The budget rule of seed 002 (§3.2.5, §3.3.5): a contribution per participant plus a project contribution, in cents. */
export const contributionPerParticipantCents = 100_000
export const projectContributionCents = 1_000_000

/** The planned budget of one team for one cycle, in cents. */
export function plannedBudgetCents(places: number): number {
  return places * contributionPerParticipantCents + projectContributionCents
}

/** An evaluation's judgement needs at least this many words: a one-word verdict says nothing. */
export const minJudgementWords = 5
