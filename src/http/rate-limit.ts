import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from '../errors.ts'
import { problemResponse } from './problem.ts'

export interface RateLimitOptions {
  /** Requests allowed per client per window; 0 turns the limit off. */
  max: number
  windowMs?: number
}

/**
 * A fixed-window limit per client (its bearer token, else its address), answered with 429 and
 * Retry-After. In memory, per process: with several servers each counts its own share.
 */
export function rateLimit({ max, windowMs = 10_000 }: RateLimitOptions): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = Date.now()
  return async function limitRate(c, next) {
    if (max <= 0) return next()
    const now = Date.now()
    if (now - lastSweep > windowMs) {
      for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key)
      lastSweep = now
    }
    const key = clientKey(c.req.header('authorization'), c.req.header('x-forwarded-for'), c.env)
    let window = windows.get(key)
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    window.count++
    if (window.count > max) {
      const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000))
      return problemResponse(
        c,
        new ProblemError(
          429,
          'too-many-requests',
          'Too many requests',
          `Te veel verzoeken: hoogstens ${max} per ${windowMs / 1000} s. Probeer het over ${retryAfter} s opnieuw.`,
        ),
        { 'Retry-After': String(retryAfter) },
      )
    }
    return next()
  }
}

function clientKey(
  authorization: string | undefined,
  forwarded: string | undefined,
  env: unknown,
): string {
  if (authorization)
    return 't:' + createHash('sha256').update(authorization).digest('base64url').slice(0, 22)
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming
  return 'a:' + (incoming?.socket?.remoteAddress ?? forwarded?.split(',')[0]?.trim() ?? 'local')
}
