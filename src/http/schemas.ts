import { z } from '@hono/zod-openapi'
import { OrganisationForm } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import { CareerPath, Domain, OrganisationKind, Scenario } from '../../machines/vocabulary.ts'
import { safeString } from '../../machines/fields.ts'
import { ROLES } from '../access/policy.ts'

const text = (max: number) => safeString().trim().min(1).max(max)
export const Id = safeString().min(1).max(100).openapi({ example: 'org_01hx…' })

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ example: 100 }),
  after: safeString().min(1).max(200).optional(),
})

export const IdParam = z.object({ id: Id })

export { Problem, problemResponses } from './responses.ts'

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), next: z.string().nullable() }).openapi(name)

export const OrganisationInput = z
  .object({
    name: text(200),
    kind: OrganisationKind,
    parentId: Id.optional().openapi({
      description: 'The bestuur this organisation belongs to; HR of the bestuur covers it too.',
    }),
  })
  .strict()
  .openapi('OrganisationInput')
export const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    parentId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Organisation')

export const PersonInput = z
  .object({
    name: text(200),
    email: z.email().max(320).optional(),
    organisationId: Id.openapi({ description: 'Where the person works (the first affiliation).' }),
    functionTitle: text(200).optional(),
  })
  .strict()
  .openapi('PersonInput')
export const AffiliationInput = z
  .object({ organisationId: Id, functionTitle: text(200).optional() })
  .strict()
  .openapi('AffiliationInput')
export const IdentityInput = z
  .object({
    provider: z
      .string()
      .regex(
        /^[a-z][a-z0-9-]{0,30}$/,
        'Het id van een inlogdienst uit OIDC_PROVIDERS, bijv. surfconext.',
      ),
    subject: z.string().trim().min(1).max(255),
  })
  .strict()
  .openapi('IdentityInput')
export const Identities = z
  .array(z.object({ provider: z.string(), subject: z.string(), createdAt: z.string() }))
  .openapi('Identities')
export const Person = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    organisationId: z.string(),
    affiliations: z.array(
      z.object({ organisationId: z.string(), functionTitle: z.string().nullable() }),
    ),
  })
  .openapi('Person')
export const TokenBinding = z.object({ personId: Id }).strict().openapi('TokenBinding')

export const TokenInput = z
  .object({
    name: text(200),
    role: z.enum(ROLES),
    organisationIds: z.array(Id).min(1).max(100).optional(),
    personId: Id.optional(),
  })
  .strict()
  .openapi('TokenInput')
export const TokenCreated = z.object({ id: z.string(), token: z.string() }).openapi('TokenCreated')
export const Token = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    organisationIds: z.array(z.string()).nullable(),
    personId: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token')

export const PilotInput = z
  .object({
    name: text(200),
    scenario: Scenario,
    organisationIds: z.array(Id).min(1).max(50),
    leadOrganisationId: Id.optional().openapi({
      description:
        'The huisacademie that leads a leiderorganisatie (scenario 2a, 2b); absent in 1a, 1b',
    }),
    places: z.number().int().min(1).max(500).optional().openapi({
      description: 'Places per team; 13 in scenario 1, 15 in scenario 2 when absent',
    }),
  })
  .strict()
  .openapi('PilotInput')
const Budget = z
  .object({ plannedCents: z.number(), spentCents: z.number(), balanceCents: z.number() })
  .openapi('Budget', { description: 'Amounts in euro cents, of the current cycle' })
const Places = z
  .object({ places: z.number(), enrolled: z.number(), completed: z.number() })
  .openapi('Places')
export const Pilot = z
  .object({
    id: z.string(),
    name: z.string(),
    scenario: z.string(),
    organisationForm: OrganisationForm,
    leadOrganisationId: z.string().nullable(),
    organisationIds: z.array(z.string()),
    budget: Budget,
    places: Places,
    teams: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        instanceId: z.string(),
        cycle: z.number().nullable(),
        budget: Budget.nullable(),
        places: Places.nullable(),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi('Pilot')

export const TransitionInput = z
  .object({
    personId: Id,
    organisationId: Id,
    newRole: text(100),
    domain: Domain,
    careerPath: CareerPath,
    currentRole: text(100).optional(),
  })
  .strict()
  .openapi('TransitionInput')
export const Transition = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    personId: z.string(),
    organisationId: z.string(),
    newRole: z.string(),
    currentRole: z.string().nullable(),
    domain: z.string(),
    careerPath: z.string(),
    status: z.string(),
    state: z.unknown(),
    createdAt: z.string(),
  })
  .openapi('Transition')

