import type { Action, Role, Scope, ScopeRule } from '../../src/access/policy.ts'
import { scopes } from './authorization.fixtures.ts'
import type { Fixtures } from './authorization.fixtures.ts'

// The objects and requests of the authorization matrix. For every route a builder gives, per
// variant (own / foreign / missing object, or a body naming one), the request and the checks the
// service makes in order: each check names a policy action and the scope of the object it is made
// on. The expected status is computed from POLICY by the test, never written down here.

/** Who calls: a role and its scope, as the token says. */
export interface Who {
  name: string
  role: Role | null
  token: string | undefined
  personId: string | null
  organisationIds: readonly string[] | null
}

/**
 * A check the route makes after the route-level one: a policy action on an object, or 404.
 * `only`: the object's reach is checked only under these rules (for the others it is a filter).
 * `seen`: the caller has already been let in to read the object, so out of reach it learns
 * "not you" (403, with who may) instead of 404.
 */
export type Check =
  | { action: Action; scope?: Scope; only?: readonly ScopeRule[]; seen?: true }
  | Mandate
  | 'missing'
  | 'blocked'

/**
 * An act done for the organisation `namens` (machines/ontwikkelteam.rules.ts): only a member whose
 * record in the team names that organisation, or HR whose scope includes it; anyone else 403.
 * `representedBy`: per member of the team, the organisations their records name.
 * (`'blocked'`, by contrast, is the machine's or the database's refusal: 422.)
 */
export interface Mandate {
  namens: string
  representedBy: Readonly<Record<string, readonly string[]>>
}

export interface Cell {
  variant: string
  method: string
  path: string
  body?: unknown
  checks: Check[]
}

export const MISSING = 'bestaat_niet_0000'

export type Builder = (who: Who, f: Fixtures) => Promise<Cell[]>

export const get = (path: string, action: Action, checks: Check[] = []): Cell[] => [
  { variant: 'list', method: 'GET', path, checks: [{ action }, ...checks] },
]

