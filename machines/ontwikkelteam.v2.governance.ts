import { stringField } from './fields.ts'
import { alle } from './guards.ts'
import {
  type Check,
  inDezeCyclus,
  lijst,
  naam,
  nietGepauzeerd,
  ontbrekend,
  organisatieNeemtDeel,
} from './ontwikkelteam.v2.checks.ts'
import type { OntwikkelteamV2Context as Context } from './ontwikkelteam.v2.context.ts'
import type { ConsultationSubject } from './ontwikkelteam.v2.vocabulary.ts'
import { consultationSubjectLabels } from './ontwikkelteam.v2.vocabulary.ts'

// Who endorses the gedeelde ambitie and agrees to the design, per organisation form (seed 002,
// Tabel 1). In a zelfregulerend netwerk every participating organisation does, each for itself.
// In a leiderorganisatie the lead organisation decides, once it has consulted every other
// organisation on the current text and the team has recorded what each said.

/** The organisations whose say the phase waits for: all of them, or only the lead. */
function beslissers(context: Context): string[] {
  return context.leadOrganisationId === null
    ? context.organisationIds
    : [context.leadOrganisationId]
}

/** The organisations a lead consults: every participating organisation but itself. */
function teRaadplegen(context: Context): string[] {
  return context.organisationIds.filter((o) => o !== context.leadOrganisationId)
}

/** The organisations consulted on the current text of `subject` (in this cycle). */
export function geraadpleegd(context: Context, subject: ConsultationSubject): string[] {
  return inDezeCyclus(context, context.raadplegingen)
    .filter((r) => r.subject === subject && r.current)
    .map((r) => r.organisationId)
}

/** Before the lead decides on `subject`, every other organisation was consulted on this text. */
function iedereenGeraadpleegd(subject: ConsultationSubject): Check {
  return (context) => {
    if (context.leadOrganisationId === null) return []
    const done = geraadpleegd(context, subject)
    const open = teRaadplegen(context)
      .filter((o) => !done.includes(o))
      .map((o) => naam(context, o))
    if (open.length === 0) return []
    const lead = naam(context, context.leadOrganisationId)
    return [
      `${lead} beslist over ${consultationSubjectLabels[subject]} nadat zij de andere organisaties heeft geraadpleegd; leg nog vast wat deze vonden: ${lijst(open)}.`,
    ]
  }
}

/** In a leiderorganisatie, the organisation named in the payload is the lead. */
const alleenDeLeider: Check = (context, payload) => {
  const lead = context.leadOrganisationId
  const org = stringField(payload, 'organisationId')
  if (lead === null || org === undefined || org === lead) return []
  return [
    `In deze pilot beslist ${naam(context, lead)} als leidende organisatie; ${naam(context, org)} wordt geraadpleegd (leg dat vast als raadpleging).`,
  ]
}

const gedeeldeAmbitieBestaat: Check = (context) =>
  context.gedeeldeAmbitie === null ? ['Er is nog geen gedeelde ambitie geformuleerd.'] : []

const ontwerpBestaat: Check = (context) =>
  context.ontwerp === null ? ['Er is nog geen ontwerp vastgelegd.'] : []

const nogNietOnderschreven: Check = (context, payload) => {
  const ambitie = context.gedeeldeAmbitie
  if (ambitie === null) return []
  const open = beslissers(context).filter((o) => !ambitie.onderschrevenDoor.includes(o))
  if (open.length === 0) return ['De gedeelde ambitie is al onderschreven.']
  const org = stringField(payload, 'organisationId')
  if (org === undefined || !ambitie.onderschrevenDoor.includes(org)) return []
  return [`${naam(context, org)} heeft de gedeelde ambitie al onderschreven.`]
}

const nogGeenAkkoord: Check = (context, payload) => {
  const ontwerp = context.ontwerp
  if (ontwerp === null) return []
  const open = beslissers(context).filter((o) => !ontwerp.akkoorden.includes(o))
  if (open.length === 0) return ['Het ontwerp heeft al akkoord.']
  const org = stringField(payload, 'organisationId')
  if (org === undefined || !ontwerp.akkoorden.includes(org)) return []
  return [`${naam(context, org)} heeft al akkoord gegeven op het ontwerp.`]
}