const BlockedEvent = z.object({ type: z.string(), reasons: z.array(z.string()) })
const Moment = z
  .object({
    day: z.string().openapi({ description: 'The Amsterdam day it counts from (YYYY-MM-DD).' }),
    recordedAt: z.string(),
    effectiveDate: z.string().nullable(),
    differs: z.boolean().openapi({ description: 'The ingangsdatum is another day than recorded.' }),
    backdated: z.boolean(),
  })
  .openapi('Moment')

export const Instance = z
  .object({
    id: z.string(),
    machine: z.object({ id: z.string(), version: z.number().int() }),
    title: z.string(),
    pilotId: z.string().nullable(),
    state: z
      .unknown()
      .openapi({ description: 'XState state value: a string, or an object for parallel states' }),
    status: z.string(),
    context: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    possible: z.array(z.string()),
    blocked: z.array(BlockedEvent),
    createdAt: z.string(),
    updatedAt: z.string(),
    moments: z.object({ begun: Moment, last: Moment }).optional().openapi({
      description:
        'When the instance began and since when it stands as it is (its last event that is a step of the process, not a migration): the ingangsdatum where one is recorded, else the day recorded. Absent in the answer to a posted event.',
    }),
  })
  .openapi('Instance')

export { InstanceQuery } from './instance-query.ts'

export const EventInput = z
  .object({
    type: safeString().min(1).max(100).openapi({ example: 'fase.volgende' }),
    payload: z.record(z.string(), z.unknown()).optional(),
    reason: safeString().max(2000).optional(),
    effectiveDate: z.iso.date().optional().openapi({ description: 'Ingangsdatum (YYYY-MM-DD)' }),
  })
  .strict()
  .openapi('EventInput')

export const Event = z
  .object({
    format: z.union([z.literal(1), z.literal(2), z.literal(3)]).openapi({
      description:
        'Event format. 1 (before release 0.2): the hashed actor is token and role. 2: also personId and organisationId, and the hash covers format. 3: the hash also covers machineVersion.',
    }),
    machineVersion: z.number().int().openapi({
      description:
        'The version of the machine the event was applied under (1 for every event of format 1 and 2).',
    }),
    seq: z.number().int(),
    type: z.string(),
    payload: z.unknown(),
    reason: z.string().nullable(),
    actor: z
      .object({
        tokenId: z.string(),
        role: z.string(),
        personId: z
          .string()
          .nullable()
          .openapi({ description: 'Format 2: the person the token is bound to (hashed).' }),
        organisationId: z
          .string()
          .nullable()
          .openapi({ description: 'Format 2: the organisation the act was done for (hashed).' }),
        name: z.string().nullable().openapi({ description: 'The person’s name (not hashed).' }),
        erased: z.boolean().openapi({ description: 'The person was erased ("persoon gewist").' }),
        organisationName: z.string().nullable(),
      })
      .openapi({
        description:
          'Who did it. personId and organisationId are on the hash chain (format 2); the names are read from the people and organisation tables, and reading them is logged.',
      }),
    recordedAt: z.string(),
    effectiveDate: z.string().nullable(),
    stateBefore: z.unknown(),
    stateAfter: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('Event')

export const EventPosted = z
  .object({ instance: Instance, event: z.object({ seq: z.number().int(), hash: z.string() }) })
  .openapi('EventPosted')

export const EventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z
    .string()
    .regex(/^\d{1,9}$/, 'after is a seq number')
    .optional(),
})

export const VerifyReport = z
  .object({
    ok: z.boolean(),
    instances: z.number().int(),
    events: z.number().int(),
    breaks: z.array(
      z.object({ instanceId: z.string(), seq: z.number().int(), reason: z.string() }),
    ),
  })
  .openapi('VerifyReport')

export const TeamMember = z
  .object({
    personId: z.string(),
    name: z.string().nullable(),
    role: z.string(),
    organisationId: z.string(),
  })
  .openapi('TeamMember')