/** For every route of the app: the cells of its row in the matrix. */
export const CORE_CASES: Record<string, Builder> = {
  'GET /health': async () => [{ variant: 'public', method: 'GET', path: '/health', checks: [] }],
  'GET /ready': async () => [{ variant: 'public', method: 'GET', path: '/ready', checks: [] }],
  // The app under test has no METRICS_TOKEN: /metrics goes through the policy table.
  'GET /metrics': async () => get('/metrics', 'metrics.read'),
  'GET /openapi.json': async () => [
    { variant: 'public', method: 'GET', path: '/openapi.json', checks: [] },
  ],
  'GET /docs': async () => [{ variant: 'public', method: 'GET', path: '/docs', checks: [] }],
  'GET /docs/assets/:file': async () => [
    { variant: 'own', method: 'GET', path: '/docs/assets/swagger-ui.css', checks: [] },
    { variant: 'missing', method: 'GET', path: '/docs/assets/nope.js', checks: ['missing'] },
  ],
  'POST /api/v1/organisations': async () => [
    {
      variant: 'own',
      method: 'POST',
      path: '/api/v1/organisations',
      body: { name: 'Nieuwe school', kind: 'school' },
      checks: [{ action: 'organisation.create' }],
    },
  ],
  'GET /api/v1/organisations': async () => get('/api/v1/organisations', 'organisation.read'),
  'POST /api/v1/people': async (_who, f) => {
    const s = scopes(f)
    return [
      ['own', f.world.orgA],
      ['foreign', f.world.orgC],
    ].map(([variant, org]) => ({
      variant: variant!,
      method: 'POST',
      path: '/api/v1/people',
      body: { name: 'Nieuw Persoon', organisationId: org },
      checks: [{ action: 'person.create' as const, scope: s.person('nieuw', org!) }],
    }))
  },
  'GET /api/v1/people': async () => get('/api/v1/people', 'person.read'),
  'POST /api/v1/people/:id/affiliations': async (_who, f) => {
    const s = scopes(f)
    const cells: Cell[] = []
    // A fresh person per cell: a second affiliation at the same organisation is refused (422).
    for (const [variant, worksAt, joins] of [
      ['own', f.world.orgA, f.world.orgB],
      ['foreign person', f.world.orgC, f.world.orgA],
      ['foreign organisation', f.world.orgA, f.world.orgC],
    ] as const) {
      const person = await f.freshPerson(worksAt)
      cells.push({
        variant,
        method: 'POST',
        path: `/api/v1/people/${person}/affiliations`,
        body: { organisationId: joins, functionTitle: 'leraar' },
        checks: [
          { action: 'person.create', scope: { organisationIds: [joins], personIds: [] } },
          { action: 'person.read', scope: s.person(person, worksAt) },
        ],
      })
    }
    cells.push({
      variant: 'missing',
      method: 'POST',
      path: `/api/v1/people/${MISSING}/affiliations`,
      body: { organisationId: f.world.orgA },
      checks: [
        { action: 'person.create', scope: { organisationIds: [f.world.orgA], personIds: [] } },
        'missing',
      ],
    })
    return cells
  },
  'POST /api/v1/people/:id/identities': async (_who, f) => {
    const s = scopes(f)
    const cells: Cell[] = []
    // A fresh person and subject per cell: a subject links to one person only (422).
    for (const [variant, worksAt] of [
      ['own', f.world.orgA],
      ['foreign', f.world.orgC],
    ] as const) {
      const person = await f.freshPerson(worksAt)
      cells.push({
        variant,
        method: 'POST',
        path: `/api/v1/people/${person}/identities`,
        body: { provider: 'entree', subject: `sub-${person}` },
        checks: [{ action: 'person.create', scope: s.person(person, worksAt) }],
      })
    }
    cells.push({
      variant: 'missing',
      method: 'POST',
      path: `/api/v1/people/${MISSING}/identities`,
      body: { provider: 'entree', subject: 'sub-missing' },
      checks: [{ action: 'person.create' }, 'missing'],
    })
    return cells
  },
  'GET /api/v1/people/:id': async (who, f) => {
    const s = scopes(f)
    const own = who.personId ?? f.world.personA
    const ownOrg = own === f.world.personB ? f.world.orgB : f.world.orgA
    return [
      {
        variant: 'own',
        method: 'GET',
        path: `/api/v1/people/${own}`,
        checks: [{ action: 'person.read', scope: s.person(own, ownOrg) }],
      },
      {
        variant: 'foreign',
        method: 'GET',
        path: `/api/v1/people/${f.personC}`,
        checks: [{ action: 'person.read', scope: s.person(f.personC, f.world.orgC) }],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: `/api/v1/people/${MISSING}`,
        checks: [{ action: 'person.read' }, 'missing'],
      },
    ]
  },
  'POST /api/v1/tokens': async () => [
    {
      variant: 'own',
      method: 'POST',
      path: '/api/v1/tokens',
      body: { name: 'nieuw', role: 'auditor' },
      checks: [{ action: 'token.create' }],
    },
  ],
  'GET /api/v1/tokens': async () => get('/api/v1/tokens', 'token.read'),
  'DELETE /api/v1/tokens/:id': async (_who, f) => [
    {
      variant: 'own',
      method: 'DELETE',
      path: `/api/v1/tokens/${await f.freshToken()}`,
      checks: [{ action: 'token.revoke' }],
    },
    {
      variant: 'missing',
      method: 'DELETE',
      path: `/api/v1/tokens/${MISSING}`,
      checks: [{ action: 'token.revoke' }, 'missing'],
    },
  ],
  'PUT /api/v1/tokens/:id/person': async (_who, f) => [
    {
      variant: 'own',
      method: 'PUT',
      path: `/api/v1/tokens/${await f.freshToken()}/person`,
      body: { personId: f.world.personA },
      checks: [{ action: 'token.create' }],
    },
    {
      variant: 'missing',
      method: 'PUT',
      path: `/api/v1/tokens/${MISSING}/person`,
      body: { personId: f.world.personA },
      checks: [{ action: 'token.create' }, 'missing'],
    },
  ],
  'POST /api/v1/pilots': async (_who, f) =>
    [
      ['own', [f.world.orgA, f.world.orgB]],
      ['foreign', [f.world.orgC, f.world.orgD]],
    ].map(([variant, orgs]) => ({
      variant: variant as string,
      method: 'POST',
      path: '/api/v1/pilots',
      body: { name: 'Pilot Matrix', scenario: '1a', organisationIds: orgs },
      checks: [
        {
          action: 'pilot.create' as const,
          scope: { organisationIds: orgs as string[], personIds: [] },
        },
      ],
    })),
  'GET /api/v1/pilots': async () => get('/api/v1/pilots', 'pilot.read'),
  'GET /api/v1/pilots/:id': async (_who, f) => {
    const s = scopes(f)
    return [
      {
        variant: 'own',
        method: 'GET',
        path: `/api/v1/pilots/${f.world.pilotId}`,
        checks: [{ action: 'pilot.read', scope: s.team }],
      },
      {
        variant: 'foreign',
        method: 'GET',
        path: `/api/v1/pilots/${f.foreignPilotId}`,
        checks: [{ action: 'pilot.read', scope: s.foreignTeam }],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: `/api/v1/pilots/${MISSING}`,
        checks: [{ action: 'pilot.read' }, 'missing'],
      },
    ]
  },
  'POST /api/v1/transitions': async (who, f) =>
    [
      [
        'own',
        who.role === 'teacher' && who.personId ? who.personId : f.world.teacherA,
        f.world.orgA,
      ],
      ['foreign', f.personC, f.world.orgC],
    ].map(([variant, personId, org]) => ({
      variant: variant!,
      method: 'POST',
      path: '/api/v1/transitions',
      body: {
        personId,
        organisationId: org,
        newRole: 'schoolopleider',
        domain: 'leren-van-leerlingen',
        careerPath: 'vergroot-bereik',
      },
      checks: [
        {
          action: 'transition.create' as const,
          scope: { organisationIds: [org!], personIds: [personId!] },
        },
      ],
    })),
  'GET /api/v1/transitions': async () => get('/api/v1/transitions', 'transition.read'),
  'GET /api/v1/instances': async () => get('/api/v1/instances', 'instance.read'),
  'GET /api/v1/instances/:id': async (_who, f) => instanceReads(f, ''),
  'GET /api/v1/instances/:id/events': async (_who, f) => instanceReads(f, '/events'),
  'GET /api/v1/instances/:id/members': async (_who, f) => {
    const s = scopes(f)
    const path = (id: string) => `/api/v1/instances/${id}/members`
    return [
      {
        variant: 'own',
        method: 'GET',
        path: path(f.team),
        checks: [
          { action: 'instance.read', scope: s.team },
          { action: 'team.members', scope: s.team },
        ],
      },
      {
        variant: 'foreign',
        method: 'GET',
        path: path(f.foreignTeam),
        checks: [
          { action: 'instance.read', scope: s.foreignTeam },
          { action: 'team.members', scope: s.foreignTeam },
        ],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: path(MISSING),
        checks: [{ action: 'team.members' }, 'missing'],
      },
    ]
  },
  'POST /api/v1/instances/:id/events': async (_who, f) => {
    const s = scopes(f)
    const cells: Cell[] = []
    const post = async (
      variant: string,
      fresh: () => Promise<string>,
      scope: Scope,
      action: Action,
      body: object,
      then: Check[] = [],
    ) => {
      cells.push({
        variant: `${variant} ${(body as { type: string }).type}`,
        method: 'POST',
        path: `/api/v1/instances/${await fresh()}/events`,
        body,
        checks: [{ action: 'instance.read', scope }, { action, scope, seen: true }, ...then],
      })
    }
    const w = f.world
    for (const [variant, fresh, scope, representedBy, org, elsewhere, parties] of [
      ['team', f.freshTeam, s.team, s.teamMandates, w.orgA, w.orgB, { orgA: w.orgA, orgB: w.orgB }],
      [
        'foreignTeam',
        f.freshForeignTeam,
        s.foreignTeam,
        s.foreignTeamMandates,
        w.orgC,
        w.orgA,
        { orgC: w.orgC },
      ],
    ] as const) {
      await post(variant, fresh, scope, 'ontwikkelteam.event', {
        type: 'relatie.vastleggen',
        payload: { text: 'Kennen elkaar.' },
      })
      await post(variant, fresh, scope, 'ontwikkelteam.lid', {
        type: 'lid.toevoegen',
        payload: { personId: await f.freshPerson(org), role: 'leraar', organisationId: org },
      })
      // A member represents only an organisation the person works at: else 422, once allowed.
      await post(
        `${variant} (works elsewhere)`,
        fresh,
        scope,
        'ontwikkelteam.lid',
        {
          type: 'lid.toevoegen',
          payload: {
            personId: await f.freshPerson(elsewhere),
            role: 'leraar',
            organisationId: org,
          },
        },
        ['blocked'],
      )
      // Ambition, interest, endorsement, akkoord are an organisation's own word: the mandate.
      for (const [name, namens] of Object.entries(parties)) {
        await post(
          `${variant} namens ${name}`,
          fresh,
          scope,
          'ontwikkelteam.event',
          { type: 'ambitie.vastleggen', payload: { organisationId: namens, text: 'Behouden.' } },
          [{ namens, representedBy }],
        )
      }
    }
    for (const [variant, fresh, scope] of [
      ['transition', f.freshTransition, s.transition],
      ['foreignTransition', f.freshForeignTransition, s.foreignTransition],
    ] as const) {
      await post(variant, fresh, scope, 'rolovergang.event', { type: 'behandeling.starten' })
      await post(variant, fresh, scope, 'rolovergang.intrekken', {
        type: 'overgang.intrekken',
        reason: 'Toch niet.',
      })
    }
    cells.push({
      variant: 'missing',
      method: 'POST',
      path: `/api/v1/instances/${MISSING}/events`,
      body: { type: 'relatie.vastleggen', payload: { text: 'x' } },
      checks: ['missing'],
    })
    return cells
  },
  'GET /api/v1/audit/verify': async (_who, f) => {
    const s = scopes(f)
    const path = '/api/v1/audit/verify'
    return [
      { variant: 'all', method: 'GET', path, checks: [{ action: 'audit.read' }] },
      {
        variant: 'team',
        method: 'GET',
        path: `${path}?instanceId=${f.team}`,
        checks: [{ action: 'audit.read' }, { action: 'instance.read', scope: s.team }],
      },
      {
        variant: 'foreignTeam',
        method: 'GET',
        path: `${path}?instanceId=${f.foreignTeam}`,
        checks: [{ action: 'audit.read' }, { action: 'instance.read', scope: s.foreignTeam }],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: `${path}?instanceId=${MISSING}`,
        checks: [{ action: 'audit.read' }, 'missing'],
      },
    ]
  },
}

export function instanceReads(f: Fixtures, suffix: string): Cell[] {
  const s = scopes(f)
  const objects = [
    ['team', f.team, s.team],
    ['foreignTeam', f.foreignTeam, s.foreignTeam],
    ['transition', f.world.transitionInstanceId, s.transition],
    ['foreignTransition', f.foreignTransition, s.foreignTransition],
  ] as const
  return [
    ...objects.map(([variant, id, scope]) => ({
      variant,
      method: 'GET',
      path: `/api/v1/instances/${id}${suffix}`,
      checks: [{ action: 'instance.read' as const, scope }],
    })),
    {
      variant: 'missing',
      method: 'GET',
      path: `/api/v1/instances/${MISSING}${suffix}`,
      checks: [{ action: 'instance.read' as const }, 'missing' as const],
    },
  ]
}
