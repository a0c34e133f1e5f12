import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { UnhashableEvent } from '../engine/hash.ts'
import { ProblemError, badRequest, unavailable } from '../errors.ts'

export interface ProblemBody {
  type: string
  title: string
  status: number
  detail: string
  [extra: string]: unknown
}

const TYPE_BASE = 'https://doorlopend.nl/problems/'

export function problemBody(error: ProblemError, instance?: string): ProblemBody {
  return {
    type: TYPE_BASE + error.slug,
    title: error.title,
    status: error.status,
    detail: error.detail,
    ...(instance ? { instance } : {}),
    ...error.extra,
  }
}

/** Writes a problem+json response. */
export function problemResponse(
  c: Context,
  error: ProblemError,
  headers: Record<string, string> = {},
): Response {
  return c.body(
    JSON.stringify(problemBody(error, c.req.path)),
    error.status as ContentfulStatusCode,
    {
      'content-type': 'application/problem+json',
      ...headers,
    },
  )
}

const HTTP_TITLES: Record<number, [string, string]> = {
  400: ['validation', 'Invalid request'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  413: ['too-large', 'Request body too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
}

/** A database that failed or went away: the client may retry, and nothing was committed. */
export function isStorageError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { name?: unknown; code?: unknown; message?: unknown }
  if (e.name === 'SqliteError') return true
  if (
    typeof e.code === 'string' &&
    /^(SQLITE_|ECONN|ETIMEDOUT|EPIPE|57P|57014|08|53|58)/.test(e.code)
  )
    return true
  return (
    typeof e.message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Query read timeout|database is closed|not open/i.test(
      e.message,
    )
  )
}

/** PostgreSQL class 22: a value the client sent that the database cannot take. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

/** Maps any error to a problem; never leaks a stack trace. */
export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error
  if (error instanceof HTTPException) {
    const [slug, title] = HTTP_TITLES[error.status] ?? ['http', 'Request failed']
    const detail =
      error.status === 400 && /JSON/i.test(error.message)
        ? 'De body is geen geldige JSON.'
        : error.status === 415
          ? 'Stuur de body als application/json.'
          : error.message || title
    return new ProblemError(error.status, slug, title, detail)
  }
  if (error instanceof UnhashableEvent || isDataException(error)) {
    return badRequest('Het verzoek bevat tekens die niet kunnen worden opgeslagen (zoals NUL).')
  }
  if (isStorageError(error)) {
    return unavailable(
      'De database is even niet bereikbaar; er is niets opgeslagen. Probeer het opnieuw.',
    )
  }
  return new ProblemError(
    500,
    'internal',
    'Internal error',
    'Er ging iets mis aan onze kant; er is niets opgeslagen.',
  )
}
