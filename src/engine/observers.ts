import type { DbHandle } from '../../db/create-db.ts'
import type { CommittedBatch } from './group-commit.ts'

/** An event that became durable: its machine and type, nothing of its content or its people. */
export interface AppendedEvent {
  machine: string
  type: string
}

/** An event refused with 422. `type` is a type the machine knows, or 'unknown'. */
export interface RefusedEvent {
  machine: string
  type: string
}

/**
 * Told what the engine did, after the fact (metrics). An observer never changes an outcome: what
 * it throws is dropped.
 */
export interface EngineObserver {
  committed?(batch: CommittedBatch): void
  appended?(events: readonly AppendedEvent[]): void
  refused?(event: RefusedEvent): void
}

const observers = new WeakMap<DbHandle, Set<EngineObserver>>()

/** Lets `observer` hear about the writes on `store`; returns the function that stops it. */
export function observeEngine(store: DbHandle, observer: EngineObserver): () => void {
  let set = observers.get(store)
  if (!set) observers.set(store, (set = new Set()))
  set.add(observer)
  return () => set.delete(observer)
}

/** Tells every observer of `store`; a failing observer is skipped, the write path goes on. */
export function notifyObservers(store: DbHandle, tell: (observer: EngineObserver) => void): void {
  const set = observers.get(store)
  if (!set) return
  for (const observer of set) {
    try {
      tell(observer)
    } catch {
      // Observing is best effort: a metric lost must never fail or delay a durable write.
    }
  }
}
