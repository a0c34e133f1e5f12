import { z } from 'zod'
import { id, isoDate, noPayload, safeString, text } from './fields.ts'
import type { EventDefinition } from './types.ts'
import {
  BudgetSource,
  Level,
  RecognitionKind,
  RecognitionWhat,
  RoleEnding,
  SupportFormV2,
  outcomes,
} from './rolovergang.v2.vocabulary.ts'
import { AccessMethod } from './vocabulary.ts'

// Payload schemas of the events of version 2 of the rolovergang (the API contract of their
// payloads). What only the context can decide (0 hours needs a reason, orientation first) is a
// named guard, so its reason is explained where the event is blocked.

/** A short free text: a function or a body, not a paragraph. */
const short = safeString().trim().min(1).max(200)

export const OrientatieStarten = z.object({ note: text.optional() }).strict()

export const Toelaten = z
  .object({ method: AccessMethod, note: text, skipOrientationReason: text.optional() })
  .strict()

export const OndersteuningAfspreken = z
  .object({
    forms: z
      .array(SupportFormV2)
      .min(1)
      .refine((forms) => new Set(forms).size === forms.length, {
        message: 'Elke vorm van ondersteuning mag maar één keer voorkomen.',
      }),
    note: text,
  })
  .strict()

export const FaciliteringAfspreken = z
  .object({
    /** Hours per year taken off the teaching load, so that the role does not add to it. */
    hoursPerYear: z.number().min(0).max(2000),
    budgetSource: BudgetSource,
    /** Who agreed, as a function or body ("de schoolleiding", "de MR"); names live with people. */
    agreedBy: short.optional(),
    agreedByPersonId: id.optional(),
    zeroHoursReason: text.optional(),
    note: text.optional(),
  })
  .strict()
  .refine((p) => p.agreedBy !== undefined || p.agreedByPersonId !== undefined, {
    message:
      'Zeg wie met de facilitering akkoord ging: een functie of orgaan (bijvoorbeeld de schoolleiding), of kies de persoon.',
    path: ['agreedBy'],
  })

const Erkenningsvorm = z
  .object({
    form: RecognitionKind,
    what: RecognitionWhat.optional(),
    description: short.optional(),
  })
  .strict()
  .refine((r) => r.form === 'informeel' || r.what !== undefined, {
    message: 'Zeg bij formele erkenning en bij erkenning in salaris wat het is.',
    path: ['what'],
  })

export const ErkenningAfspreken = z
  .object({
    recognitions: z
      .array(Erkenningsvorm)
      .min(1)
      .max(6)
      .refine((list) => new Set(list.map((r) => `${r.form}/${r.what}`)).size === list.length, {
        message: 'Elke vorm van erkenning mag maar één keer voorkomen.',
      }),
    note: text,
  })
  .strict()

export const Notitie = z.object({ note: text }).strict()
export const Instemmen = z.object({ note: text.optional() }).strict()

export const InbrengVastleggen = z
  .object({ motieven: text.optional(), leervraag: text.optional() })
  .strict()
  .refine((p) => p.motieven !== undefined || p.leervraag !== undefined, {
    message: 'Schrijf uw motieven, uw leervraag of allebei op.',
    path: ['leervraag'],
  })

export const NiveauVastleggen = z.object({ level: Level, note: text.optional() }).strict()

export const RolStarten = z.object({ startDate: isoDate }).strict()
export const RolBeeindigen = z
  .object({ endDate: isoDate, ending: RoleEnding, note: text.optional() })
  .strict()

export const OvergangAfronden = z
  .object({
    // The vocabulary's outcomes, with a Dutch message of its own: closing needs one.
    outcome: z.enum(outcomes, {
      error: 'Kies wat de leraar na de rolovergang doet; kies ‘onbekend’ als dat niet bekend is.',
    }),
    note: text.optional(),
  })
  .strict()

const inLopend = 'in lopend'

function event(
  payload: EventDefinition['payload'],
  when: string,
  label: string,
  reasonRequired = false,
): EventDefinition {
  return { payload, reasonRequired, when, label }
}

