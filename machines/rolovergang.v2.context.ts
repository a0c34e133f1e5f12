import { z } from 'zod'
import { at, id, isoDate, reasonRecord, text } from './fields.ts'
import {
  BudgetSource,
  Level,
  Outcome,
  RecognitionKind,
  RecognitionWhat,
  RoleEnding,
  SupportFormV2,
  beginnerLevel,
} from './rolovergang.v2.vocabulary.ts'
import { AccessMethod, CareerPath, Domain } from './vocabulary.ts'

/**
 * What a rolovergang of version 2 is created with: version 1's input, plus the level the teacher
 * starts at in the new role (a beginner again unless said otherwise). The body of
 * POST /api/v1/transitions fits it unchanged.
 */
export const RolovergangV2Input = z
  .object({
    personId: id,
    organisationId: id,
    newRole: id,
    currentRole: id.nullable().default(null),
    domain: Domain,
    careerPath: CareerPath,
    startLevel: Level.default(beginnerLevel),
  })
  .strict()
export type RolovergangV2Input = z.infer<typeof RolovergangV2Input>

/** The teacher's agreement to one afspraak; a revised afspraak starts without it. */
const Instemming = z.object({ note: text.nullable(), at }).strict()

const Niveau = z.object({ level: Level, note: text.nullable(), at }).strict()

// Fields marked "null: not recorded under version 1" hold null only in a rolovergang migrated
// from version 1, which did not ask for them; version 2's own events always fill them.
export const RolovergangV2Context = z
  .object({
    personId: id,
    organisationId: id,
    newRole: id,
    currentRole: id.nullable(),
    domain: Domain,
    careerPath: CareerPath,
    aangevraagdAt: at,
    behandelingGestartAt: at.nullable(),
    /** The level in the new role's domain the teacher starts at. null: not recorded under v1. */
    startniveau: Niveau.nullable(),
    /** The level reached in the new role, recorded once it has started. */
    bereiktNiveau: Niveau.nullable(),
    /** The teacher's own motives and leervraag. */
    inbreng: z
      .object({ motieven: text.nullable(), leervraag: text.nullable(), at })
      .strict()
      .nullable(),
    orientatie: z.object({ note: text.nullable(), at }).strict().nullable(),
    toegang: z
      .object({ method: AccessMethod, note: text, skipOrientationReason: text.nullable(), at })
      .strict()
      .nullable(),
    ondersteuning: z
      .object({
        forms: z.array(SupportFormV2),
        note: text,
        at,
        instemming: Instemming.nullable(),
        afgerondAt: at.nullable(),
      })
      .strict()
      .nullable(),
    facilitering: z
      .object({
        hoursPerYear: z.number(),
        /** null: not recorded under v1. */
        budgetSource: BudgetSource.nullable(),
        agreedBy: text.nullable(),
        agreedByPersonId: id.nullable(),
        zeroHoursReason: text.nullable(),
        /** Version 1's free text on compensation, kept as recorded; null in version 2's own. */
        compensation: text.nullable(),
        note: text.nullable(),
        at,
        instemming: Instemming.nullable(),
      })
      .strict()
      .nullable(),
    erkenning: z
      .object({
        recognitions: z.array(
          z
            .object({
              form: RecognitionKind,
              /** null: informal, or not recorded under v1. */
              what: RecognitionWhat.nullable(),
              description: text.nullable(),
            })
            .strict(),
        ),
        note: text,
        at,
        instemming: Instemming.nullable(),
        verleend: z.object({ note: text, at }).strict().nullable(),
      })
      .strict()
      .nullable(),
    /** `startDate`: the day the role began (the effective date), `at`: when it was recorded. */
    rol: z.object({ startDate: isoDate, at }).strict().nullable(),
    rolEinde: z
      .object({ endDate: isoDate, ending: RoleEnding, note: text.nullable(), at })
      .strict()
      .nullable(),
    /** What the teacher did next, recorded when the rolovergang is closed. */
    uitkomst: z.object({ outcome: Outcome, note: text.nullable(), at }).strict().nullable(),
    afwijzing: reasonRecord.nullable(),
    intrekking: reasonRecord.nullable(),
    afgerondAt: at.nullable(),
  })
  .strict()
export type RolovergangV2Context = z.infer<typeof RolovergangV2Context>

/** The context a new rolovergang of version 2 starts with. */
export function initialContextV2(
  input: RolovergangV2Input,
  createdAt: string,
): RolovergangV2Context {
  return {
    personId: input.personId,
    organisationId: input.organisationId,
    newRole: input.newRole,
    currentRole: input.currentRole,
    domain: input.domain,
    careerPath: input.careerPath,
    aangevraagdAt: createdAt,
    behandelingGestartAt: null,
    startniveau: { level: input.startLevel, note: null, at: createdAt },
    bereiktNiveau: null,
    inbreng: null,
    orientatie: null,
    toegang: null,
    ondersteuning: null,
    facilitering: null,
    erkenning: null,
    rol: null,
    rolEinde: null,
    uitkomst: null,
    afwijzing: null,
    intrekking: null,
    afgerondAt: null,
  }
}
