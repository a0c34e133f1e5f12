import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createDb, durabilityProblems, durabilitySettings, looseFileMode } from '../db/create-db.ts'
import type { DbHandle } from '../db/create-db.ts'
import { migrateToLatest } from '../db/migrate.ts'
import type { Config } from './config.ts'
import { bootstrapAdmin } from './engine/bootstrap.ts'
import { createApp } from './http/app.ts'

export interface RunningServer {
  store: DbHandle
  server: ServerType
  url: string
  /** Stops accepting, finishes requests in flight, closes the database. */
  destroy(): Promise<void>
}

export interface Logger {
  info(message: string): void
  error(message: string, error?: unknown): void
}

export const consoleLogger: Logger = {
  info: (m) => console.log(m),
  error: (m, e) => console.error(m, e instanceof Error ? (e.stack ?? e.message) : (e ?? '')),
}

/** The logger LOG_LEVEL asks for: `silent` keeps only errors and the first-start token. */
export function loggerFor(level: Config['logLevel']): Logger {
  return level === 'silent' ? { info: () => {}, error: consoleLogger.error } : consoleLogger
}

/** The composition root: config → db → migrate → bootstrap → app → listen. */
export async function startServer(
  config: Config,
  log: Logger = consoleLogger,
): Promise<RunningServer> {
  const store = createDb(config.databaseUrl, { unsafeNoSync: config.unsafeNoSync })
  if (store.dialect === 'sqlite') {
    // An error line, so that it shows even with LOG_LEVEL=silent.
    const loose = looseFileMode(store.location)
    if (loose) log.error(loose)
  }
  if (store.dialect === 'postgres') {
    // Refuse to acknowledge writes that a crash could take back.
    const problems = durabilityProblems(await durabilitySettings(store))
    if (problems.length > 0) {
      await store.destroy()
      throw new Error(`Refusing to start: ${problems.join('; ')}.`)
    }
  }
  await migrateToLatest(store.db)
  const boot = await bootstrapAdmin(store, config.adminToken)
  if (boot.printOnce) {
    // Printed whatever LOG_LEVEL says: it is the only way to learn the first token.
    consoleLogger.info(
      `\nEerste start: een beheerderstoken is aangemaakt. Het wordt maar één keer getoond:\n\n  ${boot.printOnce}\n\nBewaar het goed (bijv. export DOORLOPEND_TOKEN=…).\n`,
    )
  }
  if (boot.storedEnvToken)
    log.info('ADMIN_TOKEN uit de omgeving is opgeslagen als beheerderstoken.')

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
    onError: (e) => log.error('unexpected error', e),
  })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    )
  })
  const address = server.address() as AddressInfo
  const url = `http://${config.host}:${address.port}`
  log.info(`doorlopend luistert op ${url} (database: ${store.dialect} ${store.location})`)

  let closing: Promise<void> | undefined
  const destroy = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.destroy()
    })())
  return { store, server, url, destroy }
}

/** Runs until SIGTERM/SIGINT, then shuts down cleanly. */
export async function runUntilSignal(config: Config): Promise<void> {
  const running = await startServer(config)
  const stop = (signal: string) => {
    consoleLogger.info(`${signal}: afsluiten…`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void running.destroy().then(() => process.exit(0))
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}
