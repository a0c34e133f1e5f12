import { CompiledQuery } from 'kysely'
import type { ControlledTransaction } from 'kysely'
import type { Database, Db } from '../../db/database.ts'

const SAVEPOINT = 'savepoint unit'
const ROLLBACK_TO_SAVEPOINT = 'rollback to savepoint unit'
const RELEASE_SAVEPOINT = 'release savepoint unit'

/** Lets a unit take a key (an instance) for its batch; see GroupCommitter. */
export type Claim = (key: string) => void

/** One caller's unit of work, waiting for a batch. */
interface Pending {
  run: (tx: Db, claim: Claim) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  attempt: number
}

export interface GroupCommitOptions {
  /**
   * Batches that may be open at once: 1 on SQLite (one connection, one writer); on PostgreSQL
   * several, each on its own connection.
   */
  lanes: number
  /** Most units in one transaction; bounds the latency one batch adds. */
  maxBatch: number
  maxAttempts: number
  /** A lost race that a fresh attempt resolves. */
  isRetryable: (error: unknown) => boolean
  /**
   * The database takes several statements in one query (PostgreSQL's simple protocol): a unit's
   * closing savepoint statements then travel with the next unit's SAVEPOINT, one round trip.
   */
  multiStatement?: boolean
  /**
   * Told after each shared COMMIT: how many units the batch held and how long it took. Must not
   * throw.
   */
  onCommitted?: (batch: CommittedBatch) => void
}

/** One shared transaction that committed, for observers (metrics). */
export interface CommittedBatch {
  /** Units of work in the batch, those that rolled back their savepoint included. */
  units: number
  /** From BEGIN until COMMIT returned. */
  seconds: number
}

/**
 * Group commit: units of work that arrive together share one transaction and so one fsync. Each
 * unit runs in a savepoint of its own, so a unit that throws rolls back only itself; the others
 * keep their changes. No unit is settled before the shared COMMIT has returned: a result is only
 * handed out once it is durable, and when the COMMIT (or the batch machinery) fails, every unit
 * in the batch fails with that error and nothing of the batch is stored. Units are never retried
 * after a COMMIT was sent, since a lost acknowledgement could otherwise apply them twice.
 *
 * With several lanes, a unit claims each instance it locks. A unit that finds its instance
 * claimed by another open batch steps back (rolls back its savepoint) and runs again once that
 * batch is done, instead of waiting on the database's row lock inside its own batch: two batches
 * that waited on each other's rows would deadlock.
 */
export class GroupCommitter {
  readonly #db: Db
  readonly #options: GroupCommitOptions
  #queue: Pending[] = []
  #busyLanes = 0
  #scheduled = false
  /** Instance → the open batch that holds it (only with more than one lane). */
  readonly #claims = new Map<string, Batch>()

  constructor(db: Db, options: GroupCommitOptions) {
    this.#db = db
    this.#options = options
  }

  submit<T>(run: (tx: Db, claim: Claim) => Promise<T>): Promise<T> {
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
      const open = new Batch()
      void this.#runBatch(batch, this.#claimFor(open)).finally(() => {
        this.#busyLanes--
        open.done = true
        for (const [key, owner] of this.#claims) if (owner === open) this.#claims.delete(key)
        this.#queue.unshift(...open.waiters)
        if (this.#queue.length > 0) this.#schedule()
      })
    }
  }

  #claimFor(batch: Batch): Claim {
    if (this.#options.lanes === 1) return () => {}
    return (key) => {
      const owner = this.#claims.get(key)
      if (owner && owner !== batch) throw new Claimed(owner)
      this.#claims.set(key, batch)
    }
  }

  async #runBatch(batch: Pending[], claim: Claim): Promise<void> {
    const started = performance.now()
    let trx: ControlledTransaction<Database>
    try {
      trx = await this.#db.startTransaction().execute()
    } catch (error) {
      for (const unit of batch) unit.reject(error)
      return
    }
    const settle: (() => void)[] = []
    const again: Pending[] = []
    const deferred = new Set<Pending>()
    /** Deferred units whose holder finished meanwhile: they run again whatever becomes of us. */
    const requeue: Pending[] = []
    const failed = (unit: Pending, error: unknown) => {
      if (error instanceof Claimed) {
        // Runs again after the batch that holds its instance, whatever becomes of this one.
        if (error.owner.done) requeue.push(unit)
        else error.owner.waiters.push(unit)
        deferred.add(unit)
      } else if (unit.attempt < this.#options.maxAttempts && this.#options.isRetryable(error)) {
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
          const value = await only.run(trx, claim)
          settle.push(() => only.resolve(value))
        } catch (error) {
          await trx.rollback().execute()
          failed(only, error)
        }
      } else {
        let closing: string[] = []
        for (const unit of batch) {
          closing = await this.#runInSavepoint(trx, unit, claim, closing, settle, failed)
        }
        await this.#send(trx, closing)
      }
      if (!trx.isRolledBack) await trx.commit().execute()
    } catch (error) {
      if (!trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => {})
      for (const unit of batch) if (!deferred.has(unit)) unit.reject(error)
      this.#queue.unshift(...requeue)
      return
    }
    for (const done of settle) done()
    this.#queue.unshift(...requeue, ...again)
    if (trx.isCommitted) {
      this.#options.onCommitted?.({
        units: batch.length,
        seconds: (performance.now() - started) / 1000,
      })
    }
  }

  /**
   * Runs `unit` in a savepoint of its own, after sending `closing` (the previous unit's closing
   * statements). Returns this unit's closing statements, not yet sent: nothing else runs on the
   * connection before them. If they fail (the connection or transaction is gone), the whole batch
   * fails.
   */
  async #runInSavepoint(
    trx: ControlledTransaction<Database>,
    unit: Pending,
    claim: Claim,
    closing: string[],
    settle: (() => void)[],
    failed: (unit: Pending, error: unknown) => void,
  ): Promise<string[]> {
    await this.#send(trx, [...closing, SAVEPOINT])
    let value: unknown
    try {
      value = await unit.run(trx, claim)
    } catch (error) {
      failed(unit, error)
      return [ROLLBACK_TO_SAVEPOINT, RELEASE_SAVEPOINT]
    }
    settle.push(() => unit.resolve(value))
    return [RELEASE_SAVEPOINT]
  }

  /** Sends statements in order: in one query where the database takes several. */
  async #send(trx: ControlledTransaction<Database>, statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return
    if (this.#options.multiStatement) {
      await trx.executeQuery(compiled(statements.join('; ')))
      return
    }
    for (const statement of statements) await trx.executeQuery(compiled(statement))
  }
}

const compiledStatements = new Map<string, CompiledQuery>()

/** The few savepoint statement texts, compiled once. */
function compiled(text: string): CompiledQuery {
  let query = compiledStatements.get(text)
  if (!query) compiledStatements.set(text, (query = CompiledQuery.raw(text)))
  return query
}

/** An open batch, and the units waiting for it to finish before they run again. */
class Batch {
  readonly waiters: Pending[] = []
  done = false
}

/** A unit found its instance held by another open batch. */
class Claimed extends Error {
  constructor(readonly owner: Batch) {
    super('instance held by another batch')
  }
}
