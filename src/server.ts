import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { DbHandle } from '../db/create-db.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { catchUpFacts } from './engine/facts/catch-up.ts'
import { refreshPlannerStatistics } from '../db/planner-statistics.ts'
import type { Config } from './config.ts'
import { bootstrapAdmin } from './engine/bootstrap.ts'
import { createApp } from './http/app.ts'
import { Drain } from './lifecycle/drain.ts'
import { openStore } from './lifecycle/startup.ts'
import { createLog } from './log/logger.ts'
import type { Log } from './log/logger.ts'

export interface RunningServer {
  store: DbHandle
  server: ServerType
  url: string
  log: Log
  /**
   * Stops taking connections, lets requests in flight finish, closes the database. True when
   * everything finished within SHUTDOWN_TIMEOUT_SECONDS, false when connections had to be cut.
   */
  destroy(): Promise<boolean>
}

export interface StartOptions {
  /** Default: stdout at LOG_LEVEL, JSON lines (readable when stdout is a terminal). */
  log?: Log
  /** Where the first-start admin token goes; default stdout, whatever LOG_LEVEL says. */
  print?: (text: string) => void
}

/** The composition root: config → db → migrate → bootstrap → app → listen. */
export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLog({ level: config.logLevel })
  const print = options.print ?? ((text: string) => void process.stdout.write(text))
  const store = await openStore(config, log)
  await migrateToLatest(store.db)
  const rebuilt = await catchUpFacts(store)
  if (rebuilt > 0)
    log.info({ instances: rebuilt }, 'Overzichtscijfers bijgewerkt uit de geschiedenis.')
  await refreshPlannerStatistics(store, rebuilt > 0)
  const boot = await bootstrapAdmin(store, config.adminToken)
  if (boot.printOnce) {
    // A plain line, never a log record: it is the only way to learn the first token, and log
    // shippers keep records.
    print(
      `\nEerste start: een beheerderstoken is aangemaakt. Het wordt maar één keer getoond:\n\n  ${boot.printOnce}\n\nBewaar het goed (bijv. export DOORLOPEND_TOKEN=…).\n\n`,
    )
  }
  if (boot.storedEnvToken)
    log.info('ADMIN_TOKEN uit de omgeving is opgeslagen als beheerderstoken.')

  const drain = new Drain()
  const app = createApp({
    store,
    rateLimitPer10s: config.rateLimitPer10s,
    anonymousPer10s: config.anonymousPer10s,
    failedLoginsPer15min: config.failedLoginsPer15min,
    trustedProxies: config.trustedProxies,
    sessions: config.sessions,
    oidcProviders: config.oidcProviders,
    publicUrl: config.publicUrl,
    signingKeyPem: config.signingKeyPem,
    metrics: { token: config.metricsToken },
    documentMaxBytes: config.documentMaxBytes,
    log,
    draining: () => drain.active,
    onError: (error) => log.error({ err: error }, 'unexpected error'),
  })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    )
  })
  drain.attach(server as HttpServer)
  const address = server.address() as AddressInfo
  const url = `http://${config.host}:${address.port}`
  log.info(
    { url, database: store.dialect },
    `doorlopend luistert op ${url} (database: ${store.dialect} ${store.location})`,
  )

  let closing: Promise<boolean> | undefined
  const destroy = () =>
    (closing ??= (async () => {
      const clean = await drain.drain(config.shutdownTimeoutMs)
      await store.destroy()
      return clean
    })())
  return { store, server, url, log, destroy }
}

/** Runs until SIGTERM/SIGINT, then drains and exits: 0 when everything finished in time. */
export async function runUntilSignal(config: Config): Promise<void> {
  const running = await startServer(config)
  const { log } = running
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, `${signal} tijdens het afsluiten: nu gestopt`)
      process.exit(1)
    }
    stopping = true
    log.info({ signal }, `${signal}: afsluiten…`)
    // A database that hangs on close must not keep the process: a second, last bound.
    const force = setTimeout(() => {
      log.error('afsluiten duurde te lang; gestopt')
      process.exit(1)
    }, config.shutdownTimeoutMs + 2000)
    force.unref()
    running.destroy().then(
      (clean) => {
        if (clean) log.info('afgesloten')
        else
          log.warn(
            'afgesloten; verbindingen die na SHUTDOWN_TIMEOUT_SECONDS nog open waren zijn verbroken',
          )
        process.exit(clean ? 0 : 1)
      },
      (error: unknown) => {
        log.error({ err: error }, 'afsluiten mislukt')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
