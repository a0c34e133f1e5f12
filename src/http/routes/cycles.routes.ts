import { createRoute, z } from '@hono/zod-openapi'
import { readCycles } from '../../engine/cycles.service.ts'
import type { Store } from '../../engine/store.ts'
import { denktankAims, aimOutcomes } from '../../../machines/ontwikkelteam.v2.vocabulary.ts'
import { evaluationLevels, phases } from '../../../machines/vocabulary.ts'
import { bearer, newRouter } from '../router.ts'
import { IdParam, problemResponses } from '../schemas.ts'

const Phase = z.enum(phases)
const score = z.number().int().min(1).max(5)
const cents = (description: string) => z.number().int().openapi({ description })

const DocumentRef = z
  .object({ sha256: z.string(), size: z.number().int(), mediaType: z.string() })
  .openapi('CycleDocument', {
    description: 'A document attached to the event: its SHA-256 (hex), size and media type.',
  })

const CycleEvaluation = z
  .object({
    level: z.enum(evaluationLevels),
    judgement: z.string().nullable().openapi({ description: 'Null: not evaluated in this cycle' }),
    scores: z
      .object({
        gedeeldeAmbities: score,
        belangen: score,
        relaties: score,
        professioneelOrganiseren: score,
        betekenisgevendProces: score,
      })
      .nullable()
      .openapi({ description: 'The five crucial elements (level samenwerking)' }),
    aims: z
      .array(
        z.object({
          aim: z.enum(denktankAims),
          outcome: z.enum(aimOutcomes),
          note: z.string().nullable(),
        }),
      )
      .nullable()
      .openapi({ description: 'The denktank aims (level doelstellingen; version 2)' }),
    evaluatorIds: z.array(z.string()).openapi({ description: 'Team members who evaluated' }),
    leraarInAmsterdamPersonId: z.string().nullable(),
    document: DocumentRef.nullable(),
    at: z.string().nullable(),
  })
  .openapi('CycleEvaluation')

const Cycle = z
  .object({
    cycle: z.number().int(),
    current: z.boolean().openapi({ description: 'The cycle the team is in now (or ended in)' }),
    organisations: z.object({
      ids: z.array(z.string()),
      added: z.array(z.string()).openapi({ description: 'Joined at the start of this cycle' }),
      removed: z.array(z.string()).openapi({ description: 'Left at the start of this cycle' }),
    }),
    gedeeldeAmbitie: z.string().nullable(),
    ontwerp: z
      .object({
        text: z.string(),
        collaboration: z.string(),
        quality: z.string(),
        document: DocumentRef.nullable(),
      })
      .nullable(),
    evaluations: z.array(CycleEvaluation).openapi({ description: 'One per level, in order' }),
    phaseDays: z.array(z.object({ phase: Phase, days: z.number().int() })).openapi({
      description:
        'Days per phase by effective dates, summed over its periods; an open phase counts up to today (Amsterdam)',
    }),
    participants: z
      .object({
        places: z.number().int(),
        enrolled: z.number().int(),
        completed: z.number().int(),
        withdrawn: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'Null for version 1' }),
    budget: z
      .object({
        plannedCents: cents('Places × €1,000 plus the €10,000 project contribution'),
        spentCents: cents('The expenses booked in this cycle'),
        balanceCents: cents('Planned minus spent; negative when overspent with a reason'),
      })
      .nullable()
      .openapi({ description: 'Null for version 1' }),
    start: z.object({ phase: Phase, reason: z.string().nullable() }),
    period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  })
  .openapi('Cycle')

const CycleComparison = z
  .object({
    instanceId: z.string(),
    machineVersion: z.number().int(),
    note: z
      .string()
      .nullable()
      .openapi({ description: 'Dutch: what this version of the process does not record' }),
    items: z.array(Cycle).openapi({ description: 'Every cycle, oldest first' }),
  })
  .openapi('CycleComparison')

export function cycleRoutes(store: Store) {
  return newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/instances/{id}/cycles',
      operationId: 'compareCycles',
      tags: ['Processen'],
      summary: 'The cycles of an ontwikkelteam side by side',
      description:
        'One item per cycle, closed ones first: partners (and who joined or left), gedeelde ambitie, ontwerp, the evaluation per level, days per phase, participants and budget. A team of version 1 answers with what version 1 records (`note` says what it does not). 404 for a process that is no ontwikkelteam.',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The cycles',
          content: { 'application/json': { schema: CycleComparison } },
        },
        ...problemResponses(400, 401, 403, 404, 409),
      },
    }),
    async (c) => c.json(await readCycles(store, c.var.principal, c.req.valid('param').id), 200),
  )
}
