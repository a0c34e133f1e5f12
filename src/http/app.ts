import { inboxRoutes } from './routes/inbox.routes.ts'
import { reportRoutes } from './routes/reports.routes.ts'
import { OpenAPIHono, z } from '@hono/zod-openapi'
import { secureHeaders } from 'hono/secure-headers'
import { DEFAULT_DOCUMENT_MAX_BYTES } from '../engine/documents/document-upload.ts'
import type { Store } from '../engine/store.ts'
import { authentication } from './auth.ts'
import type { AuthEnv } from './auth.ts'
import { bodyLimits } from './body-limits.ts'
import { docsRoutes } from './docs.routes.ts'
import { problemResponse, toProblem } from './problem.ts'
import { readyRoute } from './readiness.ts'
import { requestLog } from './request-log.ts'
import { identify } from './identify.ts'
import { routeMissing } from './method-not-allowed.ts'
import { auditAccessLogRoutes } from './routes/audit-access-log.routes.ts'
import { auditCheckpointRoutes } from './routes/audit-checkpoint.routes.ts'
import { auditExportRoutes } from './routes/audit-export.routes.ts'
import { auditStateRoutes } from './routes/audit-state.routes.ts'
import { auditRoutes } from './routes/audit.routes.ts'
import { cycleRoutes } from './routes/cycles.routes.ts'
import { documentRoutes } from './routes/documents.routes.ts'
import { instanceRoutes } from './routes/instances.routes.ts'
import { machineRoutes } from './routes/machines.routes.ts'
import { organisationRoutes } from './routes/organisations.routes.ts'
import { peopleEraseRoutes } from './routes/people-erase.routes.ts'
import { peopleRoutes } from './routes/people.routes.ts'
import { pilotRoutes } from './routes/pilots.routes.ts'
import { tokenRoutes } from './routes/tokens.routes.ts'
import { transitionRoutes } from './routes/transitions.routes.ts'
import { uiRoutes } from '../ui/ui.routes.ts'
import { Limits } from '../access/limits/limits.ts'
import { MemoryCounter, PostgresCounter } from '../access/limits/counter.ts'
import { SignIn } from '../access/oidc/sign-in.ts'
import type { ProviderConfig } from '../access/oidc/providers.ts'
import { SessionStore } from '../access/session-store.ts'
import type { SessionOptions } from '../access/session-store.ts'
import { createMetrics } from '../metrics/metrics.ts'
import { metricsHandler, metricsToken } from '../metrics/metrics.routes.ts'
import type { MetricsSettings } from '../metrics/metrics.routes.ts'
import { requestMetrics } from '../metrics/request-metrics.ts'
import type { Log } from '../log/logger.ts'

export const BODY_LIMIT_BYTES = 64 * 1024

export interface AppDeps {
  store: Store
  /** Requests per verified token per 10 s before 429 (0: no limit, the default in-process). */
  rateLimitPer10s?: number
  /** Requests without a verified token per client address per 10 s (0: no limit). */
  anonymousPer10s?: number
  /** Failed logins per client address per 15 minutes (0: no limit). */
  failedLoginsPer15min?: number
  /** Proxies in front of the server whose X-Forwarded-For/-Proto are believed (default 0). */
  trustedProxies?: number
  sessions?: SessionOptions
  /** OpenID Connect providers for the login page (none: token login only). */
  oidcProviders?: readonly ProviderConfig[]
  /** The site's address as browsers see it; needed for OpenID Connect redirect URLs. */
  publicUrl?: string | undefined
  /** The UI's clock for "stilgevallen"; tests move it. */
  now?: () => Date
  /** Called with unexpected errors (5xx); the client never sees their details. */
  onError?: (error: unknown) => void
  /** Ed25519 private key (PEM) for checkpoints; default: the key kept with the data. */
  signingKeyPem?: string | undefined
  /** How GET /metrics is protected (default: an admin or auditor bearer token). */
  metrics?: MetricsSettings
  /** Where one line per request goes (none: no request log). */
  log?: Log
  /** True once the server is shutting down; /ready then answers 503. */
  draining?: () => boolean
  /** Most bytes of one document attached to an event (default 10 MiB). */
  documentMaxBytes?: number
}

