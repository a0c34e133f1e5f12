import { z } from 'zod'
import { providersFromEnv } from './access/oidc/providers.ts'
import type { ProviderConfig } from './access/oidc/providers.ts'

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints; default: kept with the data. */
  DOORLOPEND_SIGNING_KEY: z.string().optional(),
  ADMIN_TOKEN: z.string().min(20, 'ADMIN_TOKEN must be at least 20 characters').optional(),
  LOG_LEVEL: z.enum(['silent', 'info', 'debug']).default('info'),
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
  /** Bench only: SQLite synchronous=OFF, to measure what fsync costs. */
  DOORLOPEND_UNSAFE_NO_FSYNC: z.enum(['0', '1']).default('0'),
})

export interface Config {
  readonly port: number
  readonly host: string
  readonly databaseUrl: string | undefined
  readonly signingKeyPem: string | undefined
  readonly adminToken: string | undefined
  readonly logLevel: 'silent' | 'info' | 'debug'
  readonly unsafeNoSync: boolean
  readonly rateLimitPer10s: number
  readonly anonymousPer10s: number
  readonly failedLoginsPer15min: number
  readonly trustedProxies: number
  readonly publicUrl: string | undefined
  readonly sessions: { idleMs: number; maxAgeMs: number; perOwner: number }
  readonly oidcProviders: readonly ProviderConfig[]
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
    logLevel: e.LOG_LEVEL,
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
  })
}
