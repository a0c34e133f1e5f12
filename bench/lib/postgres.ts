import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DBOS_DATABASE = 'doorlopend_bench_dbos'

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** A new schema in the PostgreSQL at `url`; returns a URL whose connections use it. */
export async function freshSchema(url: string): Promise<string> {
  const schema = `bench_${Date.now().toString(36)}`
  await admin(url, (c) => c.query(`create schema ${schema}`))
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return u.toString()
}

export async function dropSchema(url: string, schemaUrl: string): Promise<void> {
  const schema = /search_path=(\w+)/.exec(new URL(schemaUrl).searchParams.get('options') ?? '')?.[1]
  if (schema) await admin(url, (c) => c.query(`drop schema ${schema} cascade`))
}

export interface DbosResult {
  concurrency: number
  seconds: number
  steps: number
  stepsPerSec: number
  workflows: number
  refused: number
  meanStepMs: number
}

/** Runs bench/dbos-flow.ts in its own process against a fresh DBOS system database. */
export async function runDbos(
  url: string,
  concurrency: number,
  seconds: number,
): Promise<DbosResult> {
  await admin(url, (c) => c.query(`drop database if exists ${DBOS_DATABASE} with (force)`))
  const u = new URL(url)
  u.pathname = `/${DBOS_DATABASE}`
  u.search = ''
  const child = spawn(process.execPath, ['bin/run-ts.js', 'bench/dbos-flow.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DBOS_SYSTEM_DATABASE_URL: u.toString(),
      CONCURRENCY: String(concurrency),
      SECONDS: String(seconds),
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const line = out.trim().split('\n').pop() ?? ''
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(`DBOS run failed (${code}):\n${out}\n${err}`)
  await admin(url, (c) => c.query(`drop database if exists ${DBOS_DATABASE} with (force)`))
  return JSON.parse(line) as DbosResult
}
