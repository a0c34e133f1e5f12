import { describe, expect, it } from 'vitest'
import {
  DOC,
  DOCX,
  PDF,
  PPTX,
  XLSX,
  sniffMediaType,
} from '../../src/engine/documents/document-sniff.ts'
import {
  docxFile,
  exeFile,
  htmlFile,
  odtFile,
  ole2File,
  pdfFile,
  plainZipFile,
  pngFile,
  pptxFile,
  xlsxFile,
  zipFile,
} from '../support/document-files.ts'

// The type of a document is told by its bytes alone: each allowed kind is recognised, everything
// else (a program, an image, a web page, a plain archive, an installer) is not.

describe('recognising a document by its content', () => {
  it('knows PDF, Office Open XML, OpenDocument and Office 97–2003 by their bytes', () => {
    expect(sniffMediaType(pdfFile())).toBe(PDF)
    expect(sniffMediaType(docxFile())).toBe(DOCX)
    expect(sniffMediaType(xlsxFile())).toBe(XLSX)
    expect(sniffMediaType(pptxFile())).toBe(PPTX)
    expect(sniffMediaType(odtFile())).toBe('application/vnd.oasis.opendocument.text')
    expect(sniffMediaType(odtFile('spreadsheet'))).toBe(
      'application/vnd.oasis.opendocument.spreadsheet',
    )
    expect(sniffMediaType(ole2File('WordDocument'))).toBe(DOC)
    expect(sniffMediaType(ole2File('Workbook'))).toBe('application/vnd.ms-excel')
    expect(sniffMediaType(ole2File('PowerPoint Document'))).toBe('application/vnd.ms-powerpoint')
  })

  it('refuses what is not a document, whatever it would be called', () => {
    for (const bytes of [exeFile(), pngFile(), htmlFile(), plainZipFile(), new Uint8Array(0)]) {
      expect(sniffMediaType(bytes)).toBeUndefined()
    }
    // A compound file without an Office stream (an installer, say).
    expect(sniffMediaType(ole2File('SummaryInformation'))).toBeUndefined()
    // A package with Office parts but no [Content_Types].xml, or a mimetype of another kind.
    expect(sniffMediaType(zipFile([['word/document.xml', '<w:document/>']]))).toBeUndefined()
    expect(sniffMediaType(zipFile([['mimetype', 'application/epub+zip']]))).toBeUndefined()
  })

  it('refuses a damaged package or compound file instead of failing', () => {
    const docx = docxFile()
    expect(sniffMediaType(docx.subarray(0, docx.length - 30))).toBeUndefined()
    const ole = ole2File()
    const broken = new Uint8Array(ole)
    new DataView(broken.buffer).setUint32(0x30, 999, true) // the directory is nowhere
    expect(sniffMediaType(broken)).toBeUndefined()
    expect(sniffMediaType(ole.subarray(0, 600))).toBeUndefined()
  })
})
