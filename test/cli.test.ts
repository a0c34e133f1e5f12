import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Client, testApp } from './support/app.ts'
import { DATABASES, freshDatabase } from './support/db.ts'
import type { TestDatabase } from './support/db.ts'

const run = promisify(execFile)
const BIN = fileURLToPath(new URL('../bin/doorlopend.js', import.meta.url))

async function cli(url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: url },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe.each(DATABASES)('the doorlopend command on %s', (kind) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await freshDatabase(kind)
  })
  afterEach(async () => {
    await db.cleanup()
  })

  it('creates a token that the API accepts, lists it, and revokes it so it stops working', async () => {
    expect((await cli(db.url, 'migrate')).stdout).toContain('up to date')
    const created = await cli(db.url, 'token', 'create', '--name', 'beheer', '--role', 'admin')
    expect(created.code).toBe(0)
    const secret = /token: (\S+)/.exec(created.stdout)?.[1] ?? ''
    const id = /id: +(\S+)/.exec(created.stdout)?.[1] ?? ''
    const { app } = await testApp(db.store)
    const client = new Client(app, secret)
    expect((await client.get('/api/v1/organisations')).status).toBe(200)

    const list = await cli(db.url, 'token', 'list')
    expect(list.stdout).toContain(id)
    expect(list.stdout).not.toContain(secret)

    expect((await cli(db.url, 'token', 'revoke', id)).code).toBe(0)
    expect((await client.get('/api/v1/organisations')).status).toBe(401)
  }, 60_000)

  it('refuses a token without a role, with usage help and exit code 2', async () => {
    const result = await cli(db.url, 'token', 'create', '--name', 'x')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--role/)
  }, 60_000)

  it('verifies every chain and exits 0 when nothing was altered', async () => {
    await cli(db.url, 'token', 'create', '--name', 'a', '--role', 'auditor')
    const result = await cli(db.url, 'verify')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, breaks: [] })
  }, 60_000)
})
