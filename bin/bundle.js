// The doorlopend command starts from one esbuild bundle of src/cli.ts: loading ~300 TypeScript
// modules through tsx's loader hooks costs about 0.6 s per start, a bundle a fraction of that.
// The bundle is rebuilt whenever a source file or the installed packages are newer, so it never
// runs stale code.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const SOURCES = ['src', 'machines', 'db'].map((d) => join(root, d))
export const BUNDLE = join(root, 'dist', 'doorlopend.mjs')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs
    if (time > newest) newest = time
  }
  return newest
}

/** Files that change when packages are installed or updated: the bundle holds their code too. */
const INSTALLS = ['package-lock.json', 'node_modules/.package-lock.json'].map((f) => join(root, f))

function modified(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function isFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs
    return (
      SOURCES.every((dir) => newestSource(dir) <= built) &&
      INSTALLS.every((path) => modified(path) <= built)
    )
  } catch {
    return false
  }
}

/**
 * Builds the bundle when it is missing or older than a source. False when it cannot be had
 * (no esbuild, a build error, a read-only install): the caller then runs the sources instead.
 */
export async function ensureBundle() {
  if (isFresh()) return true
  try {
    return await build()
  } catch {
    return false
  }
}

async function build() {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    return false
  }
  const result = await esbuild.build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages are bundled too: resolving and loading ~60 of them through Node's ESM loader
    // was most of a start. Native and file-serving ones stay outside.
    external: ['better-sqlite3', 'pg-native', 'swagger-ui-dist', 'esbuild', 'tsx'],
    // CommonJS packages in an ESM bundle call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __doorlopendRequire } from 'node:module'; const require = __doorlopendRequire(import.meta.url);",
    },
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    keepNames: true,
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles?.[0]?.contents
  if (!code) return false
  // Written aside and renamed: servers starting together never read half a file.
  mkdirSync(join(root, 'dist'), { recursive: true })
  const temp = `${BUNDLE}.${process.pid}.tmp`
  writeFileSync(temp, code)
  renameSync(temp, BUNDLE)
  return true
}
