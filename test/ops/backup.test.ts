import { execFile } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../db/create-db.ts'
import { verifyChains } from '../../src/engine/verify.ts'
import { ADMIN_SECRET, testApp } from '../support/app.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { startServerProcess } from '../support/server-process.ts'
import type { ServerProcess } from '../support/server-process.ts'
import { tamper } from '../support/tamper.ts'
import { worldWithTeams } from '../support/world.ts'

const run = promisify(execFile)
const BIN = fileURLToPath(new URL('../../bin/doorlopend.js', import.meta.url))
const WRITERS = 20
const INSTANCES = 4

interface Ack {
  instanceId: string
  seq: number
  hash: string
}

async function cli(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** Reads what the backup holds, as a restore would find it. */
async function openBackup(file: string) {
  const store = createDb(`sqlite:${file}`)
  try {
    const rows = await store.db
      .selectFrom('events')
      .select(['instance_id', 'seq', 'hash', 'payload'])
      .where('type', '=', 'relatie.vastleggen')
      .execute()
    const byText = new Map<string, Ack>()
    for (const row of rows) {
      const text = (JSON.parse(row.payload) as { text: string }).text
      byText.set(text, { instanceId: row.instance_id, seq: row.seq, hash: row.hash })
    }
    return { byText, report: await verifyChains(store) }
  } finally {
    await store.destroy()
  }
}

describe('doorlopend backup on SQLite', () => {
  let db: TestDatabase
  let dir: string
  let server: ServerProcess | undefined
  let instances: string[]

  beforeEach(async () => {
    db = await freshDatabase('sqlite')
    dir = mkdtempSync(join(tmpdir(), 'doorlopend-backup-'))
    const { admin } = await testApp(db.store)
    ;({ instances } = await worldWithTeams(admin, INSTANCES))
  }, 60_000)
  afterEach(async () => {
    await server?.stop()
    server = undefined
    await db.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('copies a database that a server is writing to: every event acknowledged before holds, every chain verifies', async () => {
    server = await startServerProcess({
      DATABASE_URL: db.url,
      ADMIN_TOKEN: ADMIN_SECRET,
      RATE_LIMIT_PER_10S: '0',
    })
    const url = server.url
    const acked = new Map<string, Ack>()
    const failures: string[] = []
    let stopping = false
    const writer = async (i: number) => {
      for (let n = 0; !stopping; n++) {
        const text = `w${i}-${n}`
        const instanceId = instances[i % instances.length] ?? ''
        const res = await fetch(`${url}/api/v1/instances/${instanceId}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'relatie.vastleggen', payload: { text } }),
        })
        const body = (await res.json()) as { event?: { seq: number; hash: string } }
        if (res.status === 200 && body.event) acked.set(text, { instanceId, ...body.event })
        else failures.push(`${text}: ${res.status} ${JSON.stringify(body)}`)
      }
    }
    const writers = Array.from({ length: WRITERS }, (_, i) => writer(i))
    while (acked.size < 200 && failures.length === 0) await new Promise((r) => setTimeout(r, 10))

    const ackedBefore = new Map(acked)
    const out = join(dir, 'backup.sqlite')
    const result = await cli(db.url, 'backup', '--out', out)
    const ackedDuring = acked.size - ackedBefore.size
    stopping = true
    await Promise.all(writers)
    await server.stop()
    server = undefined

    expect(failures).toEqual([])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(ackedDuring, 'events acknowledged while the backup ran').toBeGreaterThan(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(existsSync(`${out}-wal`)).toBe(false)

    const backup = await openBackup(out)
    const missing = [...ackedBefore].filter(([text, ack]) => {
      const stored = backup.byText.get(text)
      return stored?.hash !== ack.hash || stored.seq !== ack.seq
    })
    expect(
      missing.map(([text]) => text),
      'acknowledged before the backup, missing from it',
    ).toEqual([])
    expect(backup.report.breaks).toEqual([])
    expect(backup.report.ok).toBe(true)
    expect(result.stdout).toContain('integrity_check: ok')
    expect(result.stdout).toContain('chains: ok')
    expect(result.stdout).toContain(`events: ${backup.report.events}`)
    expect(result.stdout).toContain(`instances: ${backup.report.instances}`)
  }, 120_000)

  it('a restored backup serves: a server starts on the copy and its verify says ok', async () => {
    const out = join(dir, 'backup.sqlite')
    expect((await cli(db.url, 'backup', '--out', out)).code).toBe(0)
    server = await startServerProcess({ DATABASE_URL: `sqlite:${out}`, ADMIN_TOKEN: ADMIN_SECRET })
    const res = await fetch(`${server.url}/api/v1/audit/verify`, {
      headers: { authorization: `Bearer ${ADMIN_SECRET}` },
    })
    const body = (await res.json()) as { ok: boolean; events: number }
    expect(res.status).toBe(200)
    expect(body.ok).toBe(true)
    expect(body.events).toBeGreaterThan(0)
  }, 60_000)

  it('refuses to overwrite an existing file unless --force', async () => {
    const out = join(dir, 'backup.sqlite')
    writeFileSync(out, 'an older backup')
    const refused = await cli(db.url, 'backup', '--out', out)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('--force')
    expect(readFileSync(out, 'utf8')).toBe('an older backup')

    const forced = await cli(db.url, 'backup', '--out', out, '--force')
    expect(forced.code).toBe(0)
    expect(readFileSync(out).subarray(0, 15).toString()).toBe('SQLite format 3')
    expect(statSync(out).mode & 0o777).toBe(0o600)
  }, 60_000)

  it('fails on a corrupt database, and leaves no file behind', async () => {
    const file = db.url.slice('sqlite:'.length)
    await db.store.destroy()
    const sqlite = new BetterSqlite3(file, { readonly: true })
    const leaf = sqlite
      .prepare("select pageno from dbstat where name = 'events' and pagetype = 'leaf' limit 1")
      .get() as { pageno: number }
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number
    sqlite.close()
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (leaf.pageno - 1) * pageSize)
    closeSync(fd)

    const out = join(dir, 'backup.sqlite')
    const result = await cli(db.url, 'backup', '--out', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/integrity_check: database disk image is malformed/)
    expect(result.stderr).toContain('backup FAILED')
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('fails on an altered history, naming the break, and leaves no file behind', async () => {
    await tamper(
      db,
      `UPDATE events SET reason = 'achteraf veranderd' WHERE rowid = (SELECT min(rowid) FROM events)`,
    )
    const out = join(dir, 'backup.sqlite')
    const result = await cli(db.url, 'backup', '--out', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('integrity_check: ok')
    expect(result.stderr).toMatch(/chains: [1-9]\d* break\(s\)/)
    expect(result.stderr).toContain('altered event')
    expect(existsSync(out)).toBe(false)
  }, 60_000)

  it('on PostgreSQL, names pg_dump instead and exits 2', async () => {
    const result = await cli(
      'postgres://nobody@127.0.0.1:1/none',
      'backup',
      '--out',
      join(dir, 'x.dump'),
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('pg_dump --format=custom')
    expect(existsSync(join(dir, 'x.dump'))).toBe(false)
  }, 60_000)
})