/** Every event of version 2 of the rolovergang, with its payload schema and where it applies. */
export const rolovergangV2Events = {
  'behandeling.starten': event(noPayload, 'in aangevraagd', 'Neem de aanvraag in behandeling.'),
  'inbreng.vastleggen': event(
    InbrengVastleggen,
    'in aangevraagd of lopend',
    'Leg uw motieven en uw leervraag vast (of pas ze aan).',
  ),
  'startniveau.vastleggen': event(
    NiveauVastleggen,
    'in aangevraagd, of in lopend zolang de rol in voorbereiding is',
    'Leg vast op welk niveau de leraar in de nieuwe rol begint.',
  ),
  'toegang.orientatie-starten': event(
    OrientatieStarten,
    `${inLopend}, zolang de toegang open is`,
    'Begin de oriëntatie op de nieuwe rol.',
  ),
  'toegang.toelaten': event(
    Toelaten,
    `${inLopend}, zolang de toegang open is of in oriëntatie`,
    'Laat de leraar toe tot de nieuwe rol (na de oriëntatie, of met een reden om die over te slaan).',
  ),
  'toegang.afwijzen': event(
    noPayload,
    'in aangevraagd, of in lopend zolang de leraar nog niet is toegelaten',
    'Wijs de rolovergang af.',
    true,
  ),
  'ondersteuning.afspreken': event(
    OndersteuningAfspreken,
    `${inLopend}, zolang de ondersteuning niet is afgerond`,
    'Spreek de ondersteuning af (of pas de afspraak aan); de leraar stemt er daarna mee in.',
  ),
  'ondersteuning.instemmen': event(
    Instemmen,
    `${inLopend}, als er een afspraak over ondersteuning op uw instemming wacht`,
    'Stem in met de afspraak over ondersteuning.',
  ),
  'ondersteuning.afronden': event(
    noPayload,
    `${inLopend}, als de leraar met de ondersteuning heeft ingestemd`,
    'Rond de ondersteuning af.',
  ),
  'facilitering.afspreken': event(
    FaciliteringAfspreken,
    inLopend,
    'Spreek de facilitering af: de uren die van de lestaak af gaan, wie ze betaalt en wie akkoord ging (of pas de afspraak aan).',
  ),
  'facilitering.instemmen': event(
    Instemmen,
    `${inLopend}, als er een afspraak over facilitering op uw instemming wacht`,
    'Stem in met de afspraak over facilitering.',
  ),
  'erkenning.afspreken': event(
    ErkenningAfspreken,
    `${inLopend}, zolang de erkenning niet is verleend`,
    'Spreek af hoe de nieuwe rol wordt erkend: formeel, informeel, in salaris of een combinatie (of pas de afspraak aan).',
  ),
  'erkenning.instemmen': event(
    Instemmen,
    `${inLopend}, als er een afspraak over erkenning op uw instemming wacht`,
    'Stem in met de afspraak over erkenning.',
  ),
  'erkenning.verlenen': event(
    Notitie,
    `${inLopend}, als de leraar met de erkenning heeft ingestemd`,
    'Verleen de afgesproken erkenning.',
  ),
  'rol.starten': event(
    RolStarten,
    `${inLopend}, zolang de rol in voorbereiding is`,
    'Laat de leraar in de nieuwe rol beginnen.',
  ),
  'niveau.vastleggen': event(
    NiveauVastleggen,
    `${inLopend}, als de rol is begonnen`,
    'Leg vast welk niveau de leraar in de nieuwe rol heeft bereikt.',
  ),
  'rol.beeindigen': event(
    RolBeeindigen,
    `${inLopend}, als de rol actief is`,
    'Leg vast dat de rol is geëindigd, bijvoorbeeld omdat een termijn afliep.',
  ),
  'overgang.afronden': event(
    OvergangAfronden,
    inLopend,
    'Rond de rolovergang af en leg vast wat de leraar daarna doet.',
  ),
  'overgang.intrekken': event(
    noPayload,
    'in aangevraagd of lopend',
    'Trek de rolovergang in.',
    true,
  ),
} satisfies Record<string, EventDefinition>

export type RolovergangV2EventType = keyof typeof rolovergangV2Events
