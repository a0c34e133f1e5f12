import { z } from 'zod'
import { id, isoDate, noPayload, text } from './fields.ts'
import type { EventDefinition } from './types.ts'
import { EvaluationLevel, Partner, TeamRole } from './vocabulary.ts'

// Payload schemas of the ontwikkelteam events (the API contract of their payloads).

export const LidToevoegen = z.object({ personId: id, role: TeamRole, organisationId: id }).strict()
export const LidVerwijderen = z.object({ personId: id }).strict()
export const OrganisatieTekst = z.object({ organisationId: id, text }).strict()
export const Tekst = z.object({ text }).strict()
export const Organisatie = z.object({ organisationId: id }).strict()

export const Expertise = z
  .object({ organisationId: id.optional(), external: z.boolean().optional(), description: text })
  .strict()
export const OplossingVastleggen = z
  .object({ text, expertise: z.array(Expertise).max(50) })
  .strict()

export const OntwerpVastleggen = z.object({ text, collaboration: text, quality: text }).strict()
export const ActiviteitVastleggen = z.object({ date: isoDate, text }).strict()

const score = z.number().int().min(1).max(5)
export const Scores = z
  .object({
    gedeeldeAmbities: score,
    belangen: score,
    relaties: score,
    professioneelOrganiseren: score,
    betekenisgevendProces: score,
  })
  .strict()
export const EvaluatieVastleggen = z
  .object({ level: EvaluationLevel, judgement: text, scores: Scores.optional() })
  .strict()
  .refine((p) => p.scores === undefined || p.level === 'samenwerking', {
    message: 'Scores horen alleen bij het niveau samenwerking.',
    path: ['scores'],
  })

export const ResultaatDelen = z.object({ partner: Partner, text }).strict()

export type LidToevoegen = z.infer<typeof LidToevoegen>
export type OplossingVastleggen = z.infer<typeof OplossingVastleggen>
export type EvaluatieVastleggen = z.infer<typeof EvaluatieVastleggen>
export type Scores = z.infer<typeof Scores>

const open = 'in een open fase (verkennen tot en met dissemineren)'

function event(
  payload: EventDefinition['payload'],
  when: string,
  label: string,
  reasonRequired = false,
): EventDefinition {
  return { payload, reasonRequired, when, label }
}

/** Every event an ontwikkelteam knows, with its payload schema and where it applies. */
export const ontwikkelteamEvents = {
  'lid.toevoegen': event(LidToevoegen, open, 'Voeg een lid toe aan het team.'),
  'lid.verwijderen': event(LidVerwijderen, open, 'Verwijder een lid uit het team.'),
  'ambitie.vastleggen': event(
    OrganisatieTekst,
    'in de fase verkennen',
    'Leg de ambitie van een deelnemende organisatie vast.',
  ),
  'belang.vastleggen': event(
    OrganisatieTekst,
    'in de fase verkennen',
    'Leg het belang van een deelnemende organisatie vast.',
  ),
  'relatie.vastleggen': event(Tekst, 'in de fase verkennen', 'Leg een relatie vast.'),
  'gedeelde-ambitie.formuleren': event(
    Tekst,
    'in de fase delen',
    'Formuleer de gedeelde ambitie (eerdere onderschrijvingen vervallen).',
  ),
  'gedeelde-ambitie.onderschrijven': event(
    Organisatie,
    'in de fase delen',
    'Een deelnemende organisatie onderschrijft de gedeelde ambitie.',
  ),
  'oplossing.vastleggen': event(
    OplossingVastleggen,
    'in de fase overeenkomen',
    'Leg een oplossing vast, met de expertise die ervoor nodig is.',
  ),
  'ontwerp.vastleggen': event(
    OntwerpVastleggen,
    'in de fase vormgeven',
    'Leg het ontwerp vast (eerdere akkoorden vervallen).',
  ),
  'ontwerp.akkoord': event(
    Organisatie,
    'in de fase vormgeven',
    'Een deelnemende organisatie geeft akkoord op het ontwerp.',
  ),
  'activiteit.vastleggen': event(
    ActiviteitVastleggen,
    'in de fase uitvoeren',
    'Leg een uitgevoerde activiteit vast.',
  ),
  'evaluatie.vastleggen': event(
    EvaluatieVastleggen,
    'in de fase evalueren',
    'Leg de evaluatie op een niveau vast.',
  ),
  'resultaat.delen': event(
    ResultaatDelen,
    'in de fase dissemineren',
    'Deel de resultaten met een partner.',
  ),
  'fase.volgende': event(
    noPayload,
    'in de fasen verkennen tot en met evalueren',
    'Ga naar de volgende fase.',
  ),
  'fase.terug': event(
    noPayload,
    'in de fasen delen tot en met dissemineren',
    'Ga terug naar de vorige fase.',
    true,
  ),
  'cyclus.vernieuwen': event(
    noPayload,
    'in de fase dissemineren',
    'Begin een nieuwe cyclus bij verkennen.',
  ),
  'cyclus.afronden': event(noPayload, 'in de fase dissemineren', 'Rond het ontwikkelteam af.'),
  pauzeren: event(noPayload, open, 'Pauzeer het team.', true),
  hervatten: event(noPayload, open, 'Hervat het gepauzeerde team.'),
  stoppen: event(noPayload, open, 'Stop het team.', true),
} satisfies Record<string, EventDefinition>

export type OntwikkelteamEventType = keyof typeof ontwikkelteamEvents
