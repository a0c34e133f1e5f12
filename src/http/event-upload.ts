import type { Context } from 'hono'
import type { z } from '@hono/zod-openapi'
import { inspectDocument } from '../engine/documents/document-upload.ts'
import type { Attachment } from '../engine/documents/document-upload.ts'
import { zodErrors } from '../engine/validation.ts'
import { badRequest } from '../errors.ts'
import { EventInput } from './schemas.ts'

export type EventBody = z.infer<typeof EventInput>

/** An event sent as multipart/form-data: its JSON, and the document that came with it. */
export interface EventUpload {
  body: EventBody
  attachment: Attachment | undefined
}

const PARTS = new Set(['event', 'document'])
/** The event part is the JSON body of an ordinary request: it has that body's limit. */
const MAX_EVENT_BYTES = 64 * 1024

export const isMultipart = (c: Context) =>
  /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')

const part = (name: string, message: string) => [{ path: name, message }]

/** An event with a document, as multipart/form-data (the JSON body's fields in part `event`). */
export const EventUploadBody = {
  type: 'object' as const,
  required: ['event'],
  properties: {
    event: {
      type: 'string' as const,
      description:
        'The event as JSON, exactly as the application/json body: `{type, payload?, reason?, effectiveDate?}`. Leave `payload.document` out: the server sets it from the file.',
    },
    document: {
      type: 'string' as const,
      format: 'binary',
      description:
        'The file, for an event that takes a document (`attachment` in GET /machines/{id}): PDF, Word, Excel, PowerPoint (Office Open XML or 97–2003) or OpenDocument, recognised by its content (never its name or Content-Type), at most DOCUMENT_MAX_BYTES (10 MiB by default), not empty. Its `{sha256, size, mediaType}` goes into `payload.document` and on the chain; the bytes are stored with the event.',
    },
  },
}

/**
 * Reads `POST /instances/{id}/events` as multipart/form-data: a part `event` with the same JSON
 * as an application/json body, and optionally a part `document` with the file. The document is
 * checked and hashed here, before the event's transaction (see inspectDocument).
 */
export async function readEventUpload(c: Context, documentMaxBytes: number): Promise<EventUpload> {
  let form: FormData
  try {
    form = await c.req.formData()
  } catch {
    throw badRequest(
      'Het multipart-verzoek kon niet worden gelezen. Stuur een deel ‘event’ (de gebeurtenis als JSON) en eventueel een deel ‘document’ (het bestand).',
    )
  }
  const unknown = [...new Set(form.keys())].filter((name) => !PARTS.has(name))
  if (unknown.length > 0) {
    throw badRequest(
      `Onbekend deel: ${unknown.join(', ')}. Een gebeurtenis met document heeft alleen de delen ‘event’ en ‘document’.`,
      unknown.map((name) => ({ path: name, message: 'Onbekend deel.' })),
    )
  }
  const events = form.getAll('event')
  const documents = form.getAll('document')
  if (events.length !== 1) {
    throw badRequest(
      'Stuur precies één deel ‘event’ met de gebeurtenis als JSON, zoals {"type": "ontwerp.vastleggen", "payload": {…}}.',
      part('event', 'Precies één deel event.'),
    )
  }
  if (documents.length > 1) {
    throw badRequest(
      'Stuur ten hoogste één document per gebeurtenis.',
      part('document', 'Eén document per gebeurtenis.'),
    )
  }
  const body = await eventBody(events[0] as string | File)
  const [document] = documents
  if (document === undefined) return { body, attachment: undefined }
  if (typeof document === 'string') {
    throw badRequest(
      'Het deel ‘document’ moet een bestand zijn (met een bestandsnaam in Content-Disposition), geen tekstveld.',
      part('document', 'Stuur hier het bestand.'),
    )
  }
  const bytes = new Uint8Array(await document.arrayBuffer())
  return { body, attachment: inspectDocument(bytes, documentMaxBytes) }
}

async function eventBody(value: string | File): Promise<EventBody> {
  if (typeof value !== 'string' && value.size > MAX_EVENT_BYTES) {
    throw badRequest(
      `Het deel ‘event’ mag hoogstens ${MAX_EVENT_BYTES / 1024} KiB zijn.`,
      part('event', 'Te groot.'),
    )
  }
  const text = typeof value === 'string' ? value : await value.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw badRequest('Het deel ‘event’ is geen geldige JSON.', part('event', 'Geen geldige JSON.'))
  }
  const parsed = EventInput.safeParse(json)
  if (!parsed.success) {
    throw badRequest(
      'Het deel ‘event’ van het verzoek klopt niet.',
      zodErrors(parsed.error, ['event']),
    )
  }
  return parsed.data
}
