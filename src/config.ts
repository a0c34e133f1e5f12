import { z } from 'zod'
import { LOG_LEVELS } from './log/levels.ts'
import type { LogLevel } from './log/levels.ts'
import { providersFromEnv } from './access/oidc/providers.ts'
import type { ProviderConfig } from './access/oidc/providers.ts'

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints; default: kept with the data. */
  DOORLOPEND_SIGNING_KEY: z.string().optional(),
  ADMIN_TOKEN: z.string().min(20, 'ADMIN_TOKEN must be at least 20 characters').optional(),
  /** The bearer token that alone opens /metrics; unset: an admin or auditor token opens it. */
  METRICS_TOKEN: z.string().min(20, 'METRICS_TOKEN must be at least 20 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** PostgreSQL: connections in the pool. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** PostgreSQL: how long to wait for a connection (opening one, or a free one from the pool). */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  /** PostgreSQL: statement_timeout, the server cancels a statement that runs longer; 0 = none. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** PostgreSQL: how long the client waits for any answer to a query; 0 = without limit. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(35_000),
  /** PostgreSQL: idle_in_transaction_session_timeout; 0 = none. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** How long start-up keeps trying to reach the database before it gives up. */
  DB_STARTUP_WAIT_SECONDS: z.coerce.number().min(0).default(30),
  /** How long a shutdown may take before the remaining connections are cut. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).default(10),
  /** Requests per verified token per 10 s before 429; 0 turns the limit off. */
  RATE_LIMIT_PER_10S: z.coerce.number().int().min(0).default(10000),
  /** Requests without a verified token per client address per 10 s. */
  RATE_LIMIT_ANONYMOUS_PER_10S: z.coerce.number().int().min(0).default(200),
  /** Failed logins per client address per 15 minutes. */
  LOGIN_FAILURES_PER_15MIN: z.coerce.number().int().min(0).default(20),
  /** How many proxies in front of the server to believe in X-Forwarded-For/-Proto. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The site's address as browsers see it (https://…); needed for OpenID Connect. */
  PUBLIC_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(24),
  SESSIONS_PER_PERSON: z.coerce.number().int().min(1).max(1000).default(10),
  /** Most bytes of one document attached to an event (default 10 MiB). */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(256 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Bench only: SQLite synchronous=OFF, to measure what fsync costs. */
  DOORLOPEND_UNSAFE_NO_FSYNC: z.enum(['0', '1']).default('0'),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly databaseUrl: string | undefined
  readonly signingKeyPem: string | undefined
  readonly adminToken: string | undefined
  readonly metricsToken: string | undefined
  readonly logLevel: LogLevel
  readonly database: DatabaseSettings
  readonly startupWaitMs: number
  readonly shutdownTimeoutMs: number
  readonly unsafeNoSync: boolean
  readonly rateLimitPer10s: number
  readonly anonymousPer10s: number
  readonly failedLoginsPer15min: number
  readonly trustedProxies: number
  readonly publicUrl: string | undefined
  readonly sessions: { idleMs: number; maxAgeMs: number; perOwner: number }
  readonly oidcProviders: readonly ProviderConfig[]
  /** Most bytes of one document attached to an event. */
  readonly documentMaxBytes: number
}

/** PostgreSQL pool and timeouts (SQLite ignores them). */
export interface DatabaseSettings {
  readonly poolSize: number
  readonly connectTimeoutMs: number
  readonly statementTimeoutMs: number
  readonly queryTimeoutMs: number
  readonly idleInTransactionTimeoutMs: number
}

/** Parses the environment once; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  let oidcProviders: ProviderConfig[]
  try {
    oidcProviders = providersFromEnv(env)
  } catch (error) {
    throw new Error(`Invalid configuration:\n  ${(error as Error).message}`)
  }
  if (oidcProviders.length > 0 && !e.PUBLIC_URL) {
    throw new Error(
      'Invalid configuration:\n  PUBLIC_URL: nodig voor OIDC_PROVIDERS (het adres waarop browsers de site zien, bijv. https://doorlopend.example.nl)',
    )
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    signingKeyPem: e.DOORLOPEND_SIGNING_KEY || undefined,
    adminToken: e.ADMIN_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    database: Object.freeze({
      poolSize: e.DB_POOL_SIZE,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      queryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
    startupWaitMs: e.DB_STARTUP_WAIT_SECONDS * 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    unsafeNoSync: e.DOORLOPEND_UNSAFE_NO_FSYNC === '1',
    rateLimitPer10s: e.RATE_LIMIT_PER_10S,
    anonymousPer10s: e.RATE_LIMIT_ANONYMOUS_PER_10S,
    failedLoginsPer15min: e.LOGIN_FAILURES_PER_15MIN,
    trustedProxies: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    sessions: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: e.SESSION_MAX_HOURS * 3_600_000,
      perOwner: e.SESSIONS_PER_PERSON,
    },
    oidcProviders,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
  })
}
