import type { DocumentRef } from '../../../machines/fields.ts'

// A document attached to an event, as a link to where the team page serves it. The chain holds
// only its hash, size and media type; the name a person reads is the kind of file and its size.

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODF-tekst',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODF-rekenblad',
  'application/vnd.oasis.opendocument.presentation': 'ODF-presentatie',
  'application/vnd.oasis.opendocument.graphics': 'ODF-tekening',
  'application/msword': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
}

/** "PDF, 12 kB": what kind of file it is and how big. */
export function documentKind(doc: DocumentRef): string {
  const kind = KINDS[doc.mediaType] ?? 'bestand'
  const size =
    doc.size < 1024
      ? `${String(doc.size)} bytes`
      : doc.size < 1024 * 1024
        ? `${String(Math.round(doc.size / 1024))} kB`
        : `${(doc.size / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
  return `${kind}, ${size}`
}

/** A link to the document of a team: "Evaluatieverslag (PDF, 12 kB)". */
export function DocumentLink(props: { teamId: string; doc: DocumentRef | null; what: string }) {
  if (!props.doc) return null
  return (
    <a
      class="document-link"
      href={`/teams/${props.teamId}/documenten/${props.doc.sha256}`}
      download
    >
      {props.what} ({documentKind(props.doc)})
    </a>
  )
}
