import type { Action } from '../access/policy.ts'

/**
 * Every route, and the policy actions it may perform. `public` routes need no token. A route
 * missing here is refused (403) for every role: access is denied by default, and
 * test/http/authorization.test.ts fails for a route without a row.
 */
export const ROUTE_ACTIONS: Record<string, readonly Action[] | 'public'> = {
  'GET /health': 'public',
  'GET /ready': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'GET /docs/assets/:file': 'public',
  'POST /api/v1/organisations': ['organisation.create'],
  'GET /api/v1/organisations': ['organisation.read'],
  'POST /api/v1/people': ['person.create'],
  'GET /api/v1/people/:id': ['person.read'],
  'POST /api/v1/tokens': ['token.create'],
  'GET /api/v1/tokens': ['token.read'],
  'DELETE /api/v1/tokens/:id': ['token.revoke'],
  'POST /api/v1/pilots': ['pilot.create'],
  'GET /api/v1/pilots': ['pilot.read'],
  'GET /api/v1/pilots/:id': ['pilot.read'],
  'POST /api/v1/transitions': ['transition.create'],
  'GET /api/v1/transitions': ['transition.read'],
  'GET /api/v1/instances': ['instance.read'],
  'GET /api/v1/instances/:id': ['instance.read'],
  'GET /api/v1/instances/:id/events': ['instance.read'],
  'POST /api/v1/instances/:id/events': [
    'ontwikkelteam.event',
    'ontwikkelteam.lid',
    'rolovergang.event',
    'rolovergang.intrekken',
  ],
  'GET /api/v1/audit/verify': ['audit.read'],
  'GET /api/v1/machines': ['machine.read'],
  'GET /api/v1/machines/:id': ['machine.read'],
}
