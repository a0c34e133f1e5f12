import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { EventRecord } from './export-format.ts'

// Documents attached to events: the chain holds each one's SHA-256, size and media type (in the
// event's `payload.document`, covered by the event's hash); the bytes travel beside the export,
// as files in one directory named by their SHA-256 (hex). This checks each file against the chain.

export interface DocumentSummary {
  /** Distinct documents the exported events refer to. */
  referenced: number
  /** Whether they were checked against a directory of files (--documents). */
  checked: boolean
  /** Files whose bytes have the hash and size the chain records. */
  matching: number
  missing: number
  mismatched: number
}

interface Reference {
  size: number
  instanceId: string
  seq: number
}

type Report = (reason: string, instanceId: string, seq: number) => void

const isHex64 = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)

/** The document an event's payload refers to, when it has one. */
export function documentOf(payload: unknown): { sha256: string; size: number } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const document = (payload as { document?: unknown }).document
  if (typeof document !== 'object' || document === null) return undefined
  const { sha256, size } = document as { sha256?: unknown; size?: unknown }
  if (!isHex64(sha256) || typeof size !== 'number' || !Number.isSafeInteger(size)) return undefined
  return { sha256, size }
}

/** The SHA-256 and size of a file, or undefined when there is no such file. */
async function digestOf(path: string): Promise<{ sha256: string; size: number } | undefined> {
  const hash = createHash('sha256')
  let size = 0
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      size += (chunk as Buffer).length
      hash.update(chunk as Buffer)
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined
    throw error
  }
  return { sha256: hash.digest('hex'), size }
}

/** Collects the documents of the exported events, then checks them against their files. */
export class DocumentRefs {
  readonly #refs = new Map<string, Reference>()
  readonly summary: DocumentSummary = {
    referenced: 0,
    checked: false,
    matching: 0,
    missing: 0,
    mismatched: 0,
  }

  /** Notes the document of one event; two sizes for one hash cannot both be right. */
  note(e: EventRecord, report: Report): void {
    const document = documentOf(e.payload)
    if (!document) return
    const known = this.#refs.get(document.sha256)
    if (!known) {
      this.#refs.set(document.sha256, { size: document.size, instanceId: e.instanceId, seq: e.seq })
      this.summary.referenced++
    } else if (known.size !== document.size) {
      report(
        `document ${document.sha256.slice(0, 12)}… has size ${document.size} here and ${known.size} at instance ${known.instanceId} seq ${known.seq}`,
        e.instanceId,
        e.seq,
      )
    }
  }

  /** Checks every document against the file named by its SHA-256 in `dir`. */
  async check(dir: string, report: Report): Promise<void> {
    this.summary.checked = true
    for (const [sha256, ref] of this.#refs) {
      const file = join(dir, sha256)
      const found = await digestOf(file)
      if (!found) {
        this.summary.missing++
        report(
          `document ${sha256} is missing: no file ${file} (download it with GET /api/v1/instances/${ref.instanceId}/documents/${sha256}, or export with --documents)`,
          ref.instanceId,
          ref.seq,
        )
      } else if (found.sha256 !== sha256 || found.size !== ref.size) {
        this.summary.mismatched++
        const what =
          found.sha256 !== sha256
            ? `its SHA-256 is ${found.sha256.slice(0, 12)}…`
            : `it has ${found.size} bytes, the chain says ${ref.size}`
        report(
          `document ${sha256.slice(0, 12)}… does not match the chain: ${what} (the document was changed or replaced)`,
          ref.instanceId,
          ref.seq,
        )
      } else this.summary.matching++
    }
  }
}
