import { sql } from 'kysely'
import type { ControlledTransaction } from 'kysely'
import type { Database, Db } from '../../db/database.ts'

/** One caller's unit of work, waiting for a batch. */
interface Pending {
  run: (tx: Db) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  attempt: number
}

export interface GroupCommitOptions {
  /** Batches that may be open at once: 1 on SQLite (one connection, one writer). */
  lanes: number
  /** Most units in one transaction; bounds the latency one batch adds. */
  maxBatch: number
  maxAttempts: number
  /** A lost race that a fresh attempt resolves. */
  isRetryable: (error: unknown) => boolean
}

/**
 * Group commit: units of work that arrive together share one transaction and so one fsync. Each
 * unit runs in a savepoint of its own, so a unit that throws rolls back only itself; the others
 * keep their changes. No unit is settled before the shared COMMIT has returned: a result is only
 * handed out once it is durable, and when the COMMIT (or the batch machinery) fails, every unit
 * in the batch fails with that error and nothing of the batch is stored. Units are never retried
 * after a COMMIT was sent, since a lost acknowledgement could otherwise apply them twice.
 */
export class GroupCommitter {
  readonly #db: Db
  readonly #options: GroupCommitOptions
  #queue: Pending[] = []
  #busyLanes = 0
  #scheduled = false

  constructor(db: Db, options: GroupCommitOptions) {
    this.#db = db
    this.#options = options
  }

  submit<T>(run: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (value: unknown) => void, reject, attempt: 1 })
      this.#schedule()
    })
  }

  /**
   * Starts batches after the current turn of the event loop, so that every request whose bytes
   * arrived in this turn joins the same batch instead of each committing alone.
   */
  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => {
      this.#scheduled = false
      this.#fill()
    })
  }

  #fill(): void {
    while (this.#busyLanes < this.#options.lanes && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#options.maxBatch)
      this.#busyLanes++
      void this.#runBatch(batch).finally(() => {
        this.#busyLanes--
        if (this.#queue.length > 0) this.#schedule()
      })
    }
  }

  async #runBatch(batch: Pending[]): Promise<void> {
    let trx: ControlledTransaction<Database>
    try {
      trx = await this.#db.startTransaction().execute()
    } catch (error) {
      for (const unit of batch) unit.reject(error)
      return
    }
    const settle: (() => void)[] = []
    const again: Pending[] = []
    const failed = (unit: Pending, error: unknown) => {
      if (unit.attempt < this.#options.maxAttempts && this.#options.isRetryable(error)) {
        again.push({ ...unit, attempt: unit.attempt + 1 })
      } else {
        settle.push(() => unit.reject(error))
      }
    }
    try {
      const [only] = batch
      if (batch.length === 1 && only) {
        // Alone: no savepoint needed, a failure rolls back the whole transaction.
        try {
          const value = await only.run(trx)
          settle.push(() => only.resolve(value))
        } catch (error) {
          await trx.rollback().execute()
          failed(only, error)
        }
      } else {
        for (const unit of batch) await this.#runInSavepoint(trx, unit, settle, failed)
      }
      if (!trx.isRolledBack) await trx.commit().execute()
    } catch (error) {
      if (!trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => {})
      for (const unit of batch) unit.reject(error)
      return
    }
    for (const done of settle) done()
    if (again.length > 0) this.#queue.unshift(...again)
  }

  async #runInSavepoint(
    trx: ControlledTransaction<Database>,
    unit: Pending,
    settle: (() => void)[],
    failed: (unit: Pending, error: unknown) => void,
  ): Promise<void> {
    await sql`savepoint unit`.execute(trx)
    let value: unknown
    try {
      value = await unit.run(trx)
    } catch (error) {
      // If this fails (the connection or transaction is gone), the whole batch fails.
      await sql`rollback to savepoint unit`.execute(trx)
      await sql`release savepoint unit`.execute(trx)
      failed(unit, error)
      return
    }
    await sql`release savepoint unit`.execute(trx)
    settle.push(() => unit.resolve(value))
  }
}
