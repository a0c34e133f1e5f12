import { createHash, randomBytes } from 'node:crypto'
import type { Db, Dialect, SessionRow } from '../../db/database.ts'
import {
  countLiveSessions,
  deleteSession,
  deleteStaleSessions,
  findSession,
  insertSession,
  listSessions,
  lockOwner,
  touchSession,
  trimSessions,
} from '../../db/queries/sessions.ts'
import type { SessionOwner } from '../../db/queries/sessions.ts'
import type { Principal } from './principal.ts'
import { principalForToken } from './tokens.ts'

/** One logged-in browser. The cookie holds a random secret; the database only its digest. */
export interface Session {
  id: string
  tokenId: string
  personId: string | null
  /** 'token', or the id of the OpenID Connect provider the person signed in with. */
  via: string
  csrf: string
  device: string | null
  /** The name of the token's person, for the page header; null for a service token. */
  holderName: string | null
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

export interface SessionOptions {
  /** A session unused this long ends (ms). Default 8 hours. */
  idleMs?: number
  /** A session ends this long after login, used or not (ms). Default 24 hours. */
  maxAgeMs?: number
  /** Sessions per person (or per person-less token); a new login ends the oldest. Default 10. */
  perOwner?: number
  /** Last use is written at most this often per session (ms). Default 1 minute. */
  touchEveryMs?: number
  now?: () => number
}

export interface NewSession {
  tokenId: string
  personId: string | null
  via: string
  device?: string | null
}

/** What a cookie leads to: a live session, or one that has just ended (expired or revoked). */
export type Resolved =
  | { live: true; session: Session; principal: Principal }
  | { live: false; ended: 'verlopen' | 'ingetrokken' | 'persoon-gewist' }

/** The digest a session is stored under. */
export function sessionDigest(cookie: string): string {
  return createHash('sha256').update(cookie).digest('hex')
}

export function ownerOf(session: Pick<Session, 'personId' | 'tokenId'>): SessionOwner {
  return session.personId ? { personId: session.personId } : { tokenId: session.tokenId }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Sessions in the database, so that they survive a restart and every server process on one
 * PostgreSQL knows them. Every request checks the token again: revoking it, or erasing its
 * person, ends the session at once. Each person keeps at most `perOwner` sessions: a flood of
 * logins ends only that person's own oldest sessions, never anybody else's.
 */
export class SessionStore {
  readonly idleMs: number
  readonly maxAgeMs: number
  readonly perOwner: number
  private readonly touchEveryMs: number
  private readonly now: () => number

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    options: SessionOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 8 * 60 * 60 * 1000
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000
    this.perOwner = options.perOwner ?? 10
    this.touchEveryMs = options.touchEveryMs ?? 60_000
    this.now = options.now ?? Date.now
  }

  /** Starts a session for a token that was just authenticated; returns the cookie value. */
  async create(input: NewSession): Promise<{ cookie: string; session: SessionRow }> {
    const now = this.now()
    const cookie = randomBytes(32).toString('base64url')
    const row: SessionRow = {
      id: sessionDigest(cookie),
      token_id: input.tokenId,
      person_id: input.personId,
      via: input.via,
      csrf: randomBytes(32).toString('base64url'),
      device: input.device ?? null,
      created_at: iso(now),
      last_seen_at: iso(now),
      expires_at: iso(now + this.maxAgeMs),
    }
    const owner = ownerOf({ personId: row.person_id, tokenId: row.token_id })
    await this.db.transaction().execute(async (tx) => {
      if (this.dialect === 'postgres') await lockOwner(tx, owner)
      await deleteStaleSessions(tx, iso(now), iso(now - this.idleMs))
      await insertSession(tx, row)
      await trimSessions(tx, owner, this.perOwner)
    })
    return { cookie, session: row }
  }

  /** The session a cookie leads to, with its token's principal; undefined for no session. */
  async resolve(cookie: string | undefined): Promise<Resolved | undefined> {
    if (!cookie || cookie.length > 100) return undefined
    const row = await findSession(this.db, sessionDigest(cookie))
    if (!row) return undefined
    const now = this.now()
    const idle = now - Date.parse(row.last_seen_at) > this.idleMs
    if (idle || now >= Date.parse(row.expires_at)) {
      await deleteSession(this.db, row.id)
      return { live: false, ended: 'verlopen' }
    }
    const resolved = await principalForToken(this.db, {
      ...row.token,
      person_erased_at: row.person_erased_at,
    })
    if ('refused' in resolved) {
      await deleteSession(this.db, row.id)
      return {
        live: false,
        ended: resolved.refused === 'persoon-gewist' ? 'persoon-gewist' : 'ingetrokken',
      }
    }
    if (now - Date.parse(row.last_seen_at) >= this.touchEveryMs) {
      row.last_seen_at = iso(now)
      await touchSession(this.db, row.id, row.last_seen_at)
    }
    return { live: true, session: toSession(row, row.person_name), principal: resolved.principal }
  }

  async end(id: string): Promise<void> {
    await deleteSession(this.db, id)
  }

  /** How many sessions are live now, of everybody (for metrics). */
  async countLive(): Promise<number> {
    const now = this.now()
    return countLiveSessions(this.db, iso(now), iso(now - this.idleMs))
  }

  /** The owner's sessions, newest first. */
  async list(owner: SessionOwner): Promise<Session[]> {
    return (await listSessions(this.db, owner)).map((row) => toSession(row, null))
  }
}

function toSession(row: SessionRow, holderName: string | null): Session {
  return {
    id: row.id,
    tokenId: row.token_id,
    personId: row.person_id,
    via: row.via,
    csrf: row.csrf,
    device: row.device,
    holderName,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  }
}
