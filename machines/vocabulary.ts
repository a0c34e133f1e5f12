import { z } from 'zod'

// The domain's closed vocabularies. Each is a const array for iteration and a zod enum for
// validation; the TypeScript type is inferred from the enum.

export const organisationKinds = [
  'bestuur',
  'school',
  'opleidingsschool',
  'huisacademie',
  'lerarenopleiding',
  'gemeente',
] as const
export const OrganisationKind = z.enum(organisationKinds)
export type OrganisationKind = z.infer<typeof OrganisationKind>

export const teamRoles = [
  'coordinator',
  'leraar',
  'schoolopleider',
  'instituutsopleider',
  'hr-professional',
  'teamleider',
  'bestuurder',
] as const
export const TeamRole = z.enum(teamRoles)
export type TeamRole = z.infer<typeof TeamRole>

export const scenarios = ['1a', '1b', '2a', '2b'] as const
export const Scenario = z.enum(scenarios)
export type Scenario = z.infer<typeof Scenario>

export const domains = [
  'leren-van-leerlingen',
  'ontwikkelen-van-onderwijs',
  'organiseren-van-onderwijs',
  'leren-van-collegas',
] as const
export const Domain = z.enum(domains)
export type Domain = z.infer<typeof Domain>

export const careerPaths = [
  'flexibele-loopbaan',
  'beginner-naar-expert',
  'switch-school-of-vak',
  'andere-taken-en-rollen',
  'groei-naar-leiderschap',
  'vergroot-bereik',
] as const
export const CareerPath = z.enum(careerPaths)
export type CareerPath = z.infer<typeof CareerPath>

/** The four monitoring levels of an ontwikkelteam (seed 002, 3.2.4). */
export const evaluationLevels = [
  'doelstellingen',
  'samenwerking',
  'organisatievorm',
  'opbrengst',
] as const
export const EvaluationLevel = z.enum(evaluationLevels)
export type EvaluationLevel = z.infer<typeof EvaluationLevel>

/** The five crucial elements of the collaboration, each scored 1–5. */
export const collaborationElements = [
  'gedeeldeAmbities',
  'belangen',
  'relaties',
  'professioneelOrganiseren',
  'betekenisgevendProces',
] as const
export type CollaborationElement = (typeof collaborationElements)[number]

/** The Amsterdam partners results are disseminated to. */
export const partners = ['gemeente', 'scholen', 'lerarenopleidingen'] as const
export const Partner = z.enum(partners)
export type Partner = z.infer<typeof Partner>

export const supportForms = [
  'begeleiding',
  'coaching',
  'scholing',
  'intervisie',
  'meelopen',
] as const
export const SupportForm = z.enum(supportForms)
export type SupportForm = z.infer<typeof SupportForm>

export const recognitionForms = ['formeel', 'informeel', 'salaris'] as const
export const RecognitionForm = z.enum(recognitionForms)
export type RecognitionForm = z.infer<typeof RecognitionForm>

export const accessMethods = ['selectie', 'benoeming', 'open-inschrijving', 'anders'] as const
export const AccessMethod = z.enum(accessMethods)
export type AccessMethod = z.infer<typeof AccessMethod>

export const instanceStatuses = [
  'actief',
  'gepauzeerd',
  'afgerond',
  'gestopt',
  'afgewezen',
  'ingetrokken',
] as const
export const InstanceStatusSchema = z.enum(instanceStatuses)

/** The open phases of an ontwikkelteam, in order. */
export const phases = [
  'verkennen',
  'delen',
  'overeenkomen',
  'vormgeven',
  'uitvoeren',
  'evalueren',
  'dissemineren',
] as const
export const Phase = z.enum(phases)
export type Phase = z.infer<typeof Phase>

/** Every state value of an ontwikkelteam: the phases and the two final states. */
export const teamStates = [...phases, 'afgerond', 'gestopt'] as const
export type TeamState = (typeof teamStates)[number]
