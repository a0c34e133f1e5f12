import type { Counter } from './counter.ts'

/** How many requests each kind of client may make per window; 0 turns a budget off. */
export interface LimitSettings {
  /** Per verified token (API bearer or browser session), per 10 s. */
  perToken: number
  /** Per client address, for requests without a verified token, per 10 s. */
  anonymous: number
  /** Failed logins per client address per 15 minutes. */
  failedLogins: number
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number; detail: string }

const TEN_SECONDS = 10_000
const FIFTEEN_MINUTES = 15 * 60 * 1000

const allowed: Verdict = { allowed: true }

/**
 * The request budgets. A token is counted only after it verified, so random bearer values
 * spend the sender's anonymous budget, never a real token's; failed logins have their own,
 * smaller budget per address, which a correct login does not reset.
 */
export class Limits {
  constructor(
    private readonly counter: Counter,
    readonly settings: LimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  async forToken(tokenId: string): Promise<Verdict> {
    return this.spend(`t:${tokenId}`, this.settings.perToken, TEN_SECONDS, 'verzoeken')
  }

  async forAnonymous(address: string): Promise<Verdict> {
    return this.spend(
      `a:${address}`,
      this.settings.anonymous,
      TEN_SECONDS,
      'verzoeken zonder geldig token',
    )
  }

  /** Whether this address may try to log in now. */
  async loginAllowed(address: string): Promise<Verdict> {
    const max = this.settings.failedLogins
    if (max <= 0) return allowed
    const { count, resetAt } = await this.counter.peek(`f:${address}`, FIFTEEN_MINUTES)
    return count >= max
      ? this.refusal(max, FIFTEEN_MINUTES, resetAt, 'mislukte inlogpogingen')
      : allowed
  }

  async loginFailed(address: string): Promise<void> {
    if (this.settings.failedLogins > 0) await this.counter.hit(`f:${address}`, FIFTEEN_MINUTES)
  }

  private async spend(key: string, max: number, windowMs: number, what: string): Promise<Verdict> {
    if (max <= 0) return allowed
    const { count, resetAt } = await this.counter.hit(key, windowMs)
    return count > max ? this.refusal(max, windowMs, resetAt, what) : allowed
  }

  private refusal(max: number, windowMs: number, resetAt: number, what: string): Verdict {
    const retryAfterS = Math.max(1, Math.ceil((resetAt - this.now()) / 1000))
    const window =
      windowMs >= 60_000 ? `${windowMs / 60_000} minuten` : `${windowMs / 1000} seconden`
    return {
      allowed: false,
      retryAfterS,
      detail: `Te veel ${what}: hoogstens ${max} per ${window}. Probeer het over ${retryAfterS} s opnieuw.`,
    }
  }
}
