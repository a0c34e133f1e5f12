import { scopes } from './authorization.fixtures.ts'
import { MISSING } from './authorization.cases.ts'
import type { Builder } from './authorization.cases.ts'

// What a team offers beside its state. Cycles: a team's, for whoever may read it; a transition
// in reach has none (404), as a missing id. Downloading a document: whoever may read the instance, and then only a hash one of its events
// refers to. The matrix's instances have no documents, so a caller who may read one still gets
// 404 (test/http/documents.test.ts downloads real ones); what the matrix checks is that a caller
// who may not read it learns nothing more, and that a role without instance.read is refused.

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export const TEAM_READ_CASES: Record<string, Builder> = {
  'GET /api/v1/instances/:id/cycles': async (_who, f) => {
    const s = scopes(f)
    const path = (id: string) => `/api/v1/instances/${id}/cycles`
    return [
      ...(
        [
          ['team', f.team, s.team],
          ['foreignTeam', f.foreignTeam, s.foreignTeam],
        ] as const
      ).map(([variant, id, scope]) => ({
        variant,
        method: 'GET',
        path: path(id),
        checks: [{ action: 'instance.read' as const, scope }],
      })),
      {
        variant: 'transition',
        method: 'GET',
        path: path(f.world.transitionInstanceId),
        checks: [{ action: 'instance.read', scope: s.transition }, 'missing'],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: path(MISSING),
        checks: [{ action: 'instance.read' }, 'missing'],
      },
    ]
  },

  'GET /api/v1/instances/:id/documents/:sha256': async (_who, f) => {
    const s = scopes(f)
    const path = (id: string) => `/api/v1/instances/${id}/documents/${HASH}`
    return [
      ...(
        [
          ['team', f.team, s.team],
          ['foreignTeam', f.foreignTeam, s.foreignTeam],
          ['transition', f.world.transitionInstanceId, s.transition],
        ] as const
      ).map(([variant, id, scope]) => ({
        variant,
        method: 'GET',
        path: path(id),
        checks: [{ action: 'instance.read' as const, scope }, 'missing' as const],
      })),
      {
        variant: 'missing',
        method: 'GET',
        path: path(MISSING),
        checks: [{ action: 'instance.read' }, 'missing'],
      },
    ]
  },
}
