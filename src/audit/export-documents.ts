import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getDocument } from '../../db/queries/documents.ts'
import type { Store } from '../engine/store.ts'

/**
 * Writes the documents an export refers to into `dir`, each as a file named by its SHA-256 (hex):
 * what `doorlopend verify-export --documents <dir>` checks against the chains, and what anyone can
 * check with `sha256sum`. Returns how many were written; a hash without stored bytes is left out
 * (the verifier then names it as missing).
 */
export async function writeExportDocuments(
  store: Store,
  sha256s: readonly string[],
  dir: string,
): Promise<number> {
  mkdirSync(dir, { recursive: true })
  let written = 0
  for (const sha256 of sha256s) {
    // One at a time: a document may be 10 MB, and an export may refer to many.
    const document = await getDocument(store.db, sha256)
    if (!document) continue
    writeFileSync(join(dir, sha256), document.content)
    written++
  }
  return written
}
