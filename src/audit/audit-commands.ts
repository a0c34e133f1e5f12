import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { Principal } from '../access/principal.ts'
import type { Store } from '../engine/store.ts'
import { progressBar } from '../progress.ts'
import { publicKeyView, takeCheckpoint } from './checkpoint.service.ts'
import { writeExportDocuments } from './export-documents.ts'
import { prepareExport } from './export.service.ts'
import { signingKey } from './signing-key.ts'

// The audit commands of the CLI: export, checkpoint, public-key. They call the same services as
// the API, as the CLI's admin.

const CLI_PRINCIPAL: Principal = {
  tokenId: 'cli',
  role: 'admin',
  personId: null,
  organisationIds: null,
}

export const AUDIT_USAGE = `  doorlopend export [--format ndjson|csv] [--from ISO] [--to ISO] [--instance ID] [--out FILE]
                   [--documents DIR]   stream every event (to stdout without --out); with
                                       --documents, write the documents the events refer to
                                       into DIR, each named by its SHA-256
  doorlopend checkpoint [--out FILE]   print a signed checkpoint of every chain
  doorlopend public-key [--out FILE]   print the key checkpoints are signed with
  doorlopend verify-export FILE [--checkpoint FILE]... [--public-key FILE] [--documents DIR]
                                       check an export (and its documents) offline; exit 1 on a break`

type WithStore = <T>(run: (store: Store) => Promise<T>) => Promise<T>

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

function output(file: string | undefined): NodeJS.WritableStream {
  return file ? createWriteStream(file) : process.stdout
}

async function finish(out: NodeJS.WritableStream, file: string | undefined): Promise<void> {
  if (!file) return
  out.end()
  await once(out, 'finish')
}

/** `doorlopend export`: streams the export, with progress on a terminal. */
export async function exportCommand(args: string[], withStore: WithStore): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'ndjson' },
      from: { type: 'string' },
      to: { type: 'string' },
      instance: { type: 'string' },
      out: { type: 'string' },
      documents: { type: 'string' },
    },
  })
  if (values.format !== 'ndjson' && values.format !== 'csv') {
    console.error('--format must be ndjson or csv')
    return 2
  }
  for (const bound of [values.from, values.to]) {
    if (bound !== undefined && Number.isNaN(Date.parse(bound))) {
      console.error(`not a time: ${bound}`)
      return 2
    }
  }
  const format = values.format
  return withStore(async (store) => {
    const prepared = await prepareExport(store, CLI_PRINCIPAL, {
      format,
      instanceId: values.instance,
      from: values.from,
      to: values.to,
    })
    const bar = progressBar('export', process.stderr)
    const total = bar ? await prepared.count() : 0
    const out = output(values.out)
    for await (const chunk of prepared.chunks(bar ? (done) => bar(done, total) : undefined)) {
      await write(out, chunk)
    }
    bar?.(total, total)
    await finish(out, values.out)
    if (values.documents !== undefined) {
      await writeExportDocuments(store, prepared.documents(), values.documents)
    }
    return 0
  })
}

/** `doorlopend checkpoint` and `doorlopend public-key`. */
export async function keyCommand(
  command: 'checkpoint' | 'public-key',
  args: string[],
  withStore: WithStore,
  signingKeyPem: string | undefined,
): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } })
  return withStore(async (store) => {
    const key = await signingKey(store, signingKeyPem)
    const body =
      command === 'checkpoint'
        ? JSON.stringify(await takeCheckpoint(store, CLI_PRINCIPAL, key), null, 2)
        : JSON.stringify(publicKeyView(CLI_PRINCIPAL, key), null, 2)
    const out = output(values.out)
    await write(out, `${body}\n`)
    await finish(out, values.out)
    return 0
  })
}
