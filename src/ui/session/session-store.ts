import { randomBytes } from 'node:crypto'

/** One logged-in browser: the token it logged in with and the CSRF secret of its forms. */
export interface Session {
  id: string
  /** The bearer token, kept server-side only; it is authenticated again on every request. */
  token: string
  csrf: string
  /** The name of the person the token is bound to, read once at login (the page header). */
  holderName: string | null
  createdAt: number
  lastSeenAt: number
}

export interface SessionStoreOptions {
  /** A session unused this long ends (ms). Default 8 hours. */
  idleMs?: number
  /** A session ends this long after login, used or not (ms). Default 24 hours. */
  maxAgeMs?: number
  /** At most this many sessions; the oldest go first. Default 10,000. */
  maxSessions?: number
  now?: () => number
}

const random = () => randomBytes(32).toString('base64url')

/**
 * Sessions in memory: the cookie carries only a random id, never the token. A restart logs
 * everyone out, which is acceptable for this tool; several server processes would each need
 * their own login (a shared store belongs in the database when that becomes a need).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly idleMs: number
  private readonly maxAgeMs: number
  private readonly maxSessions: number
  private readonly now: () => number

  constructor(options: SessionStoreOptions = {}) {
    this.idleMs = options.idleMs ?? 8 * 60 * 60 * 1000
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000
    this.maxSessions = options.maxSessions ?? 10_000
    this.now = options.now ?? Date.now
  }

  /** Starts a session for a token that was just authenticated. */
  create(token: string, holderName: string | null = null): Session {
    const now = this.now()
    const session: Session = {
      id: random(),
      token,
      csrf: random(),
      holderName,
      createdAt: now,
      lastSeenAt: now,
    }
    this.sessions.set(session.id, session)
    // Map iteration order is insertion order: the first key is the oldest session.
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value
      if (oldest === undefined) break
      this.sessions.delete(oldest)
    }
    return session
  }

  /** The live session with this id, or undefined (expired sessions are dropped). */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined
    const session = this.sessions.get(id)
    if (!session) return undefined
    const now = this.now()
    if (now - session.lastSeenAt > this.idleMs || now - session.createdAt > this.maxAgeMs) {
      this.sessions.delete(id)
      return undefined
    }
    session.lastSeenAt = now
    return session
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id)
  }

  get size(): number {
    return this.sessions.size
  }
}