const onderschreven: Check = (context) => {
  const ambitie = context.gedeeldeAmbitie
  if (ambitie === null) return ['Er is nog geen gedeelde ambitie geformuleerd.']
  if (context.leadOrganisationId !== null) {
    return ambitie.onderschrevenDoor.includes(context.leadOrganisationId)
      ? []
      : [
          `${naam(context, context.leadOrganisationId)} heeft de gedeelde ambitie nog niet onderschreven.`,
        ]
  }
  const open = ontbrekend(context, (o) => ambitie.onderschrevenDoor.includes(o))
  if (open.length === 0) return []
  return [
    `Nog niet alle deelnemende organisaties hebben de gedeelde ambitie onderschreven: ${lijst(open)}.`,
  ]
}

const goedgekeurd: Check = (context) => {
  const ontwerp = context.ontwerp
  if (ontwerp === null) return ['Er is nog geen ontwerp vastgelegd.']
  if (context.leadOrganisationId !== null) {
    return ontwerp.akkoorden.includes(context.leadOrganisationId)
      ? []
      : [
          `${naam(context, context.leadOrganisationId)} heeft nog geen akkoord gegeven op het ontwerp.`,
        ]
  }
  const open = ontbrekend(context, (o) => ontwerp.akkoorden.includes(o))
  if (open.length === 0) return []
  return [
    `Nog niet alle deelnemende organisaties hebben akkoord gegeven op het ontwerp: ${lijst(open)}.`,
  ]
}

const leiderorganisatie: Check = (context) =>
  context.leadOrganisationId !== null
    ? []
    : [
        'In een zelfregulerend netwerk beslist elke organisatie zelf; een raadpleging hoort bij een leiderorganisatie.',
      ]

/** The consulted organisation is another participant than the lead. */
const nietDeLeider: Check = (context, payload) => {
  const org = stringField(payload, 'organisationId')
  if (org === undefined || org !== context.leadOrganisationId) return []
  return [`${naam(context, org)} leidt de pilot en raadpleegt de anderen, niet zichzelf.`]
}

const raadplegingOver =
  (subject: ConsultationSubject): Check =>
  (_context, payload) => {
    const given = stringField(payload, 'subject')
    if (given === undefined || given === subject) return []
    return [`In deze fase gaat een raadpleging over ${consultationSubjectLabels[subject]}.`]
  }

/** Guard name → check, for the governance of the team. */
export const governanceGuards = {
  raadplegingAmbitieMogelijk: alle(
    nietGepauzeerd,
    leiderorganisatie,
    gedeeldeAmbitieBestaat,
    raadplegingOver('gedeelde-ambitie'),
    organisatieNeemtDeel,
    nietDeLeider,
  ),
  raadplegingOntwerpMogelijk: alle(
    nietGepauzeerd,
    leiderorganisatie,
    ontwerpBestaat,
    raadplegingOver('ontwerp'),
    organisatieNeemtDeel,
    nietDeLeider,
  ),
  gedeeldeAmbitieOnderschrijfbaar: alle(
    nietGepauzeerd,
    gedeeldeAmbitieBestaat,
    nogNietOnderschreven,
    organisatieNeemtDeel,
    alleenDeLeider,
    iedereenGeraadpleegd('gedeelde-ambitie'),
  ),
  ontwerpAkkoordMogelijk: alle(
    nietGepauzeerd,
    ontwerpBestaat,
    nogGeenAkkoord,
    organisatieNeemtDeel,
    alleenDeLeider,
    iedereenGeraadpleegd('ontwerp'),
  ),
  gedeeldeAmbitieOnderschreven: alle(nietGepauzeerd, onderschreven),
  ontwerpGoedgekeurd: alle(nietGepauzeerd, goedgekeurd),
} satisfies Record<string, Check>
