import { Hono } from 'hono'
import { toProblem } from '../http/problem.ts'
import type { UiDeps, UiEnv } from './env.ts'
import { errorPage } from './render.tsx'
import { adminRoutes } from './routes/admin.routes.tsx'
import { assetRoutes } from './routes/assets.routes.ts'
import { auditRoutes } from './routes/audit.routes.tsx'
import { definitionRoutes } from './routes/definitions.routes.tsx'
import { authRoutes } from './routes/auth.routes.tsx'
import { diagramRoutes } from './routes/diagram.routes.ts'
import { documentRoutes } from './routes/documents.routes.tsx'
import { homeRoutes } from './routes/home.routes.ts'
import { pilotRoutes } from './routes/pilot.routes.tsx'
import { reportPageRoutes } from './routes/reports.routes.tsx'
import { sessionRoutes } from './routes/sessions.routes.tsx'
import { ssoRoutes } from './routes/sso.routes.tsx'
import { teamRoutes } from './routes/team.routes.tsx'
import { transitionRoutes } from './routes/transition.routes.tsx'

/**
 * The web UI: server-rendered Dutch pages on the same services as the API. Pages authenticate
 * by session cookie (found by src/http/identify.ts, enforced by session/guard.ts), so their rows
 * in src/http/route-policy.ts are 'public' for the bearer check.
 */
export function uiRoutes(deps: UiDeps) {
  const ui = new Hono<UiEnv>()
    .route('/', assetRoutes())
    .route('/', authRoutes(deps))
    .route('/', ssoRoutes(deps))
    .route('/', sessionRoutes(deps))
    .route('/', homeRoutes(deps))
    .route('/', pilotRoutes(deps))
    .route('/', teamRoutes(deps))
    .route('/', documentRoutes(deps))
    .route('/', transitionRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', reportPageRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', definitionRoutes(deps))
    .route('/', diagramRoutes(deps))
  ui.onError((error, c) => {
    const problem = toProblem(error)
    if (problem.status >= 500) deps.onError?.(error)
    return errorPage(c, undefined, problem.status, problem.detail)
  })
  return ui
}
