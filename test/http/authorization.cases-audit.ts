import { scopes } from './authorization.fixtures.ts'
import { MISSING, get, instanceReads } from './authorization.cases.ts'
import type { Builder } from './authorization.cases.ts'

/** The audit routes: reports in scope, signed checkpoints, export, access log, erasure. */
export const AUDIT_CASES: Record<string, Builder> = {
  'GET /api/v1/instances/:id/state': async (_who, f) =>
    instanceReads(f, '/state?at=2999-01-01T00:00:00Z'),
  'GET /api/v1/inbox': async () => get('/api/v1/inbox', 'inbox.read'),
  'GET /api/v1/audit/report-reads': async () => get('/api/v1/audit/report-reads', 'audit.read'),
  'GET /api/v1/reports': async () => get('/api/v1/reports', 'report.read'),
  'GET /api/v1/reports/:id': async () => [
    ...get('/api/v1/reports/doorlooptijd-vragen', 'report.read'),
    {
      variant: 'missing',
      method: 'GET',
      path: `/api/v1/reports/${MISSING}`,
      checks: [{ action: 'report.read' }, 'missing'],
    },
  ],
  'GET /api/v1/audit/checkpoint': async () => get('/api/v1/audit/checkpoint', 'audit.read'),
  'GET /api/v1/audit/public-key': async () => get('/api/v1/audit/public-key', 'audit.read'),
  'POST /api/v1/audit/verify': async (_who, f) => [
    {
      variant: 'checkpoint',
      method: 'POST',
      path: '/api/v1/audit/verify',
      body: await f.checkpoint(),
      checks: [{ action: 'audit.read' }],
    },
  ],
  'GET /api/v1/audit/export': async (_who, f) => {
    const s = scopes(f)
    const path = '/api/v1/audit/export'
    return [
      { variant: 'all', method: 'GET', path, checks: [{ action: 'audit.export' }] },
      {
        variant: 'team',
        method: 'GET',
        path: `${path}?instanceId=${f.team}`,
        checks: [{ action: 'audit.export' }, { action: 'instance.read', scope: s.team }],
      },
      {
        variant: 'foreignTeam',
        method: 'GET',
        path: `${path}?instanceId=${f.foreignTeam}`,
        checks: [{ action: 'audit.export' }, { action: 'instance.read', scope: s.foreignTeam }],
      },
      {
        variant: 'missing',
        method: 'GET',
        path: `${path}?instanceId=${MISSING}`,
        checks: [{ action: 'audit.export' }, 'missing'],
      },
    ]
  },
  'GET /api/v1/audit/access-log': async (who, f) => {
    const s = scopes(f)
    const path = '/api/v1/audit/access-log'
    const own = who.personId ?? f.world.personA
    // For a teacher or member the person is who they are (404 for another); else a filter.
    const self = ['self', 'coordinator'] as const
    return [
      { variant: 'all', method: 'GET', path, checks: [{ action: 'accesslog.read' }] },
      {
        variant: 'own person',
        method: 'GET',
        path: `${path}?personId=${own}`,
        checks: [{ action: 'accesslog.read', scope: s.person(own, f.world.orgA), only: self }],
      },
      {
        variant: 'foreign person',
        method: 'GET',
        path: `${path}?personId=${f.personC}`,
        checks: [
          { action: 'accesslog.read', scope: s.person(f.personC, f.world.orgC), only: self },
        ],
      },
    ]
  },
  'DELETE /api/v1/people/:id': async (_who, f) => {
    const s = scopes(f)
    const own = await f.freshPerson(f.world.orgA)
    const foreign = await f.freshPerson(f.world.orgC)
    return [
      {
        variant: 'own',
        method: 'DELETE',
        path: `/api/v1/people/${own}`,
        checks: [{ action: 'person.erase', scope: s.person(own, f.world.orgA) }],
      },
      {
        variant: 'foreign',
        method: 'DELETE',
        path: `/api/v1/people/${foreign}`,
        checks: [{ action: 'person.erase', scope: s.person(foreign, f.world.orgC) }],
      },
      {
        variant: 'missing',
        method: 'DELETE',
        path: `/api/v1/people/${MISSING}`,
        checks: [{ action: 'person.erase' }, 'missing'],
      },
    ]
  },
}
