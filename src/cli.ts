import { parseArgs } from 'node:util'
import { createDb } from '../db/create-db.ts'
import type { DbHandle } from '../db/create-db.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { catchUpFacts } from './engine/facts/catch-up.ts'
import { refreshPlannerStatistics } from '../db/planner-statistics.ts'
import { isRole } from './access/policy.ts'
import { AUDIT_USAGE, exportCommand, keyCommand } from './audit/audit-commands.ts'
import { loadConfig } from './config.ts'
import type { Actor } from './engine/actor.ts'
import { issueToken, listAllTokens, revokeTokenById } from './engine/tokens.service.ts'
import { verifyChains } from './engine/verify.ts'
import { loadDemo } from './demo/load-demo.ts'
import { ProblemError } from './errors.ts'
import { BACKUP_USAGE, backupCommand } from './ops/backup-command.ts'
import {
  MIGRATE_INSTANCES_USAGE,
  migrateInstancesCommand,
} from './engine/definitions/migrate-command.ts'
import { CHECK_USAGE, checkCommand } from './lifecycle/check-command.ts'
import { runUntilSignal } from './server.ts'
import { progressBar } from './progress.ts'

/** Actions taken from the command line are recorded as the CLI's. */
const CLI_ACTOR: Actor = { tokenId: 'cli', role: 'admin', personId: null }

const USAGE = `doorlopend — workflow engine for ontwikkelteams and rolovergangen

Usage:
  doorlopend serve                     start the API and UI (default; PORT, DATABASE_URL)
  doorlopend migrate                   bring the database schema up to date
${MIGRATE_INSTANCES_USAGE}
  doorlopend token create --name N --role admin|hr|member|teacher|auditor
                          [--org ID]... [--person ID]
  doorlopend token list
  doorlopend token revoke ID
  doorlopend demo                      load the demo dataset and print a token per role
  doorlopend verify                    recompute every hash chain; exit 1 on a break
${CHECK_USAGE}
${AUDIT_USAGE}
${BACKUP_USAGE}

Configuration comes from the environment: DATABASE_URL (default sqlite ./data/doorlopend.sqlite),
DOORLOPEND_SIGNING_KEY (Ed25519 private key, PEM, for checkpoints; default: kept with the data).`

async function withStore<T>(run: (store: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const store = createDb(config.databaseUrl, { postgres: config.database })
  try {
    await migrateToLatest(store.db)
    await refreshPlannerStatistics(store, (await catchUpFacts(store)) > 0)
    return await run(store)
  } finally {
    await store.destroy()
  }
}

async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string', multiple: true },
      person: { type: 'string' },
    },
  })
  if (sub === 'create') {
    const role = values.role ?? ''
    if (!isRole(role) || !values.name) {
      console.error('token create needs --name and --role admin|hr|member|teacher|auditor')
      return 2
    }
    const created = await withStore((store) =>
      issueToken(store, CLI_ACTOR, {
        name: values.name ?? '',
        role,
        organisationIds: values.org,
        personId: values.person,
      }),
    )
    console.log(`id:    ${created.id}\ntoken: ${created.token}\n(the token is shown only now)`)
    return 0
  }
  if (sub === 'list') {
    const tokens = await withStore((store) => listAllTokens(store))
    for (const t of tokens) {
      const scope = t.organisationIds?.join(',') ?? t.personId ?? 'all'
      console.log(`${t.id}\t${t.role}\t${scope}\t${t.revokedAt ? 'revoked' : 'live'}\t${t.name}`)
    }
    return 0
  }
  if (sub === 'revoke' && positionals[0]) {
    const id = positionals[0]
    await withStore((store) => revokeTokenById(store, CLI_ACTOR, id))
    console.log(`revoked ${id}`)
    return 0
  }
  console.error(USAGE)
  return 2
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...args] = argv
  switch (command) {
    case 'serve':
      await runUntilSignal(loadConfig())
      return -1
    case 'migrate':
      await withStore(async () => {})
      console.log('database is up to date')
      return 0
    case 'migrate-instances':
      return migrateInstancesCommand(args, withStore)
    case 'token':
      return tokenCommand(args)
    case 'demo':
      await withStore(async (store) => {
        const summary = await loadDemo(store)
        console.log(summary)
      })
      return 0
    case 'verify': {
      const report = await withStore((store) =>
        verifyChains(store, undefined, progressBar('verify', process.stderr)),
      )
      console.log(JSON.stringify(report, null, 2))
      return report.ok ? 0 : 1
    }
    case 'export':
      return exportCommand(args, withStore)
    case 'checkpoint':
    case 'public-key':
      return keyCommand(command, args, withStore, loadConfig().signingKeyPem)
    case 'backup':
      return backupCommand(args, loadConfig().databaseUrl)
    case 'check':
      return checkCommand(loadConfig())
    case 'verify-export':
      // Loaded only here: the offline verifier needs the files, not the database.
      return (await import('./verifier/main.ts')).runVerifyExport(args)
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE)
      return 0
    default:
      console.error(`unknown command '${command}'\n\n${USAGE}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof ProblemError) console.error(`${error.title}: ${error.detail}`)
    else console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