/** Builds the HTTP app. It never listens: src/server.ts does. */
export function createApp(deps: AppDeps) {
  const { store } = deps
  // Validation messages reach people in problem `errors`: in their language, like the reasons.
  z.config(z.locales.nl())
  const app = new OpenAPIHono<AuthEnv>()
  // A registry per app; the session count is read at scrape time, so `sessions` may come later.
  const metrics = createMetrics({ store, openSessions: () => sessions.countLive() })
  app.use('*', requestMetrics(metrics))

  if (deps.log) app.use('*', requestLog(deps.log))
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        frameAncestors: ["'none'"],
      },
    }),
  )
  const documentMaxBytes = deps.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES
  app.use('*', bodyLimits({ maxBytes: BODY_LIMIT_BYTES, documentMaxBytes }))
  const sessions = new SessionStore(store.db, store.dialect, deps.sessions)
  const limits = new Limits(
    store.dialect === 'postgres' ? new PostgresCounter(store.db) : new MemoryCounter(),
    {
      perToken: deps.rateLimitPer10s ?? 0,
      anonymous: deps.anonymousPer10s ?? 0,
      failedLogins: deps.failedLoginsPer15min ?? 0,
    },
  )
  const scrapeToken = deps.metrics?.token
  // With its own token, /metrics answers before identify and authentication ever run.
  if (scrapeToken) app.get('/metrics', metricsToken(scrapeToken), metricsHandler(metrics))
  app.use('*', identify({ store, sessions, limits, trustedProxies: deps.trustedProxies ?? 0 }))
  app.use('*', authentication())

  app.get('/health', (c) => c.json({ status: 'ok' }))
  app.get('/ready', readyRoute({ store, draining: deps.draining }))
  if (!scrapeToken) app.get('/metrics', metricsHandler(metrics))

  const api = new OpenAPIHono<AuthEnv>()
    .route('/', organisationRoutes(store))
    .route('/', peopleRoutes(store))
    .route('/', tokenRoutes(store))
    .route('/', pilotRoutes(store))
    .route('/', transitionRoutes(store))
    .route('/', instanceRoutes(store, { documentMaxBytes }))
    .route('/', documentRoutes(store))
    .route('/', cycleRoutes(store))
    .route('/', auditRoutes(store))
    .route('/', auditStateRoutes(store))
    .route('/', auditCheckpointRoutes(store, { signingKeyPem: deps.signingKeyPem }))
    .route('/', auditExportRoutes(store))
    .route('/', auditAccessLogRoutes(store))
    .route('/', peopleEraseRoutes(store))
    .route('/', machineRoutes(store))
    .route('/', reportRoutes(store))
    .route('/', inboxRoutes(store))
  app.route('/api/v1', api)
  app.route('/', docsRoutes())
  // The web UI (Dutch pages, session cookie; its routes are 'public' rows for the bearer check).
  app.route(
    '/',
    uiRoutes({
      store,
      sessions,
      limits,
      signIn: new SignIn(store.db, deps.oidcProviders ?? [], deps.publicUrl),
      now: deps.now ?? (() => new Date()),
      onError: deps.onError,
      documentMaxBytes,
    }),
  )

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  })
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'doorlopend API',
      version: '1.0.0',
      description:
        'Ontwikkelteams and rolovergangen for Amsterdam schools: durable, audited process instances. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: '/' }],
  })

  app.notFound(routeMissing(() => app.routes))
  app.onError((error, c) => {
    const problem = toProblem(error)
    if (problem.status >= 500) deps.onError?.(error)
    const headers: Record<string, string> = {}
    if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer'
    return problemResponse(c, problem, headers)
  })
  return app
}

export type App = ReturnType<typeof createApp>
