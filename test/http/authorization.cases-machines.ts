import { get } from './authorization.cases.ts'
import type { Builder } from './authorization.cases.ts'

/** The machine catalogue (every version) and the migration of instances between versions. */
export const MACHINE_CASES: Record<string, Builder> = {
  'GET /api/v1/machines': async () => get('/api/v1/machines', 'machine.read'),
  'GET /api/v1/machines/:id': async () => [
    {
      variant: 'own',
      method: 'GET',
      path: '/api/v1/machines/ontwikkelteam',
      checks: [{ action: 'machine.read' }],
    },
    {
      variant: 'missing',
      method: 'GET',
      path: '/api/v1/machines/bestaat-niet',
      checks: [{ action: 'machine.read' }, 'missing'],
    },
  ],
  'GET /api/v1/machines/:id/versions/:version': async () => [
    {
      variant: 'own',
      method: 'GET',
      path: '/api/v1/machines/rolovergang/versions/1',
      checks: [{ action: 'machine.read' }],
    },
    {
      variant: 'missing',
      method: 'GET',
      path: '/api/v1/machines/rolovergang/versions/99',
      checks: [{ action: 'machine.read' }, 'missing'],
    },
  ],
  // A dry run only: the matrix must not move the fixtures' instances.
  'POST /api/v1/machines/:id/migrations': async () => [
    {
      variant: 'dryRun',
      method: 'POST',
      path: '/api/v1/machines/rolovergang/migrations',
      body: { to: 1, dryRun: true },
      checks: [{ action: 'machine.migrate' }],
    },
  ],
}
