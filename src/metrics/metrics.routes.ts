import { createHash, timingSafeEqual } from 'node:crypto'
import type { Handler, MiddlewareHandler } from 'hono'
import { unauthorized } from '../errors.ts'
import type { Metrics } from './metrics.ts'

/** How /metrics is protected. */
export interface MetricsSettings {
  /**
   * The bearer token that alone opens /metrics (METRICS_TOKEN). Without it, /metrics takes a
   * normal bearer token of a role with the `metrics.read` action (admin, auditor).
   */
  token?: string | undefined
}

/** Answers /metrics in the Prometheus text format. */
export function metricsHandler(metrics: Metrics): Handler {
  return async function serveMetrics(c) {
    const text = await metrics.registry.metrics()
    return c.body(text, 200, {
      'content-type': metrics.registry.contentType,
      'cache-control': 'no-store',
    })
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * Lets a request through only with `Authorization: Bearer <token>`; 401 otherwise. The digests
 * are compared in constant time, so the answer's timing tells nothing about the token.
 */
export function metricsToken(token: string): MiddlewareHandler {
  const expected = digest(token)
  return async function checkMetricsToken(c, next) {
    const sent = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (!sent || !timingSafeEqual(digest(sent), expected)) {
      throw unauthorized('Stuur het metrics-token mee: Authorization: Bearer <METRICS_TOKEN>.')
    }
    return next()
  }
}
