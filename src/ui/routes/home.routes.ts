import { Hono } from 'hono'
import type { Role } from '../../access/policy.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { guard } from '../session/guard.ts'

/** Where each role starts: the page with its own work. */
const START: Record<Role, string> = {
  admin: '/admin',
  hr: '/transitions',
  member: '/pilots',
  teacher: '/transitions',
  auditor: '/audit',
  beleid: '/rapportages',
}

export function homeRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/',
    page((c, who) => c.redirect(START[who.principal.role], 303)),
  )
}
