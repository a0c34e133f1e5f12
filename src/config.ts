import { z } from 'zod'

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** Ed25519 private key (PKCS#8 PEM) that signs audit checkpoints; default: kept with the data. */
  DOORLOPEND_SIGNING_KEY: z.string().optional(),
  ADMIN_TOKEN: z.string().min(20, 'ADMIN_TOKEN must be at least 20 characters').optional(),
  LOG_LEVEL: z.enum(['silent', 'info', 'debug']).default('info'),
  /** Requests per client per 10 s before 429; 0 turns the limit off. */
  RATE_LIMIT_PER_10S: z.coerce.number().int().min(0).default(10000),
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
}

/** Parses the environment once; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`)
  }
  const e = parsed.data
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    signingKeyPem: e.DOORLOPEND_SIGNING_KEY || undefined,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    unsafeNoSync: e.DOORLOPEND_UNSAFE_NO_FSYNC === '1',
    rateLimitPer10s: e.RATE_LIMIT_PER_10S,
  })
}
