import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
} from 'node:fs'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as esbuild from 'esbuild'
import { afterEach, describe, expect, it } from 'vitest'
import { DIST, bundle, entryPoints, isFresh } from '../bin/build.js'
import { startWorker } from '../src/worker-entry.ts'

// `npm run build` (bin/build.js) and how the bundle starts (bin/doorlopend.js, src/worker-entry.ts).
const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const FIXTURES = join(ROOT, 'test/fixtures/workers')

function workerFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return workerFilesUnder(path)
    return entry.name.endsWith('.worker.ts') ? [path] : []
  })
}

interface SourceMap {
  sources: string[]
}

/** A folder laid out as an install: bin/doorlopend.js copied in, and dist/ when `withDist`. */
function installFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doorlopend-build-'))
  mkdirSync(join(dir, 'bin'))
  copyFileSync(join(ROOT, 'bin/doorlopend.js'), join(dir, 'bin/doorlopend.js'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
  return dir
}

async function runBin(dir: string) {
  const env: Record<string, string | undefined> = { ...process.env }
  delete env.DOORLOPEND_FROM_SOURCE
  try {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'bin/doorlopend.js')], {
      env,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('the build', () => {
  const folders: string[] = []
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('bundles the command and every worker entry under src/ into dist/, each with a source map of src/', () => {
    const entries = entryPoints()
    const workers = workerFilesUnder(join(ROOT, 'src'))
    expect(entries.map((e) => e.in)).toEqual([join(ROOT, 'src/cli.ts'), ...workers])
    expect(isFresh()).toBe(true)
    for (const entry of entries) {
      const file = join(DIST, `${entry.out}.mjs`)
      expect(readFileSync(file, 'utf8')).toMatch(
        new RegExp(`//# sourceMappingURL=${entry.out}\\.mjs\\.map\\s*$`),
      )
      const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMap
      expect(map.sources).toContain(relative(DIST, entry.in))
    }
  })

  it('names a worker entry <name>-worker.mjs, beside the bundle that starts it', () => {
    for (const entry of entryPoints().slice(1)) {
      expect(entry.out).toBe(basename(entry.in).replace(/\.worker\.ts$/, '-worker'))
    }
  })

  it('starts from the bundle with stack traces that name the TypeScript files, in a worker too', async () => {
    const dir = installFolder()
    folders.push(dir)
    await bundle(
      esbuild,
      [
        { in: join(FIXTURES, 'main.ts'), out: 'doorlopend' },
        { in: join(FIXTURES, 'echo.worker.ts'), out: 'echo-worker' },
      ],
      join(dir, 'dist'),
    )
    const result = await runBin(dir)
    expect(result.stderr).toBe('')
    const printed = JSON.parse(result.stdout) as {
      reply: { doubled: number; workerStack: string }
      mainStack: string
    }
    expect(printed.reply.doubled).toBe(42)
    expect(printed.mainStack).toContain(`${join(FIXTURES, 'main.ts')}:`)
    expect(printed.reply.workerStack).toContain(`${join(FIXTURES, 'echo.worker.ts')}:`)
  })

  it('refuses to start without dist/, and says how to build it', async () => {
    const dir = installFolder()
    folders.push(dir)
    expect(existsSync(join(dir, 'dist'))).toBe(false)
    const result = await runBin(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('npm run build')
  })
})

describe('a worker entry started from the sources', () => {
  it('loads its TypeScript through tsx and answers', async () => {
    const worker = startWorker(new URL('./fixtures/workers/echo.worker.ts', import.meta.url), {
      workerData: 4,
    })
    const reply = await new Promise<{ doubled: number; workerStack: string }>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(reply.doubled).toBe(8)
    expect(reply.workerStack).toContain(join(FIXTURES, 'echo.worker.ts'))
  })

  it('refuses a file that is not a worker entry', () => {
    expect(() => startWorker(new URL('./fixtures/workers/main.ts', import.meta.url))).toThrow(
      /not a worker entry/,
    )
  })
})
