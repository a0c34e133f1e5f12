// Tiny but real documents for the attachment tests, built here byte by byte: a PDF, Office Open
// XML and OpenDocument packages (with a minimal ZIP writer, stored entries and real CRC-32s), a
// legacy Office compound file, and files that are not documents at all.

const text = (s: string) => new TextEncoder().encode(s)

/** A one-page PDF with its cross-reference table. */
export function pdfFile(note = 'Ontwerp leergang'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ]
  const stream = `BT /F1 12 Tf 72 770 Td (${note}) Tj ET`
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`)
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return text(body)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A ZIP archive of stored (uncompressed) entries, in the order given. */
export function zipFile(entries: [name: string, content: string | Uint8Array][]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? text(content) : content
    const nameBytes = text(name)
    const crc = crc32(data)
    const local = new Uint8Array(30 + nameBytes.length + data.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, data.length, true)
    lv.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    local.set(data, 30 + nameBytes.length)
    const central = new Uint8Array(46 + nameBytes.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint32(16, crc, true)
    cv.setUint32(20, data.length, true)
    cv.setUint32(24, data.length, true)
    cv.setUint16(28, nameBytes.length, true)
    cv.setUint32(42, offset, true)
    central.set(nameBytes, 46)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, directorySize, true)
  ev.setUint32(16, offset, true)
  return concat([...locals, ...centrals, end])
}

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.length
  }
  return all
}

const contentTypes = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${main}"/></Types>`

const rels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'

/** A Word document (.docx) with one paragraph. */
export function docxFile(): Uint8Array {
  return zipFile([
    [
      '[Content_Types].xml',
      contentTypes(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'word/document.xml',
      ),
    ],
    ['_rels/.rels', rels],
    [
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Evaluatieverslag</w:t></w:r></w:p></w:body></w:document>',
    ],
  ])
}

/** An Excel workbook (.xlsx). */
export function xlsxFile(): Uint8Array {
  return zipFile([
    [
      '[Content_Types].xml',
      contentTypes(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'xl/workbook.xml',
      ),
    ],
    ['_rels/.rels', rels],
    [
      'xl/workbook.xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    ],
  ])
}

/** A PowerPoint presentation (.pptx). */
export function pptxFile(): Uint8Array {
  return zipFile([
    [
      '[Content_Types].xml',
      contentTypes(
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
        'ppt/presentation.xml',
      ),
    ],
    ['_rels/.rels', rels],
    [
      'ppt/presentation.xml',
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ],
  ])
}

/** An OpenDocument text (.odt): `mimetype` first and stored, as the standard asks. */
export function odtFile(kind = 'text'): Uint8Array {
  return zipFile([
    ['mimetype', `application/vnd.oasis.opendocument.${kind}`],
    [
      'META-INF/manifest.xml',
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    ],
    ['content.xml', '<office:document-content/>'],
  ])
}

/** A ZIP that is neither: a plain archive of a text file. */
export function plainZipFile(): Uint8Array {
  return zipFile([['notities.txt', 'Niets bijzonders.']])
}

const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff

/**
 * A compound file (version 3, 512-byte sectors) whose directory holds one stream of this name:
 * `WordDocument` makes it a Word 97–2003 document; an MSI installer has other names.
 */
export function ole2File(stream = 'WordDocument'): Uint8Array {
  const bytes = new Uint8Array(512 * 3)
  const v = new DataView(bytes.buffer)
  ;[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => v.setUint8(i, b))
  v.setUint16(0x18, 0x3e, true)
  v.setUint16(0x1a, 3, true)
  v.setUint16(0x1c, 0xfffe, true)
  v.setUint16(0x1e, 9, true)
  v.setUint16(0x20, 6, true)
  v.setUint32(0x2c, 1, true) // one FAT sector
  v.setUint32(0x30, 1, true) // the directory starts at sector 1
  v.setUint32(0x38, 4096, true)
  v.setUint32(0x3c, END_OF_CHAIN, true)
  v.setUint32(0x44, END_OF_CHAIN, true)
  v.setUint32(0x4c, 0, true) // the FAT is sector 0
  for (let i = 1; i < 109; i++) v.setUint32(0x4c + i * 4, FREE, true)
  const sector = (n: number) => 512 * (n + 1)
  for (let i = 0; i < 128; i++) v.setUint32(sector(0) + i * 4, FREE, true)
  v.setUint32(sector(0), 0xfffffffd, true) // sector 0 holds the FAT
  v.setUint32(sector(0) + 4, END_OF_CHAIN, true) // the directory is one sector
  const entry = (index: number, name: string, type: number) => {
    const at = sector(1) + index * 128
    for (let i = 0; i < name.length; i++) v.setUint16(at + i * 2, name.charCodeAt(i), true)
    v.setUint16(at + 0x40, (name.length + 1) * 2, true)
    v.setUint8(at + 0x42, type)
    v.setUint32(at + 0x44, FREE, true)
    v.setUint32(at + 0x48, FREE, true)
    v.setUint32(at + 0x4c, index === 0 ? 1 : FREE, true)
    v.setUint32(at + 0x74, END_OF_CHAIN, true)
  }
  entry(0, 'Root Entry', 5)
  entry(1, stream, 2)
  return bytes
}

/** A Windows program (the MZ header and a little more). */
export function exeFile(): Uint8Array {
  const bytes = new Uint8Array(256)
  bytes.set(text('MZ'), 0)
  bytes.set(text('This program cannot be run in DOS mode.'), 78)
  return bytes
}

/** A PNG image (its signature and an IHDR chunk). */
export function pngFile(): Uint8Array {
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    new Uint8Array([0, 0, 0, 13]),
    text('IHDR'),
    new Uint8Array(17),
  ])
}

/** A web page. */
export function htmlFile(): Uint8Array {
  return text('<!doctype html><html><body><script>alert(1)</script></body></html>')
}

/** A PDF padded with a comment to exactly `size` bytes. */
export function pdfOfSize(size: number): Uint8Array {
  const head = pdfFile()
  const bytes = new Uint8Array(size)
  bytes.set(head.subarray(0, Math.min(head.length, size)))
  if (size > head.length) bytes.fill(0x25, head.length) // '%': more comment
  return bytes
}
