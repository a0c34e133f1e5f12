import { z } from 'zod'
import { isoDate, noPayload, text } from './fields.ts'
import type { EventDefinition } from './types.ts'
import { AccessMethod, RecognitionForm, SupportForm } from './vocabulary.ts'

// Payload schemas of the rolovergang events (the API contract of their payloads).

export const OrientatieStarten = z.object({ note: text.optional() }).strict()
export const Toelaten = z.object({ method: AccessMethod, note: text }).strict()
export const OndersteuningAfspreken = z
  .object({
    forms: z
      .array(SupportForm)
      .min(1)
      .refine((forms) => new Set(forms).size === forms.length, {
        message: 'Elke vorm van ondersteuning mag maar één keer voorkomen.',
      }),
    note: text,
  })
  .strict()
export const FaciliteringAfspreken = z
  .object({ hoursPerYear: z.number().min(0).max(2000), compensation: text, note: text.optional() })
  .strict()
export const ErkenningAfspreken = z.object({ form: RecognitionForm, note: text }).strict()
export const Notitie = z.object({ note: text }).strict()
export const RolStarten = z.object({ startDate: isoDate }).strict()

const inLopend = 'in lopend'

function event(
  payload: EventDefinition['payload'],
  when: string,
  label: string,
  reasonRequired = false,
): EventDefinition {
  return { payload, reasonRequired, when, label }
}

/** Every event a rolovergang knows, with its payload schema and where it applies. */
export const rolovergangEvents = {
  'behandeling.starten': event(noPayload, 'in aangevraagd', 'Neem de aanvraag in behandeling.'),
  'toegang.orientatie-starten': event(
    OrientatieStarten,
    `${inLopend}, zolang de toegang open is`,
    'Begin de oriëntatie op de nieuwe rol.',
  ),
  'toegang.toelaten': event(
    Toelaten,
    `${inLopend}, zolang de toegang open is of in oriëntatie`,
    'Laat de leraar toe tot de nieuwe rol.',
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
    'Spreek de ondersteuning af (of pas de afspraak aan).',
  ),
  'ondersteuning.afronden': event(
    noPayload,
    `${inLopend}, als de ondersteuning is afgesproken`,
    'Rond de ondersteuning af.',
  ),
  'facilitering.afspreken': event(
    FaciliteringAfspreken,
    inLopend,
    'Spreek de facilitering af: tijd en compensatie (of pas de afspraak aan).',
  ),
  'erkenning.afspreken': event(
    ErkenningAfspreken,
    `${inLopend}, zolang de erkenning niet is verleend`,
    'Spreek af hoe de nieuwe rol wordt erkend (of pas de afspraak aan).',
  ),
  'erkenning.verlenen': event(
    Notitie,
    `${inLopend}, als de erkenning is afgesproken`,
    'Verleen de afgesproken erkenning.',
  ),
  'rol.starten': event(
    RolStarten,
    `${inLopend}, zolang de rol in voorbereiding is`,
    'Laat de leraar in de nieuwe rol beginnen.',
  ),
  'overgang.afronden': event(noPayload, inLopend, 'Rond de rolovergang af.'),
  'overgang.intrekken': event(
    noPayload,
    'in aangevraagd of lopend',
    'Trek de rolovergang in.',
    true,
  ),
} satisfies Record<string, EventDefinition>

export type RolovergangEventType = keyof typeof rolovergangEvents
