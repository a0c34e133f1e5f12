import { z } from 'zod'
import { DocumentRef, at, id, isoDate, reasonRecord, text } from './fields.ts'
import { ScoresV2 } from './ontwikkelteam.v2.events.ts'
import {
  AimOutcome,
  ConsultationSubject,
  DenktankAim,
  EnrolmentStatus,
  OrganisationForm,
} from './ontwikkelteam.v2.vocabulary.ts'
import { EvaluationLevel, Partner, Phase, TeamRole } from './vocabulary.ts'

const organisations = z
  .array(z.object({ id, name: text.max(200) }).strict())
  .min(1)
  .max(50)
  .refine((orgs) => new Set(orgs.map((o) => o.id)).size === orgs.length, {
    message: 'Een organisatie staat meer dan eens in de lijst.',
  })

/** What a team of version 2 is created with: version 1's, plus its form, lead and places. */
export const OntwikkelteamV2Input = z
  .object({
    pilotId: id,
    teamName: text.max(200),
    organisations,
    organisationForm: OrganisationForm,
    leadOrganisationId: id.nullable(),
    places: z.number().int().min(1).max(500),
  })
  .strict()
  .refine((i) => (i.organisationForm === 'leiderorganisatie') === (i.leadOrganisationId !== null), {
    message:
      'Een leiderorganisatie heeft een leidende organisatie; een zelfregulerend netwerk niet.',
    path: ['leadOrganisationId'],
  })
  .refine(
    (i) =>
      i.leadOrganisationId === null || i.organisations.some((o) => o.id === i.leadOrganisationId),
    {
      message: 'De leidende organisatie neemt zelf deel aan de pilot.',
      path: ['leadOrganisationId'],
    },
  )
export type OntwikkelteamV2Input = z.infer<typeof OntwikkelteamV2Input>

// Every record carries the cycle it belongs to and the time of the event that made it.
const cycle = z.number().int().min(1)
const orgIds = z.array(id)
const document = DocumentRef.nullable()

const OrganisatieRecord = z.object({ organisationId: id, text, cycle, at }).strict()
const GedeeldeAmbitie = z.object({ text, onderschrevenDoor: orgIds, cycle, at }).strict()
const Ontwerp = z
  .object({ text, collaboration: text, quality: text, akkoorden: orgIds, document, cycle, at })
  .strict()

/** A phase the team was in, from the day it began to the day it ended (null: still in it). */
const FasePeriode = z
  .object({ phase: Phase, cycle, from: isoDate, to: isoDate.nullable() })
  .strict()

export const Deelnemer = z
  .object({
    personId: id,
    organisationId: id,
    leervraag: text,
    status: EnrolmentStatus,
    cycle,
    since: at,
    /** Why a participant withdrew (null otherwise). */
    reason: z.string().nullable(),
    until: at.nullable(),
  })
  .strict()
export type Deelnemer = z.infer<typeof Deelnemer>

export const Uitgave = z
  .object({
    description: text,
    amountCents: z.number().int(),
    date: isoDate,
    /** Why the expense is booked although it takes the balance below zero (null otherwise). */
    overspendReason: z.string().nullable(),
    cycle,
    at,
  })
  .strict()

export const Evaluatie = z
  .object({
    level: EvaluationLevel,
    judgement: text,
    scores: ScoresV2.nullable(),
    aims: z
      .array(
        z.object({ aim: DenktankAim, outcome: AimOutcome, note: z.string().nullable() }).strict(),
      )
      .nullable(),
    evaluatorIds: z.array(id),
    leraarInAmsterdamPersonId: id,
    document,
    cycle,
    at,
  })
  .strict()
export type Evaluatie = z.infer<typeof Evaluatie>

export const OntwikkelteamV2Context = z
  .object({
    pilotId: id,
    teamName: text,
    aangemaaktAt: at,
    cycle,
    organisationForm: OrganisationForm,
    leadOrganisationId: id.nullable(),
    organisations: z.array(z.object({ id, name: text }).strict()),
    organisationIds: orgIds,
    members: z.array(
      z.object({ personId: id, role: TeamRole, organisationId: id, since: at }).strict(),
    ),
    pauze: reasonRecord.nullable(),
    fasen: z.array(FasePeriode),
    ambities: z.array(OrganisatieRecord),
    belangen: z.array(OrganisatieRecord),
    relaties: z.array(z.object({ text, cycle, at }).strict()),
    gedeeldeAmbitie: GedeeldeAmbitie.nullable(),
    raadplegingen: z.array(
      z
        .object({
          organisationId: id,
          subject: ConsultationSubject,
          text,
          /** Whether it was on the current text (a new formulation or design makes it false). */
          current: z.boolean(),
          cycle,
          at,
        })
        .strict(),
    ),
    oplossingen: z.array(
      z
        .object({
          text,
          expertise: z.array(
            z
              .object({ organisationId: id.nullable(), external: z.boolean(), description: text })
              .strict(),
          ),
          cycle,
          at,
        })
        .strict(),
    ),
    ontwerp: Ontwerp.nullable(),
    activiteiten: z.array(z.object({ date: isoDate, text, cycle, at }).strict()),
    evaluaties: z.array(Evaluatie),
    resultaten: z.array(z.object({ partner: Partner, text, document, cycle, at }).strict()),
    terugstappen: z.array(
      z.object({ from: Phase, to: Phase, reason: z.string(), cycle, at }).strict(),
    ),
    places: z.number().int().min(1),
    deelnemers: z.array(Deelnemer),
    uitgaven: z.array(Uitgave),
    /** Each cycle closed by `cyclus.vernieuwen`: what it had, and how the next one began. */
    vorigeCycli: z.array(
      z
        .object({
          cycle,
          gedeeldeAmbitie: GedeeldeAmbitie.nullable(),
          ontwerp: Ontwerp.nullable(),
          organisationIds: orgIds,
          places: z.number().int().min(1),
          vernieuwdAt: at,
          added: orgIds,
          removed: orgIds,
          startPhase: Phase,
          startReason: z.string().nullable(),
        })
        .strict(),
    ),
    gestopt: z.object({ reason: z.string(), at, phase: Phase }).strict().nullable(),
    heropeningen: z.array(z.object({ reason: z.string(), at, phase: Phase }).strict()),
    afgerondAt: at.nullable(),
  })
  .strict()
export type OntwikkelteamV2Context = z.infer<typeof OntwikkelteamV2Context>

/** The context a new team of version 2 starts with, in verkennen from `day`. */
export function initialContextV2(
  input: OntwikkelteamV2Input,
  createdAt: string,
  day: string,
): OntwikkelteamV2Context {
  return {
    pilotId: input.pilotId,
    teamName: input.teamName,
    aangemaaktAt: createdAt,
    cycle: 1,
    organisationForm: input.organisationForm,
    leadOrganisationId: input.leadOrganisationId,
    organisations: input.organisations.map((o) => ({ id: o.id, name: o.name })),
    organisationIds: input.organisations.map((o) => o.id),
    members: [],
    pauze: null,
    fasen: [{ phase: 'verkennen', cycle: 1, from: day, to: null }],
    ambities: [],
    belangen: [],
    relaties: [],
    gedeeldeAmbitie: null,
    raadplegingen: [],
    oplossingen: [],
    ontwerp: null,
    activiteiten: [],
    evaluaties: [],
    resultaten: [],
    terugstappen: [],
    places: input.places,
    deelnemers: [],
    uitgaven: [],
    vorigeCycli: [],
    gestopt: null,
    heropeningen: [],
    afgerondAt: null,
  }
}
