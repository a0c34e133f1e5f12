import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'

/** The hidden field every form carries. */
export const CSRF_FIELD = '_csrf'

/** Constant-time comparison of two secrets. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Whether a POST may come from this site. Browsers say where a request comes from in
 * Sec-Fetch-Site and Origin; the app sends `Referrer-Policy: no-referrer`, under which a form
 * POST carries `Origin: null`, so that value proves nothing either way. Requests that say
 * nothing (old browsers, tests) still need the form's token, which another site cannot read.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
  const origin = c.req.header('origin')
  if (origin === undefined || origin === 'null') return true
  const host = c.req.header('host') ?? new URL(c.req.url).host
  return origin === `${isHttps(c) ? 'https:' : 'http:'}//${host}`
}

/**
 * Whether the browser reached us over TLS: directly, or through a trusted proxy that says so
 * (the first middleware works that out; see src/http/client-address.ts).
 */
export function isHttps(c: Context): boolean {
  const client = (c.var as { client?: { https: boolean } }).client
  return client ? client.https : new URL(c.req.url).protocol === 'https:'
}
