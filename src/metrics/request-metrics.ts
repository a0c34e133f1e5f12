import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Metrics } from './metrics.ts'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Times every request into the duration histogram, labelled by the route pattern
 * (`/api/v1/instances/:id`, never the path with its ids), the method and the status.
 */
export function requestMetrics(metrics: Metrics): MiddlewareHandler {
  return async function measureRequest(c, next) {
    const started = performance.now()
    try {
      await next()
    } finally {
      metrics.requestDuration.observe(
        {
          method: METHODS.has(c.req.method) ? c.req.method : 'OTHER',
          route: routePattern(c),
          status: String(c.res.status),
        },
        (performance.now() - started) / 1000,
      )
    }
  }
}

const isCatchAll = (path: string) => path === '' || path === '*' || path === '/*'

/**
 * After the request ran: the pattern of the handler that answered. When a catch-all middleware
 * answered (a refusal such as 401, 413 or 429 before the route's handler ran), the pattern of the
 * last route that matched, which is the route's own.
 */
function routePattern(c: Context): string {
  const answered = routePath(c)
  return isCatchAll(answered) ? routePath(c, -1) || '/*' : answered
}
