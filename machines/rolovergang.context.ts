import { z } from 'zod'
import { at, id, isoDate, reasonRecord, text } from './fields.ts'
import { AccessMethod, CareerPath, Domain, RecognitionForm, SupportForm } from './vocabulary.ts'

/** What a rolovergang is created with. */
export const RolovergangInput = z
  .object({
    personId: id,
    organisationId: id,
    newRole: id,
    currentRole: id.nullable().default(null),
    domain: Domain,
    careerPath: CareerPath,
  })
  .strict()
export type RolovergangInput = z.infer<typeof RolovergangInput>

// Each of the four questions is null until it is settled; every agreement keeps its time.
export const RolovergangContext = z
  .object({
    personId: id,
    organisationId: id,
    newRole: id,
    currentRole: id.nullable(),
    domain: Domain,
    careerPath: CareerPath,
    aangevraagdAt: at,
    behandelingGestartAt: at.nullable(),
    orientatie: z.object({ note: text.nullable(), at }).strict().nullable(),
    toegang: z.object({ method: AccessMethod, note: text, at }).strict().nullable(),
    ondersteuning: z
      .object({ forms: z.array(SupportForm), note: text, at, afgerondAt: at.nullable() })
      .strict()
      .nullable(),
    facilitering: z
      .object({ hoursPerYear: z.number(), compensation: text, note: text.nullable(), at })
      .strict()
      .nullable(),
    erkenning: z
      .object({
        form: RecognitionForm,
        note: text,
        at,
        verleend: z.object({ note: text, at }).strict().nullable(),
      })
      .strict()
      .nullable(),
    rol: z.object({ startDate: isoDate, at }).strict().nullable(),
    afwijzing: reasonRecord.nullable(),
    intrekking: reasonRecord.nullable(),
    afgerondAt: at.nullable(),
  })
  .strict()
export type RolovergangContext = z.infer<typeof RolovergangContext>

/** The context a new rolovergang starts with. */
export function initialContext(input: RolovergangInput, createdAt: string): RolovergangContext {
  return {
    personId: input.personId,
    organisationId: input.organisationId,
    newRole: input.newRole,
    currentRole: input.currentRole,
    domain: input.domain,
    careerPath: input.careerPath,
    aangevraagdAt: createdAt,
    behandelingGestartAt: null,
    orientatie: null,
    toegang: null,
    ondersteuning: null,
    facilitering: null,
    erkenning: null,
    rol: null,
    afwijzing: null,
    intrekking: null,
    afgerondAt: null,
  }
}
