import { z } from '@hono/zod-openapi'
import { phases } from '../../machines/vocabulary.ts'
import { safeString } from '../../machines/fields.ts'
import { CareerPath, Domain, Scenario } from '../../machines/vocabulary.ts'
import { SORT_KEYS } from '../engine/instance-list.ts'

const Id = safeString().min(1).max(100)

/** Every top-level state an instance can be in: a team's phase, a rolovergang's state. */
export const STATES = [
  ...phases,
  'afgerond',
  'gestopt',
  'aangevraagd',
  'lopend',
  'afgewezen',
  'ingetrokken',
] as const

const SORTS = SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [string, ...string[]]

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: () => `Onbekende ${what}. Kies uit: ${values.join(', ')}.` })

export const InstanceQuery = z.object({
  limit: z.coerce
    .number({ error: () => 'Geef het aantal per pagina als getal.' })
    .int()
    .min(1, { error: 'Vraag ten minste 1 proces per pagina.' })
    .max(500, { error: 'Vraag ten hoogste 500 processen per pagina.' })
    .default(100),
  after: safeString().min(1).max(400).optional(),
  machine: oneOf(['ontwikkelteam', 'rolovergang'], 'soort proces').optional(),
  status: oneOf(
    ['actief', 'gepauzeerd', 'afgerond', 'gestopt', 'afgewezen', 'ingetrokken'],
    'status',
  ).optional(),
  state: oneOf(STATES, 'fase of toestand')
    .optional()
    .openapi({ description: 'The top-level state: a phase, or aangevraagd, lopend, …' }),
  organisationId: Id.optional().openapi({
    description: 'Instances concerning this organisation; a bestuur includes its schools.',
  }),
  scenario: Scenario.optional(),
  domain: Domain.optional(),
  careerPath: CareerPath.optional(),
  waitingOn: oneOf(['hr', 'leraar', 'team'], 'partij').optional(),
  openQuestion: oneOf(['toegang', 'ondersteuning', 'facilitering', 'erkenning'], 'vraag')
    .optional()
    .openapi({ description: 'Rolovergangen whose question is open now (not yet settled).' }),
  stalled: oneOf(['true', 'false'], 'waarde voor stilgevallen')
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'Running with no step for 30 days or more (true), or not (false).' }),
  q: safeString()
    .trim()
    .min(1, { error: 'Zoek op ten minste één teken.' })
    .max(100, { error: 'Zoek op ten hoogste 100 tekens.' })
    .optional()
    .openapi({ description: 'Text in the title, or in the name of the teacher (HR, admin).' }),
  sort: oneOf(SORTS, 'sortering')
    .optional()
    .openapi({ description: 'A column, `-` before it for descending: titel, -laatst, …' }),
})

export const InstanceOverview = z
  .object({
    phase: z.string(),
    waitingOn: z.string().nullable().openapi({ description: "'hr', 'leraar', 'team', or null" }),
    stalled: z.boolean(),
    startedOn: z.string(),
    lastOn: z.string(),
    organisationId: z.string().nullable(),
    scenario: z.string().nullable(),
    domain: z.string().nullable(),
    careerPath: z.string().nullable(),
  })
  .openapi('InstanceOverview', {
    description:
      'Where the instance stands as lists filter it: its top-level state, whose move it is, and whether it is stilgevallen (running, no step for 30 days, counted from ingangsdata).',
  })
