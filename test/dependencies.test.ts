import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// What installing doorlopend runs: the install scripts npm may run, and that none reports home.
const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
// npm's own script when npm runs the tests, else the npm installed beside node.
const NPM_CLI =
  process.env.npm_execpath ??
  join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js')

interface PendingScripts {
  allowScripts: { name: string }[]
}

describe('the installed dependencies', () => {
  it('have no install script that allowScripts leaves unreviewed', async () => {
    const { stdout } = await run(process.execPath, [NPM_CLI, 'install-scripts', 'ls', '--json'], {
      cwd: ROOT,
    })
    const pending = JSON.parse(stdout) as PendingScripts
    expect(pending.allowScripts.map((p) => p.name)).toEqual([])
  }, 60_000)

  it('keep @scarf/scarf from reporting the install, also where npm still runs its script', async () => {
    const received: string[] = []
    const listener = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`)
      res.end()
    })
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    const { port } = listener.address() as AddressInfo
    try {
      // Scarf's own install script, sent to this listener instead of its host.
      const scarf = join(ROOT, 'node_modules/@scarf/scarf')
      const { stdout, stderr } = await run(process.execPath, [join(scarf, 'report.js')], {
        cwd: scarf,
        env: {
          ...process.env,
          INIT_CWD: ROOT,
          SCARF_LOCAL_PORT: String(port),
          SCARF_VERBOSE: 'true',
          SCARF_ANALYTICS: '',
          DO_NOT_TRACK: '',
          npm_execpath: NPM_CLI,
        },
        timeout: 30_000,
      })
      expect(`${stdout}${stderr}`).toMatch(/Scarf has been disabled/)
    } finally {
      listener.close()
    }
    expect(received).toEqual([])
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>
    }
    expect(pkg.allowScripts['@scarf/scarf']).toBe(false)
  }, 60_000)
})
