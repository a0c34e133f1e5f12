import { z } from 'zod'

// Field schemas shared by the event payloads, inputs and contexts of all machines.

/** NUL and lone UTF-16 surrogates: PostgreSQL cannot store the one, RFC 8785 cannot hash the other. */
const LONE_SURROGATE = /\p{Cs}/u

/** A string without characters that cannot be stored and hashed. */
export const safeString = () =>
  z.string().refine((s) => !s.includes('\u0000') && !LONE_SURROGATE.test(s), {
    message: 'Bevat een ongeldig teken (NUL of een losse surrogaat).',
  })

/** An opaque id: trimmed, 1–100 characters. */
export const id = safeString().trim().min(1).max(100)

/** Free text: trimmed, 1–5000 characters. */
export const text = safeString().trim().min(1).max(5000)

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date()

/** The recorded time of an event (an ISO string set by the engine). */
export const at = z.string().min(1).max(100)

/** The payload of an event that carries none. */
export const noPayload = z.object({}).strict()

/** A reason given with an event, kept with the time it was given. */
export const reasonRecord = z.object({ reason: z.string(), at }).strict()

/** Read a string field from an untyped payload; guards use it for payload-dependent checks. */
export function stringField(
  payload: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = payload?.[key]
  return typeof value === 'string' ? value.trim() : undefined
}

/**
 * A document attached to an event, as its chain records it: the SHA-256 (hex) and size of its
 * bytes and the media type its content was recognised as. The name and the bytes are kept apart
 * (the documents table), so that a chain never holds more than the hash.
 */
export const DocumentRef = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Geen SHA-256 (64 hexadecimale tekens).'),
    size: z.number().int().min(1),
    mediaType: z.string().min(1).max(200),
  })
  .strict()
export type DocumentRef = z.infer<typeof DocumentRef>

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * The calendar day an event takes effect: its ingangsdatum, else the Amsterdam date of the
 * moment it was recorded. Guards and actions use it, so replay gives the same outcome.
 */
export function eventDay(event: { at: string; effectiveDate?: string | null | undefined }): string {
  return event.effectiveDate ?? amsterdamDay.format(new Date(event.at))
}
