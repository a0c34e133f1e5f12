#!/usr/bin/env node
// Bundles the TypeScript sources into dist/ with esbuild (`npm run build`; also the `prepare`
// script, so `npm install` and `npm ci` build). The server then starts from plain JavaScript:
// loading ~300 TypeScript modules through tsx's loader hooks, and the packages through Node's
// ESM resolver, was most of a start.
//
//   node bin/build.js             build
//   node bin/build.js --if-stale  build only when a source, the installed packages or this file
//                                 are newer than the bundle (before npm start, npm test, …)
//
// Without esbuild (a production install with --omit=dev) an existing dist/ is kept as it is.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(root, 'dist')
const SOURCES = ['src', 'machines', 'db'].map((dir) => join(root, dir))

/** Files that change when packages are installed or updated: the bundle holds their code too. */
const INSTALLS = ['package-lock.json', 'node_modules/.package-lock.json', 'bin/build.js']

/**
 * Every entry point, in one place: the command, and each worker-thread entry. A file under src/
 * named `<name>.worker.ts` is found by its name and bundled as `dist/<name>-worker.mjs`, next to
 * the bundle that starts it (src/worker-entry.ts starts one from the sources and the bundle alike).
 */
export function entryPoints() {
  return [{ in: join(root, 'src', 'cli.ts'), out: 'doorlopend' }, ...workerEntries()]
}

function workerEntries() {
  const found = filesUnder(join(root, 'src')).filter((path) => path.endsWith('.worker.ts'))
  const seen = new Map()
  for (const path of found) {
    const name = bundledWorkerName(path)
    if (seen.has(name))
      throw new Error(`two worker entries share the name ${name}: ${seen.get(name)} and ${path}`)
    seen.set(name, path)
  }
  return found.map((path) => ({ in: path, out: bundledWorkerName(path) }))
}

function bundledWorkerName(path) {
  return `${basename(path, '.worker.ts')}-worker`
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** The esbuild options every entry is bundled with (also used by the tests' fixtures). */
export function buildOptions(entries, outdir) {
  return {
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Each entry is one self-contained file (no shared chunks): a build that replaces dist/ while
    // a server starts never leaves an entry pointing at a chunk of another build.
    splitting: false,
    // The packages are bundled too. Native ones, pino (its transports load files by path at run
    // time) and swagger-ui-dist (whose files are read, not imported) stay in node_modules.
    external: [
      'better-sqlite3',
      'pg-native',
      'pino',
      'pino-pretty',
      'swagger-ui-dist',
      'esbuild',
      'tsx',
    ],
    // CommonJS packages in an ESM bundle call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __doorlopendRequire } from 'node:module'; const require = __doorlopendRequire(import.meta.url);",
    },
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    keepNames: true,
    // Linked source maps: with source maps on (bin/doorlopend.js), stack traces name the files
    // and lines under src/. The sources themselves are not copied into the map: it only has to
    // map positions.
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'warning',
  }
}

function newest(paths) {
  let time = 0
  for (const path of paths) {
    try {
      const stat = statSync(path)
      const t = stat.isDirectory()
        ? newest(readdirSync(path).map((name) => join(path, name)))
        : stat.mtimeMs
      if (t > time) time = t
    } catch {
      // A file that is not there is not newer.
    }
  }
  return time
}

/** The bundle is fresh when every entry's output exists and nothing it is made of is newer. */
export function isFresh() {
  const outputs = entryPoints().map((entry) => join(DIST, `${entry.out}.mjs`))
  if (!outputs.every((path) => existsSync(path))) return false
  const built = Math.min(...outputs.map((path) => statSync(path).mtimeMs))
  return newest([...SOURCES, ...INSTALLS.map((file) => join(root, file))]) <= built
}

async function loadEsbuild() {
  try {
    return await import('esbuild')
  } catch {
    return undefined
  }
}

/** Bundles the given entries into outdir; each file is written aside and renamed into place. */
export async function bundle(esbuild, entries, outdir) {
  const result = await esbuild.build(buildOptions(entries, outdir))
  mkdirSync(outdir, { recursive: true })
  // Maps first: a process that loads a new bundle finds its new map already in place.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')),
  )
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`
    writeFileSync(temp, file.contents)
    renameSync(temp, file.path)
  }
  return files.map((file) => relative(root, file.path))
}

async function main(args) {
  const ifStale = args.includes('--if-stale')
  if (ifStale && isFresh()) return 0
  const esbuild = await loadEsbuild()
  if (!esbuild) {
    if (existsSync(join(DIST, 'doorlopend.mjs'))) {
      if (!ifStale) console.log('esbuild is not installed (production install): dist/ is kept')
      return 0
    }
    console.error(
      'dist/ is missing and esbuild is not installed: build where the devDependencies are ' +
        '(npm ci, which builds), then bring dist/ along to the install with npm ci --omit=dev',
    )
    // As the `prepare` of `npm ci --omit=dev` this only warns: dist/ may be copied in after.
    return process.env.npm_lifecycle_event === 'prepare' ? 0 : 1
  }
  const written = await bundle(esbuild, entryPoints(), DIST)
  console.log(`built ${written.filter((f) => !f.endsWith('.map')).join(', ')}`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    },
  )
}
