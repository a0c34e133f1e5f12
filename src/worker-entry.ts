import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { WorkerOptions } from 'node:worker_threads'

// From the bundle, this module's URL is that of a file in dist/; from the sources, its .ts file.
const bundled = !import.meta.url.endsWith('.ts')

/**
 * Starts a worker-thread entry, given as `new URL('./name.worker.ts', import.meta.url)`. From
 * the bundle (bin/build.js bundles every `src/**\/<name>.worker.ts` as `dist/<name>-worker.mjs`)
 * it starts that file, with source maps on as in the main thread; from the sources (tests,
 * `npm run dev`, DOORLOPEND_FROM_SOURCE=1) it loads the .ts file through tsx.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const name = basename(fileURLToPath(entry))
  if (!name.endsWith('.worker.ts')) throw new Error(`not a worker entry: ${entry.href}`)
  if (bundled) {
    const file = new URL(name.replace(/\.worker\.ts$/, '-worker.mjs'), import.meta.url)
    const execArgv = process.sourceMapsEnabled ? ['--enable-source-maps'] : undefined
    return new Worker(file, { execArgv, ...options })
  }
  // A worker does not inherit the main thread's loader hooks: it registers tsx itself.
  // import.meta.resolve gives tsx's ESM api; require.resolve its CommonJS one, which fails here.
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(code, { ...options, eval: true })
}
