import { createHash } from 'node:crypto'
import { storeInstanceDocument } from '../../../db/queries/documents.ts'
import type { DocumentRef } from '../../../machines/fields.ts'
import type { EventDefinition, MachineDefinition } from '../../../machines/types.ts'
import { ProblemError, badRequest } from '../../errors.ts'
import type { Writer } from '../commit.ts'
import { sniffMediaType } from './document-sniff.ts'

/** The default most bytes a document may have (10 MiB); DOCUMENT_MAX_BYTES changes it. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

/** A document that came with an event, checked and hashed, not stored yet. */
export interface Attachment {
  /** What the event's payload records: the hash, size and recognised type. */
  ref: DocumentRef
  bytes: Buffer
}

const documentError = (message: string) => [{ path: 'document', message }]

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })

/** A size as people say it: "10 MB", "512 kB". */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${number.format(bytes / (1024 * 1024))} MB`
  if (bytes >= 1024) return `${number.format(bytes / 1024)} kB`
  return `${bytes} bytes`
}

/** 413: the document is larger than the limit. */
export function documentTooLarge(maxBytes: number): ProblemError {
  const detail = `Het document is te groot: een document mag ten hoogste ${sizeLabel(maxBytes)} zijn. Verklein het (sla het bijvoorbeeld op als pdf, of comprimeer de afbeeldingen erin) en probeer het opnieuw.`
  return new ProblemError(413, 'document-too-large', 'Document too large', detail, {
    errors: documentError(`Ten hoogste ${sizeLabel(maxBytes)}.`),
  })
}

/**
 * Checks the bytes of a document before any transaction starts (hashing 10 MB takes a while):
 * not empty, not over `maxBytes`, and by its content one of the allowed kinds. Throws 400, 413 or
 * 415 with a Dutch reason the sender can act on.
 */
export function inspectDocument(bytes: Uint8Array, maxBytes: number): Attachment {
  if (bytes.length === 0) {
    throw badRequest(
      'Het document is leeg (0 bytes). Kies het bestand opnieuw; is het echt leeg, sla het dan eerst op met inhoud.',
      documentError('Dit bestand is leeg.'),
    )
  }
  if (bytes.length > maxBytes) throw documentTooLarge(maxBytes)
  const mediaType = sniffMediaType(bytes)
  if (!mediaType) {
    throw new ProblemError(
      415,
      'document-type',
      'Document type not allowed',
      'Dit bestand is geen pdf, geen Word-, Excel- of PowerPoint-document en geen OpenDocument-bestand; dat zien we aan de inhoud, niet aan de naam of de extensie. Sla het op als pdf (of als Office- of OpenDocument-bestand) en stuur het opnieuw.',
      { errors: documentError('Alleen pdf, Word, Excel, PowerPoint of OpenDocument.') },
    )
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sha256 = createHash('sha256').update(buffer).digest('hex')
  return { ref: { sha256, size: bytes.length, mediaType }, bytes: buffer }
}

/** Stores an attachment with the event that brings it: in that event's transaction. */
export async function storeAttachment(
  w: Writer,
  instanceId: string,
  attachment: Attachment,
): Promise<void> {
  const { ref, bytes } = attachment
  // Two batches that store the same bytes would wait on each other's row: one at a time.
  w.hold(`document ${ref.sha256}`)
  await storeInstanceDocument(
    w.tx,
    instanceId,
    { sha256: ref.sha256, media_type: ref.mediaType, size: ref.size, content: bytes },
    w.now,
  )
}

/**
 * The payload with the document the server received: only an event whose definition takes one
 * may come with it, and the sender never sets `document` by hand.
 */
export function withAttachment(
  def: MachineDefinition,
  definition: EventDefinition,
  type: string,
  payload: Record<string, unknown>,
  attachment: Attachment | undefined,
): Record<string, unknown> {
  if (!definition.attachment) {
    if (!attachment) return payload
    const takers = Object.keys(def.events).filter((t) => def.events[t]?.attachment)
    const where = takers.length > 0 ? ` Een document hoort bij ${takers.join(', ')}.` : ''
    throw badRequest(
      `‘${type}’ neemt geen document aan; stuur de gebeurtenis zonder bestand.${where}`,
      [{ path: 'document', message: 'Bij deze gebeurtenis hoort geen document.' }],
    )
  }
  if (Object.hasOwn(payload, 'document')) {
    throw badRequest(
      'Het veld document in de payload vult de server zelf in, uit het bestand dat u meestuurt. Laat payload.document weg en stuur het bestand als multipart-deel ‘document’.',
      [{ path: 'payload.document', message: 'Laat dit weg; stuur het bestand zelf mee.' }],
    )
  }
  return attachment ? { ...payload, document: attachment.ref } : payload
}
