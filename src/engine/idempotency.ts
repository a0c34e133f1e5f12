import type { DbHandle } from '../../db/create-db.ts'
import { findIdempotencyRecord, insertIdempotencyRecord } from '../../db/queries/idempotency.ts'
import { unprocessable } from '../errors.ts'
import type { Actor } from './actor.ts'
import { commit } from './commit.ts'
import type { Writer } from './commit.ts'
import { sha256Hex } from './hash.ts'

/** An Idempotency-Key and the fingerprint of the request it came with. */
export interface Idempotency {
  key: string
  fingerprint: string
}

/** For a service that creates something: a retry with the same key creates it only once. */
export interface OnceOptions {
  idempotency?: Idempotency | undefined
}

/**
 * The key of a creating request with its fingerprint: the operation, its path parameters and its
 * (validated) body. The same key with another fingerprint is refused, also across operations.
 */
export function idempotencyOf(
  key: string | undefined,
  operation: string,
  request: { params?: Record<string, string>; body: unknown },
): Idempotency | undefined {
  if (key === undefined) return undefined
  const fingerprint = sha256Hex(
    JSON.stringify({ operation, params: request.params ?? {}, body: request.body }),
  )
  return { key, fingerprint }
}

/**
 * The answer stored for this token and key, inside the unit of work; undefined when the key is
 * new. A key already used for another request is a 422.
 */
export async function storedAnswer(
  w: Writer,
  tokenId: string,
  idempotency: Idempotency,
): Promise<unknown> {
  const record = await findIdempotencyRecord(w.tx, tokenId, idempotency.key)
  if (!record) return undefined
  if (record.fingerprint !== idempotency.fingerprint) {
    throw unprocessable(
      `Idempotency-Key '${idempotency.key}' is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel.`,
    )
  }
  return JSON.parse(record.body) as unknown
}

/** Stores the answer for this token and key, in the same transaction as what it answers for. */
export async function storeAnswer(
  w: Writer,
  tokenId: string,
  idempotency: Idempotency,
  status: number,
  body: unknown,
): Promise<void> {
  await insertIdempotencyRecord(w.tx, {
    token_id: tokenId,
    key: idempotency.key,
    fingerprint: idempotency.fingerprint,
    status_code: status,
    body: JSON.stringify(body),
    created_at: w.now,
  })
}

export interface CommitOnceOptions<T> {
  /** The status the answer goes out with, kept beside it (default 201: something was created). */
  status?: number
  /** What is stored for a replay (default: the result itself). */
  stored?: (result: T) => unknown
  /** Turns a stored answer back into the result (default: as stored); may throw instead. */
  replay?: (stored: unknown) => T
}

/**
 * `commit`, run at most once per token and Idempotency-Key: the first request does `work` and
 * stores its answer in the same transaction; a retry with the same key and request gets that
 * answer and changes nothing. The key is held for the batch, so a concurrent retry on another
 * PostgreSQL connection waits for the first and replays its answer; another process racing for
 * the key loses on the primary key and is retried by `commit`, and then replays too.
 */
export function commitOnce<T>(
  store: DbHandle,
  actor: Actor,
  idempotency: Idempotency | undefined,
  work: (w: Writer) => Promise<T>,
  options: CommitOnceOptions<T> = {},
): Promise<T> {
  if (!idempotency) return commit(store, actor, work)
  return commit(store, actor, async (w) => {
    w.hold(`idempotency:${actor.tokenId}:${idempotency.key}`)
    const stored = await storedAnswer(w, actor.tokenId, idempotency)
    if (stored !== undefined) return options.replay ? options.replay(stored) : (stored as T)
    const result = await work(w)
    const body = options.stored ? options.stored(result) : result
    await storeAnswer(w, actor.tokenId, idempotency, options.status ?? 201, body)
    return result
  })
}
