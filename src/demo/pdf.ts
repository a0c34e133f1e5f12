// A small document for the demo to attach: a valid one-page PDF, built here so the demo needs no
// files of its own.

/** Latin-1 text for a PDF string: other characters become '?', and \ ( ) are escaped. */
function pdfString(text: string): string {
  const latin1 = [...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch : '?')).join('')
  return latin1.replace(/[\\()]/g, (c) => `\\${c}`)
}

/**
 * A one-page A4 PDF with a title and lines of text in Helvetica, with a correct cross-reference
 * table, so any PDF reader opens it.
 */
export function simplePdf(title: string, lines: readonly string[]): Uint8Array {
  const content = [title, '', ...lines]
    .map((line, i) => {
      const size = i === 0 ? 16 : 11
      return `BT /F1 ${String(size)} Tf 56 ${String(780 - i * 18)} Td (${pdfString(line)}) Tj ET`
    })
    .join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${String(Buffer.byteLength(content, 'latin1'))} >>\nstream\n${content}\nendstream`,
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${String(i + 1)} 0 obj\n${object}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  const size = String(objects.length + 1)
  pdf += `xref\n0 ${size}\n0000000000 65535 f \n`
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`
  return new Uint8Array(Buffer.from(pdf, 'latin1'))
}
