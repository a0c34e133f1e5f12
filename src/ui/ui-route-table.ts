import type { Action } from '../access/policy.ts'

/**
 * Who may use each page: the policy actions of src/access/policy.ts (a role with a rule for one
 * of them), `any` logged-in role, or `anonymous` (login, the stylesheet). Pages authenticate by
 * session cookie, so each has a 'public' row in src/http/route-policy.ts for the bearer
 * middleware; the session guard (session/guard.ts) enforces this table instead. A page missing
 * here is refused for every role.
 */
export const UI_ROUTES: Record<string, readonly Action[] | 'any' | 'anonymous'> = {
  'GET /assets/:file': 'anonymous',
  'GET /login': 'anonymous',
  'POST /login': 'anonymous',
  'GET /login/sso/:provider': 'anonymous',
  'GET /login/sso/:provider/terug': 'anonymous',
  'POST /logout': 'any',
  'GET /sessies': 'any',
  'POST /sessies/:id/beeindigen': 'any',
  'GET /': 'any',
  'GET /pilots': ['pilot.read'],
  'POST /pilots': ['pilot.create'],
  'GET /pilots/:id': ['pilot.read'],
  'GET /teams/:id': ['instance.read'],
  'POST /teams/:id/events': ['ontwikkelteam.event', 'ontwikkelteam.lid'],
  'GET /teams/:id/documenten/:sha256': ['instance.read'],
  'GET /transitions': ['transition.read'],
  'GET /transitions/new': ['transition.create'],
  'POST /transitions': ['transition.create'],
  'GET /transitions/:id': ['instance.read'],
  'POST /transitions/:id/events': [
    'rolovergang.event',
    'rolovergang.intrekken',
    'rolovergang.leraar',
  ],
  'GET /audit': ['audit.read'],
  'GET /audit/verify': ['audit.read'],
  'GET /audit/export': ['audit.export'],
  'GET /audit/:id': ['audit.read'],
  'GET /audit/:id/verify': ['audit.read'],
  'GET /audit/:id/export': ['audit.export'],
  'GET /rapportages': ['report.read'],
  'GET /rapportages/:id': ['report.read'],
  'GET /admin': ['token.read'],
  'GET /admin/organisations': ['organisation.read'],
  'POST /admin/organisations': ['organisation.create'],
  'GET /admin/people': ['person.create'],
  'POST /admin/people': ['person.create'],
  'GET /admin/tokens': ['token.read'],
  'POST /admin/tokens': ['token.create'],
  'POST /admin/tokens/:id/revoke': ['token.revoke'],
  'GET /admin/definities': ['machine.migrate'],
  'POST /admin/definities/migreren': ['machine.migrate'],
  'GET /machines/:file': ['machine.read'],
}
