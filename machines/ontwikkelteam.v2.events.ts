import { z } from 'zod'
import { DocumentRef, id, isoDate, noPayload, text } from './fields.ts'
import {
  ActiviteitVastleggen,
  Expertise,
  LidToevoegen,
  LidVerwijderen,
  Organisatie,
  OrganisatieTekst,
  Tekst,
} from './ontwikkelteam.events.ts'
import {
  AimOutcome,
  ConsultationSubject,
  DenktankAim,
  denktankAims,
  minJudgementWords,
} from './ontwikkelteam.v2.vocabulary.ts'
import type { EventDefinition } from './types.ts'
import { EvaluationLevel, Partner, Phase } from './vocabulary.ts'

// Payload schemas of version 2 of the ontwikkelteam. What version 1 already had is reused as it
// is; what changed is defined here.

const document = DocumentRef.optional()

export const OplossingVastleggenV2 = z
  .object({ text, expertise: z.array(Expertise).max(50) })
  .strict()
export const OntwerpVastleggenV2 = z
  .object({ text, collaboration: text, quality: text, document })
  .strict()

const score = z.number().int().min(1).max(5)
/** The five crucial elements of the collaboration, each scored 1–5 (all five, in version 2). */
export const ScoresV2 = z
  .object({
    gedeeldeAmbities: score,
    belangen: score,
    relaties: score,
    professioneelOrganiseren: score,
    betekenisgevendProces: score,
  })
  .strict()
export type ScoresV2 = z.infer<typeof ScoresV2>

const judgement = text.refine((t) => t.split(/\s+/).filter(Boolean).length >= minJudgementWords, {
  message: `Schrijf een oordeel van ten minste ${minJudgementWords} woorden: wat werkte, wat niet, en waarom.`,
})

export const AimJudgement = z
  .object({ aim: DenktankAim, outcome: AimOutcome, note: text.optional() })
  .strict()

export const EvaluatieVastleggenV2 = z
  .object({
    level: EvaluationLevel,
    judgement,
    scores: ScoresV2.optional(),
    aims: z.array(AimJudgement).max(denktankAims.length).optional(),
    evaluatorIds: z.array(id).min(1, 'Noem wie van het team evalueerde.').max(50),
    leraarInAmsterdamPersonId: id,
    document,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.level === 'samenwerking' && !p.scores) {
      ctx.addIssue({
        code: 'custom',
        path: ['scores'],
        message: 'Geef bij de samenwerking een score (1–5) op alle vijf cruciale elementen.',
      })
    }
    if (p.level !== 'samenwerking' && p.scores) {
      ctx.addIssue({
        code: 'custom',
        path: ['scores'],
        message: 'Scores horen alleen bij het niveau samenwerking.',
      })
    }
    if (p.level !== 'doelstellingen' && p.aims) {
      ctx.addIssue({
        code: 'custom',
        path: ['aims'],
        message: 'De doelen van de denktank horen bij het niveau doelstellingen.',
      })
    }
    if (p.level === 'doelstellingen') {
      const given = new Set((p.aims ?? []).map((a) => a.aim))
      const open = denktankAims.filter((a) => !given.has(a))
      if (open.length > 0 || given.size !== (p.aims ?? []).length) {
        ctx.addIssue({
          code: 'custom',
          path: ['aims'],
          message: 'Beoordeel bij de doelstellingen elk doel van de denktank precies één keer.',
        })
      }
    }
    if (new Set(p.evaluatorIds).size !== p.evaluatorIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluatorIds'],
        message: 'Iemand staat meer dan eens in de lijst.',
      })
    }
  })

export const ResultaatDelenV2 = z.object({ partner: Partner, text, document }).strict()

export const RaadplegingVastleggen = z
  .object({ organisationId: id, subject: ConsultationSubject, text })
  .strict()

export const DeelnemerInschrijven = z
  .object({ personId: id, organisationId: id, leervraag: text })
  .strict()
export const Deelnemer = z.object({ personId: id }).strict()
export const PlaatsenVaststellen = z.object({ places: z.number().int().min(1).max(500) }).strict()

export const UitgaveBoeken = z
  .object({
    description: text.max(500),
    amountCents: z.number().int().min(1, 'Een uitgave is meer dan € 0.').max(100_000_000),
    date: isoDate,
  })
  .strict()

export const CyclusVernieuwen = z
  .object({
    addOrganisations: z
      .array(z.object({ id, name: text.max(200) }).strict())
      .max(50)
      .default([]),
    removeOrganisationIds: z.array(id).max(50).default([]),
    startPhase: Phase.default('verkennen'),
  })
  .strict()
