import { Hono } from 'hono'
import type { Store } from '../engine/store.ts'
import { toProblem } from '../http/problem.ts'
import type { UiDeps, UiEnv } from './env.ts'
import { errorPage } from './render.tsx'
import { adminRoutes } from './routes/admin.routes.tsx'
import { assetRoutes } from './routes/assets.routes.ts'
import { auditRoutes } from './routes/audit.routes.tsx'
import { authRoutes } from './routes/auth.routes.tsx'
import { diagramRoutes } from './routes/diagram.routes.ts'
import { homeRoutes } from './routes/home.routes.ts'
import { pilotRoutes } from './routes/pilot.routes.tsx'
import { teamRoutes } from './routes/team.routes.tsx'
import { transitionRoutes } from './routes/transition.routes.tsx'
import { SessionStore } from './session/session-store.ts'

export interface UiOptions {
  sessions?: SessionStore
  now?: () => Date
  /** Told about unexpected errors (the page shows none of their details). */
  onError?: (error: unknown) => void
}

/**
 * The web UI: server-rendered Dutch pages on the same services as the API. Pages authenticate
 * by session cookie (see session/guard.ts), so their rows in src/http/route-policy.ts are
 * 'public' for the bearer middleware.
 */
export function uiRoutes(store: Store, options: UiOptions = {}) {
  const deps: UiDeps = {
    store,
    sessions: options.sessions ?? new SessionStore(),
    now: options.now ?? (() => new Date()),
  }
  const ui = new Hono<UiEnv>()
    .route('/', assetRoutes())
    .route('/', authRoutes(deps))
    .route('/', homeRoutes(deps))
    .route('/', pilotRoutes(deps))
    .route('/', teamRoutes(deps))
    .route('/', transitionRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', adminRoutes(deps))
    .route('/', diagramRoutes(deps))
  ui.onError((error, c) => {
    const problem = toProblem(error)
    if (problem.status >= 500) options.onError?.(error)
    return errorPage(c, undefined, problem.status, problem.detail)
  })
  return ui
}
