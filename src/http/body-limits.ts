import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { documentTooLarge } from '../engine/documents/document-upload.ts'
import { ProblemError } from '../errors.ts'
import { problemResponse } from './problem.ts'

/** What an upload may carry besides its document: the event's JSON and the multipart framing. */
const UPLOAD_OVERHEAD_BYTES = 64 * 1024

/** Where an event may come with a document: the API and the team page's forms. */
const UPLOAD_PATHS = [/^\/api\/v1\/instances\/[^/]+\/events$/, /^\/teams\/[^/]+\/events$/]

export interface BodyLimitOptions {
  /** Every body but an upload. */
  maxBytes: number
  /** The most bytes of one document (an upload may be this plus its framing). */
  documentMaxBytes: number
}

const isUpload = (c: Context) =>
  c.req.method === 'POST' &&
  /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '') &&
  UPLOAD_PATHS.some((path) => path.test(c.req.path))

// The rest of the body is never read, so this connection cannot carry another request.
const closing = { connection: 'close' }

/**
 * Limits every request body to `maxBytes`, except a multipart event with a document on the
 * routes that take one: that may be as large as a document and its event together. Over the
 * limit: 413 problem+json in Dutch, and the connection is closed.
 */
export function bodyLimits(options: BodyLimitOptions): MiddlewareHandler {
  const plain = bodyLimit({
    maxSize: options.maxBytes,
    onError: (c) =>
      problemResponse(
        c,
        new ProblemError(
          413,
          'too-large',
          'Request body too large',
          `De body mag hoogstens ${options.maxBytes / 1024} KiB zijn.`,
        ),
        closing,
      ),
  })
  const upload = bodyLimit({
    maxSize: options.documentMaxBytes + UPLOAD_OVERHEAD_BYTES,
    onError: (c) => problemResponse(c, documentTooLarge(options.documentMaxBytes), closing),
  })
  return async function bodyLimits(c, next) {
    return isUpload(c) ? upload(c, next) : plain(c, next)
  }
}
