import { sql } from 'kysely'
import type { Db } from '../../../db/database.ts'

/** A count in one fixed window: how many so far, and when the window ends (epoch ms). */
export interface WindowCount {
  count: number
  resetAt: number
}

/**
 * Counts hits per key in fixed windows aligned to the clock (`floor(now / window)`), so that
 * processes sharing a counter agree on where a window starts.
 */
export interface Counter {
  /** Adds one hit and returns the window's count including it. */
  hit(key: string, windowMs: number): Promise<WindowCount>
  /** The window's count without adding to it. */
  peek(key: string, windowMs: number): Promise<WindowCount>
}

const windowOf = (now: number, windowMs: number) => Math.floor(now / windowMs) * windowMs

/** In this process only: for SQLite, which one server process serves. */
export class MemoryCounter implements Counter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  private lastSweep = 0

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const start = windowOf(this.now(), windowMs)
    this.sweep(start)
    const current = this.windows.get(key)
    const count = current && current.start === start ? current.count + 1 : 1
    this.windows.set(key, { start, count })
    return { count, resetAt: start + windowMs }
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    const start = windowOf(this.now(), windowMs)
    const current = this.windows.get(key)
    return { count: current?.start === start ? current.count : 0, resetAt: start + windowMs }
  }

  /** Forgets windows that ended (at most once a second). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return
    this.lastSweep = now
    for (const [key, w] of this.windows)
      if (w.start < now - 60 * 60 * 1000) this.windows.delete(key)
  }
}

/**
 * In PostgreSQL's UNLOGGED `rate_limits` table: every server process on one database shares the
 * count. One upsert per hit; the table needs no WAL flush, so a hit costs a round trip, no fsync.
 */
export class PostgresCounter implements Counter {
  private lastSweep = 0

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now()
    const start = windowOf(now, windowMs)
    await this.sweep(now)
    const { rows } = await sql<{ count: number }>`
      insert into rate_limits (key, window_start, count) values (${key}, ${start}, 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start = excluded.window_start
                     then rate_limits.count + 1 else 1 end,
        window_start = excluded.window_start
      returning count`.execute(this.db)
    return { count: Number(rows[0]?.count ?? 1), resetAt: start + windowMs }
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    const start = windowOf(this.now(), windowMs)
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['count', 'window_start'])
      .where('key', '=', key)
      .executeTakeFirst()
    const count = row && Number(row.window_start) === start ? Number(row.count) : 0
    return { count, resetAt: start + windowMs }
  }

  /** Drops counts of windows that ended over an hour ago (at most once a minute per process). */
  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < 60_000) return
    this.lastSweep = now
    await this.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', now - 60 * 60 * 1000)
      .execute()
  }
}
