import { setImmediate } from 'node:timers/promises'

/** How long one synchronous stretch may run before it lets other requests in. */
export const SLICE_MS = 5

/**
 * Cuts a long piece of work into slices of about `budgetMs`, between which the event loop serves
 * other requests, timers and I/O. With SQLite every query runs synchronously, so an `await` alone
 * never lets anything else run. In a hot loop, test `due` (cheap) before awaiting `pause()`.
 */
export class Slices {
  #since = performance.now()

  constructor(readonly budgetMs = SLICE_MS) {}

  /** Whether this slice has had its time. */
  get due(): boolean {
    return performance.now() - this.#since >= this.budgetMs
  }

  /** Yields to the event loop once this slice has had its time; otherwise returns at once. */
  async pause(): Promise<void> {
    if (!this.due) return
    await setImmediate()
    this.#since = performance.now()
  }
}
