import { createReadStream, readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { parsePublicKey } from './checkpoint-format.ts'
import { byteProgress } from './progress.ts'
import { exportRecords } from './read-export.ts'
import { verifyRecords } from './verify-export.ts'
import type { VerifyExportResult } from './verify-export.ts'

// `doorlopend verify-export <file> [--checkpoint <file>]... [--public-key <file>] [--documents <dir>] [--json]`
// Needs only the files: no database, no server. Exit 0: no break; 1: a break; 2: bad usage.

export const VERIFY_EXPORT_USAGE = `doorlopend verify-export <export.ndjson|export.csv> [--checkpoint <file>]... [--public-key <file>] [--documents <dir>] [--json]

Recomputes every hash of the export, checks every link and head, and with --checkpoint (one or
more, signed checkpoints saved earlier; needs --public-key) that no event before them changed or
vanished and that each later checkpoint extends the earlier ones. With --documents, a directory
of the documents attached to events, each file named by its SHA-256 (as \`doorlopend export
--documents <dir>\` writes them), every document is checked against the hash and size on its
chain: a missing or changed one is a break. Exit code 0: no break found; 1: a break (the first
is named); 2: the files could not be read.`

/** Reads a file as text chunks, telling `onBytes` how far it got. */
async function* fileChunks(path: string, onBytes?: (done: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let done = 0
  for await (const buffer of createReadStream(path, { highWaterMark: 1 << 20 })) {
    done += (buffer as Buffer).length
    onBytes?.(done)
    yield decoder.decode(buffer as Buffer, { stream: true })
  }
  const tail = decoder.decode()
  if (tail) yield tail
}

/** Verifies an export file; the library form of the command. */
export async function verifyExportFile(
  path: string,
  options: {
    checkpoints?: string[]
    publicKey?: string
    documents?: string
    progress?: NodeJS.WriteStream
  } = {},
): Promise<VerifyExportResult> {
  const publicKey = options.publicKey
    ? parsePublicKey(readFileSync(options.publicKey, 'utf8'))
    : undefined
  const checkpoints = (options.checkpoints ?? []).map((file) => ({
    name: basename(file),
    data: JSON.parse(readFileSync(file, 'utf8')) as unknown,
  }))
  const progress = options.progress
    ? byteProgress('verify-export', statSync(path).size, options.progress)
    : undefined
  return verifyRecords(exportRecords(fileChunks(path, progress)), {
    checkpoints,
    ...(publicKey ? { publicKey } : {}),
    ...(options.documents !== undefined ? { documentsDir: options.documents } : {}),
  })
}

function report(file: string, r: VerifyExportResult): string {
  const out: string[] = [`verify-export ${file}`]
  if (r.header) {
    const f = r.header.filter
    const filters = Object.entries(f).filter(([, v]) => v !== null)
    out.push(
      `  exported ${r.header.exportedAt}; ${r.complete ? 'complete (no filter, every instance)' : `partial: ${filters.map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'limited to organisations'}`}`,
    )
  }
  out.push(
    `  ${r.events} events in ${r.instances} instances: every hash recomputed, every link checked`,
  )
  for (const c of r.checkpoints) {
    out.push(
      `  checkpoint ${c.name} (at ${c.at}, ${c.events} events): ${c.headsConfirmed} heads confirmed, ${c.headsNotCovered} not covered by this export`,
    )
  }
  const d = r.documents
  if (d.checked) {
    out.push(
      `  ${d.referenced} documents referenced: ${d.matching} match their hash, ${d.missing} missing, ${d.mismatched} changed`,
    )
  } else if (d.referenced > 0) {
    out.push(
      `  ${d.referenced} documents referenced, not checked: give --documents <dir> with the files named by their SHA-256`,
    )
  }
  if (r.checkpoints.length === 0) {
    out.push(
      '  note: without --checkpoint, removing an instance’s newest events together with its head cannot be seen',
    )
  }
  if (r.ok) {
    out.push('OK: no break found.')
    return out.join('\n')
  }
  const [first] = r.breaks
  const where = (b: typeof first) =>
    [
      b?.line !== null && b?.line !== undefined ? `line ${b.line}` : null,
      b?.instanceId ? `instance ${b.instanceId}` : null,
      b?.seq !== null && b?.seq !== undefined ? `seq ${b.seq}` : null,
    ]
      .filter(Boolean)
      .join(', ')
  out.push(
    `BREAK: ${r.breakCount} break(s). The first: ${where(first) ? `${where(first)}: ` : ''}${first?.reason ?? ''}`,
  )
  for (const b of r.breaks.slice(1, 20))
    out.push(`  then: ${where(b) ? `${where(b)}: ` : ''}${b.reason}`)
  return out.join('\n')
}

/** The command; returns the exit code. */
export async function runVerifyExport(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        checkpoint: { type: 'string', multiple: true },
        'public-key': { type: 'string' },
        documents: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\n\n${VERIFY_EXPORT_USAGE}`,
    )
    return 2
  }
  const { values, positionals } = parsed
  const [file] = positionals
  if (!file || positionals.length > 1) {
    console.error(VERIFY_EXPORT_USAGE)
    return 2
  }
  if ((values.checkpoint?.length ?? 0) > 0 && !values['public-key']) {
    console.error('--checkpoint needs --public-key: a checkpoint is only worth its signature.')
    return 2
  }
  let result: VerifyExportResult
  try {
    result = await verifyExportFile(file, {
      ...(values.checkpoint ? { checkpoints: values.checkpoint } : {}),
      ...(values['public-key'] ? { publicKey: values['public-key'] } : {}),
      ...(values.documents !== undefined ? { documents: values.documents } : {}),
      progress: process.stderr,
    })
  } catch (error) {
    console.error(`cannot verify: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  console.log(values.json ? JSON.stringify(result, null, 2) : report(file, result))
  return result.ok ? 0 : 1
}

// Also runnable on its own, without the rest of the project: npx tsx src/verifier/main.ts …
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runVerifyExport(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