export type CyclusVernieuwen = z.infer<typeof CyclusVernieuwen>

export type EvaluatieVastleggenV2 = z.infer<typeof EvaluatieVastleggenV2>

const open = 'in een open fase (verkennen tot en met dissemineren)'

function event(
  payload: EventDefinition['payload'],
  when: string,
  label: string,
  options: { reasonRequired?: boolean; attachment?: boolean; reasonWhen?: string } = {},
): EventDefinition {
  return {
    payload,
    reasonRequired: options.reasonRequired ?? false,
    when,
    label,
    ...(options.attachment ? { attachment: true } : {}),
    ...(options.reasonWhen ? { reasonWhen: options.reasonWhen } : {}),
  }
}

/** Every event an ontwikkelteam of version 2 knows. */
export const ontwikkelteamV2Events = {
  'lid.toevoegen': event(LidToevoegen, open, 'Voeg een lid toe aan het team.'),
  'lid.verwijderen': event(LidVerwijderen, open, 'Verwijder een lid uit het team.'),
  'deelnemer.inschrijven': event(
    DeelnemerInschrijven,
    open,
    'Schrijf een deelnemer in, met de leervraag waarmee die begint.',
  ),
  'deelnemer.terugtrekken': event(Deelnemer, open, 'Een deelnemer trekt zich terug.', {
    reasonRequired: true,
  }),
  'deelnemer.afronden': event(
    Deelnemer,
    'in de fasen uitvoeren tot en met dissemineren',
    'Een deelnemer heeft het traject afgerond.',
  ),
  'plaatsen.vaststellen': event(
    PlaatsenVaststellen,
    open,
    'Stel het aantal plaatsen vast (de begroting volgt).',
  ),
  'uitgave.boeken': event(UitgaveBoeken, open, 'Boek een uitgave op de begroting.', {
    reasonWhen: 'Alleen nodig als deze uitgave het saldo onder nul brengt: zeg waarom toch.',
  }),
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
  'raadpleging.vastleggen': event(
    RaadplegingVastleggen,
    'in de fasen delen en vormgeven',
    'De leidende organisatie legt vast wat een andere organisatie vond toen zij haar raadpleegde.',
  ),
  'gedeelde-ambitie.onderschrijven': event(
    Organisatie,
    'in de fase delen',
    'Een organisatie onderschrijft de gedeelde ambitie.',
  ),
  'oplossing.vastleggen': event(
    OplossingVastleggenV2,
    'in de fase overeenkomen',
    'Leg een oplossing vast, met de expertise die ervoor nodig is.',
  ),
  'ontwerp.vastleggen': event(
    OntwerpVastleggenV2,
    'in de fase vormgeven',
    'Leg het ontwerp vast (eerdere akkoorden vervallen).',
    { attachment: true },
  ),
  'ontwerp.akkoord': event(
    Organisatie,
    'in de fase vormgeven',
    'Een organisatie geeft akkoord op het ontwerp.',
  ),
  'activiteit.vastleggen': event(
    ActiviteitVastleggen,
    'in de fase uitvoeren',
    'Leg een uitgevoerde activiteit vast.',
  ),
  'evaluatie.vastleggen': event(
    EvaluatieVastleggenV2,
    'in de fase evalueren',
    'Leg de evaluatie op een niveau vast, met wie evalueerde.',
    { attachment: true },
  ),
  'resultaat.delen': event(
    ResultaatDelenV2,
    'in de fase dissemineren',
    'Deel de resultaten met een partner.',
    { attachment: true },
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
    { reasonRequired: true },
  ),
  'cyclus.vernieuwen': event(
    CyclusVernieuwen,
    'in de fase dissemineren',
    'Begin een nieuwe cyclus, eventueel met andere partners of in een latere fase.',
    { reasonWhen: 'Alleen nodig als de nieuwe cyclus niet bij verkennen begint: zeg waarom.' },
  ),
  'cyclus.afronden': event(noPayload, 'in de fase dissemineren', 'Rond het ontwikkelteam af.'),
  pauzeren: event(noPayload, open, 'Pauzeer het team.', { reasonRequired: true }),
  hervatten: event(noPayload, open, 'Hervat het gepauzeerde team.'),
  stoppen: event(noPayload, open, 'Stop het team.', { reasonRequired: true }),
  heropenen: event(
    noPayload,
    'als het team gestopt is',
    'Heropen het gestopte team in de fase waarin het stopte.',
    { reasonRequired: true },
  ),
} satisfies Record<string, EventDefinition>

export type OntwikkelteamV2EventType = keyof typeof ontwikkelteamV2Events
