import { z } from 'zod'
import { at, id, isoDate, reasonRecord, text } from './fields.ts'
import { Scores } from './ontwikkelteam.events.ts'
import { EvaluationLevel, Partner, Phase, TeamRole } from './vocabulary.ts'

/** What a team is created with. */
export const OntwikkelteamInput = z
  .object({
    pilotId: id,
    teamName: text.max(200),
    organisations: z
      .array(z.object({ id, name: text.max(200) }).strict())
      .min(1)
      .max(50)
      .refine((orgs) => new Set(orgs.map((o) => o.id)).size === orgs.length, {
        message: 'Een organisatie staat meer dan eens in de lijst.',
      }),
  })
  .strict()
export type OntwikkelteamInput = z.infer<typeof OntwikkelteamInput>

// Every record carries the cycle it belongs to and the time of the event that made it.
const cycle = z.number().int().min(1)
const orgIds = z.array(id)

const OrganisatieRecord = z.object({ organisationId: id, text, cycle, at }).strict()
const GedeeldeAmbitie = z.object({ text, onderschrevenDoor: orgIds, cycle, at }).strict()
const Ontwerp = z
  .object({ text, collaboration: text, quality: text, akkoorden: orgIds, cycle, at })
  .strict()

export const OntwikkelteamContext = z
  .object({
    pilotId: id,
    teamName: text,
    aangemaaktAt: at,
    cycle,
    organisations: z.array(z.object({ id, name: text }).strict()),
    organisationIds: orgIds,
    members: z.array(
      z.object({ personId: id, role: TeamRole, organisationId: id, since: at }).strict(),
    ),
    pauze: reasonRecord.nullable(),
    ambities: z.array(OrganisatieRecord),
    belangen: z.array(OrganisatieRecord),
    relaties: z.array(z.object({ text, cycle, at }).strict()),
    gedeeldeAmbitie: GedeeldeAmbitie.nullable(),
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
    evaluaties: z.array(
      z
        .object({ level: EvaluationLevel, judgement: text, scores: Scores.nullable(), cycle, at })
        .strict(),
    ),
    resultaten: z.array(z.object({ partner: Partner, text, cycle, at }).strict()),
    terugstappen: z.array(
      z.object({ from: Phase, to: Phase, reason: z.string(), cycle, at }).strict(),
    ),
    /** The gedeelde ambitie and ontwerp of every cycle closed by `cyclus.vernieuwen`. */
    vorigeCycli: z.array(
      z
        .object({
          cycle,
          gedeeldeAmbitie: GedeeldeAmbitie.nullable(),
          ontwerp: Ontwerp.nullable(),
          vernieuwdAt: at,
        })
        .strict(),
    ),
    gestopt: reasonRecord.nullable(),
    afgerondAt: at.nullable(),
  })
  .strict()
export type OntwikkelteamContext = z.infer<typeof OntwikkelteamContext>

/** The context a new team starts with. */
export function initialContext(input: OntwikkelteamInput, createdAt: string): OntwikkelteamContext {
  return {
    pilotId: input.pilotId,
    teamName: input.teamName,
    aangemaaktAt: createdAt,
    cycle: 1,
    organisations: input.organisations.map((o) => ({ id: o.id, name: o.name })),
    organisationIds: input.organisations.map((o) => o.id),
    members: [],
    pauze: null,
    ambities: [],
    belangen: [],
    relaties: [],
    gedeeldeAmbitie: null,
    oplossingen: [],
    ontwerp: null,
    activiteiten: [],
    evaluaties: [],
    resultaten: [],
    terugstappen: [],
    vorigeCycli: [],
    gestopt: null,
    afgerondAt: null,
  }
}
