import { z } from '@hono/zod-openapi'

/** RFC 9457 problem details, as every failure answers. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    blocked: z.object({ type: z.string(), reasons: z.array(z.string()) }).optional(),
    currentVersion: z.number().int().optional(),
    earliestEffectiveDate: z.iso
      .date()
      .optional()
      .openapi({ description: 'An effectiveDate before the instance began: the earliest allowed' }),
    tokenId: z.string().optional().openapi({
      description: 'A replayed POST /tokens (409): the token this Idempotency-Key created.',
    }),
  })
  .openapi('Problem')

const integer = { type: 'integer' as const, minimum: 0 }

const PROBLEMS: Record<number, { description: string; headers?: Record<string, object> }> = {
  400: { description: 'The request is not valid: `errors` names each field' },
  401: {
    description: 'No valid token',
    headers: {
      'WWW-Authenticate': { description: 'Always `Bearer`.', schema: { type: 'string' } },
    },
  },
  403: { description: 'The role may not use this operation' },
  404: { description: 'Not found, or outside the token’s scope (the same answer)' },
  409: { description: 'Conflict' },
  412: { description: 'If-Match names a version that is no longer current' },
  413: { description: 'The body is larger than 64 KiB' },
  415: { description: 'The body is not `application/json`' },
  422: { description: 'Not possible now; `detail` (and `blocked`) say why, in Dutch' },
  429: {
    description: 'Too many requests for this token (or, without one, this address)',
    headers: {
      'Retry-After': { description: 'Seconds until the budget has room again.', schema: integer },
    },
  },
  503: { description: 'The database is unavailable; nothing was stored, try again' },
}

/** Answered by every operation: the rate limits and the database apply everywhere. */
const EVERYWHERE = [429, 503]

/** Error responses for the OpenAPI document: the given statuses, and 429 and 503 always. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(
    [...new Set([...statuses, ...EVERYWHERE])]
      .sort((a, b) => a - b)
      .map((s) => [
        s,
        {
          description: PROBLEMS[s]?.description ?? `Problem (${s})`,
          ...(PROBLEMS[s]?.headers ? { headers: PROBLEMS[s].headers } : {}),
          content: { 'application/problem+json': { schema: Problem } },
        },
      ]),
  )

/** The ETag response header, as an instance read and a history page send it. */
export const etagHeader = (description: string) => ({
  ETag: { description, schema: { type: 'string' as const } },
})

/** 304 for a conditional read whose ETag still matches. */
export const notModified = {
  304: {
    description: 'Not modified: If-None-Match names the current ETag (no body)',
    headers: etagHeader('The current ETag.'),
  },
}

const key = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key: 1–200 zichtbare ASCII-tekens.')
  .optional()
  .openapi({
    description:
      'Makes a retry safe: the same key with the same request, from the same token, is done once and answered as the first time. The same key with another request: 422.',
    example: '6f1c2a9e-…',
  })

/** The Idempotency-Key request header of a creating POST. */
export const IdempotencyHeaders = z.object({ 'idempotency-key': key })

/** The If-None-Match request header of a conditional read. */
export const ConditionalHeaders = z.object({
  'if-none-match': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'An ETag from an earlier read: 304 while it is still current.' }),
})
