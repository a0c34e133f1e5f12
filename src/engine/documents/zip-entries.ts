// Just enough of the ZIP format (APPNOTE 4.3) to see what an Office Open XML or OpenDocument file
// holds: the names in the central directory, and the first entry as its local header has it.
// Nothing is decompressed.

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
/** The end record is 22 bytes, followed by a comment of at most 65535. */
const END_SIZE = 22
const MAX_COMMENT = 0xffff

export interface ZipEntries {
  /** Every name in the central directory, in its order. */
  names: string[]
  /** The first entry of the file: its name, compression method and (stored) bytes. */
  first: { name: string; method: number; data: Uint8Array }
}

const utf8 = new TextDecoder('utf-8', { fatal: false })

/** The entries of a ZIP file, or undefined when the bytes are not one (or a ZIP64 one). */
export function zipEntries(bytes: Uint8Array): ZipEntries | undefined {
  if (bytes.length < END_SIZE + 30) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(0, true) !== LOCAL_HEADER) return undefined
  const end = findEnd(view)
  if (end === undefined) return undefined
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  const offset = view.getUint32(end + 16, true)
  // 0xffff / 0xffffffff mean the real values are in a ZIP64 record: not for files this small.
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) return undefined
  const names: string[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return undefined
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > end) return undefined
    names.push(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)))
    at += 46 + nameLength + extraLength + commentLength
  }
  const first = firstEntry(bytes, view)
  return first ? { names, first } : undefined
}

/** The end-of-central-directory record, searched from the end (a comment may follow it). */
function findEnd(view: DataView): number | undefined {
  const last = view.byteLength - END_SIZE
  const stop = Math.max(0, last - MAX_COMMENT)
  for (let at = last; at >= stop; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at
  }
  return undefined
}

function firstEntry(bytes: Uint8Array, view: DataView): ZipEntries['first'] | undefined {
  const method = view.getUint16(8, true)
  const compressedSize = view.getUint32(18, true)
  const nameLength = view.getUint16(26, true)
  const extraLength = view.getUint16(28, true)
  const start = 30 + nameLength + extraLength
  if (start > bytes.length) return undefined
  const name = utf8.decode(bytes.subarray(30, 30 + nameLength))
  // Only the first few hundred bytes are ever looked at (a media type).
  const data = bytes.subarray(start, Math.min(bytes.length, start + Math.min(compressedSize, 512)))
  return { name, method, data }
}
