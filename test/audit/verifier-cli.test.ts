import { execFile } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signCheckpoint } from '../../src/audit/checkpoint.service.ts'
import { signingKeyFromPem } from '../../src/audit/signing-key.ts'
import { testApp } from '../support/app.ts'
import { DATABASES, freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { buildWorld } from '../support/world.ts'

// The auditor's side, as a separate process: the export, checkpoint and key as files, and
// `doorlopend verify-export` (or the verifier on its own through tsx) with its exit codes.

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin/doorlopend.js')
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')

async function exec(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      env: { ...process.env, ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
const cli = (args: string[], env?: Record<string, string>) => exec([BIN, ...args], env)

describe.each(DATABASES)('doorlopend export, checkpoint and verify-export (%s)', (kind) => {
  let db: TestDatabase
  let dir: string
  const file = (name: string) => join(dir, name)
  beforeAll(async () => {
    db = await freshDatabase(kind)
    const { admin } = await testApp(db.store)
    await buildWorld(admin)
    dir = mkdtempSync(join(tmpdir(), 'doorlopend-auditor-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await db.cleanup()
  })

  it('exports, takes a checkpoint and verifies both offline: exit 0', async () => {
    const env = { DATABASE_URL: db.url }
    expect((await cli(['checkpoint', '--out', file('checkpoint.json')], env)).code).toBe(0)
    expect((await cli(['public-key', '--out', file('key.json')], env)).code).toBe(0)
    expect((await cli(['export', '--out', file('export.ndjson')], env)).code).toBe(0)
    const csv = await cli(['export', '--format', 'csv'], env)
    writeFileSync(file('export.csv'), csv.stdout)
    writeFileSync(file('key.pem'), JSON.parse(readFileSync(file('key.json'), 'utf8')).publicKeyPem)

    for (const [exported, key] of [
      ['export.ndjson', 'key.json'],
      ['export.csv', 'key.pem'],
    ] as const) {
      const result = await cli([
        'verify-export',
        file(exported),
        '--checkpoint',
        file('checkpoint.json'),
        '--public-key',
        file(key),
      ])
      expect(result.stdout, exported).toContain('OK: no break found.')
      expect(result.code, exported).toBe(0)
    }
  }, 120_000)

  it('names the first break and exits 1 when a line was altered', async () => {
    const lines = readFileSync(file('export.ndjson'), 'utf8').split('\n')
    const at = lines.findIndex(
      (l) => l.includes('"type":"behandeling.starten"') || l.includes('"type":"aangemaakt"'),
    )
    lines[at] = (lines[at] as string).replace('"reason":null', '"reason":"achteraf"')
    writeFileSync(file('altered.ndjson'), lines.join('\n'))
    const result = await cli([
      'verify-export',
      file('altered.ndjson'),
      '--checkpoint',
      file('checkpoint.json'),
      '--public-key',
      file('key.pem'),
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`BREAK: 1 break(s). The first: line ${at + 1}`)
    expect(result.stdout).toContain('hash does not match')
  }, 60_000)

  it('exits 1 for a checkpoint signed by another key, 2 without a public key or file', async () => {
    const checkpoint = JSON.parse(readFileSync(file('checkpoint.json'), 'utf8'))
    const { privateKey } = generateKeyPairSync('ed25519')
    const other = signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    writeFileSync(
      file('forged.json'),
      JSON.stringify(signCheckpoint(checkpoint.heads, checkpoint.at, other)),
    )
    const forged = await cli([
      'verify-export',
      file('export.ndjson'),
      '--checkpoint',
      file('forged.json'),
      '--public-key',
      file('key.pem'),
    ])
    expect(forged.code).toBe(1)
    expect(forged.stdout).toContain('signed by another key')
    expect(
      (await cli(['verify-export', file('export.ndjson'), '--checkpoint', file('checkpoint.json')]))
        .code,
    ).toBe(2)
    expect((await cli(['verify-export', file('missing.ndjson')])).code).toBe(2)
  }, 60_000)

  it('runs on its own, without the rest of the project, through tsx', async () => {
    const result = await exec([
      TSX,
      join(ROOT, 'src/verifier/main.ts'),
      file('export.ndjson'),
      '--checkpoint',
      file('checkpoint.json'),
      '--public-key',
      file('key.pem'),
      '--json',
    ])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, complete: true })
  }, 60_000)
})
