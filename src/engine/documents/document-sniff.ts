import { OLE2_SIGNATURE, ole2StreamNames } from './ole2-streams.ts'
import { zipEntries } from './zip-entries.ts'

// What a document is, told by its bytes alone: the name and the type a browser or client sends
// are the sender's word and are never used.

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
export const DOC = 'application/msword'
export const XLS = 'application/vnd.ms-excel'
export const PPT = 'application/vnd.ms-powerpoint'
const ODF_PREFIX = 'application/vnd.oasis.opendocument.'

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)

const PDF_MAGIC = [...'%PDF-'].map((ch) => ch.charCodeAt(0))
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/**
 * The media type of an allowed document (PDF; Word, Excel or PowerPoint, as Office Open XML or
 * in the older binary format; OpenDocument), or undefined for anything else.
 */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, PDF_MAGIC)) return PDF
  if (startsWith(bytes, OLE2_SIGNATURE)) return legacyOffice(bytes)
  if (startsWith(bytes, ZIP_MAGIC)) return packaged(bytes)
  return undefined
}

/** Office 97–2003: which application wrote it is in the names of its streams. */
function legacyOffice(bytes: Uint8Array): string | undefined {
  const streams = ole2StreamNames(bytes)
  if (!streams) return undefined
  if (streams.includes('WordDocument')) return DOC
  if (streams.includes('Workbook') || streams.includes('Book')) return XLS
  if (streams.includes('PowerPoint Document')) return PPT
  return undefined
}

/** A ZIP package: OpenDocument says what it is first; Office Open XML by its parts. */
function packaged(bytes: Uint8Array): string | undefined {
  const zip = zipEntries(bytes)
  if (!zip) return undefined
  const { first } = zip
  if (first.name === 'mimetype' && first.method === 0) {
    const type = new TextDecoder().decode(first.data)
    if (type.startsWith(ODF_PREFIX) && /^[a-z0-9.+-]{1,100}$/.test(type.slice(ODF_PREFIX.length))) {
      return type
    }
    return undefined
  }
  if (!zip.names.includes('[Content_Types].xml')) return undefined
  const has = (folder: string) => zip.names.some((n) => n.startsWith(folder))
  if (has('word/')) return DOCX
  if (has('xl/')) return XLSX
  if (has('ppt/')) return PPTX
  return undefined
}

const EXTENSIONS: Record<string, string> = {
  [PDF]: 'pdf',
  [DOCX]: 'docx',
  [XLSX]: 'xlsx',
  [PPTX]: 'pptx',
  [DOC]: 'doc',
  [XLS]: 'xls',
  [PPT]: 'ppt',
  [`${ODF_PREFIX}text`]: 'odt',
  [`${ODF_PREFIX}spreadsheet`]: 'ods',
  [`${ODF_PREFIX}presentation`]: 'odp',
  [`${ODF_PREFIX}graphics`]: 'odg',
}

/** The usual file extension for a media type this module recognises ('bin' for others). */
export function extensionOf(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? 'bin'
}
