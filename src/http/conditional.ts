import type { Context } from 'hono'
import { sha256Hex } from '../engine/hash.ts'

/**
 * Whether If-None-Match names `etag` or is `*`. The comparison is weak, as RFC 9110 asks for
 * If-None-Match: `W/"3"` matches `"3"`.
 */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/**
 * A JSON answer with an ETag, or 304 without a body when the request's If-None-Match already
 * names it. Without `etag` the tag is a digest of the body itself, so it changes whenever any
 * byte of the answer does (a name erased, say), not only when the instance moves.
 */
export function jsonWithETag(c: Context, body: unknown, etag?: string): Response {
  const text = JSON.stringify(body)
  const tag = etag ?? `"${sha256Hex(text).slice(0, 32)}"`
  if (noneMatchHits(c.req.header('if-none-match'), tag)) {
    return c.body(null, 304, { ETag: tag })
  }
  return c.body(text, 200, { ETag: tag, 'content-type': 'application/json' })
}
