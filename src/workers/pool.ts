import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { parseDatabaseUrl } from '../../db/create-db.ts'
import type { DbHandle, PostgresSettings } from '../../db/create-db.ts'
import { startWorker } from '../worker-entry.ts'
import type { JobArgs, JobName, JobResult } from './jobs.ts'

/** What a worker is asked: one job on the database at `url`. */
export interface JobRequest {
  url: string
  postgres?: Partial<PostgresSettings> | undefined
  job: JobName
  args: unknown
}

/** What a worker says: that it has loaded, or how its job ended. */
export type WorkerMessage = { ready: true } | { value: unknown } | { error: string }

/** Workers at most: a core stays free for the event loop, and a few at once are plenty. */
const SIZE = Math.max(1, Math.min(4, availableParallelism() - 1))
/** An idle worker ends after this long; the next job starts a fresh one. */
const IDLE_MS = 30_000

interface Slot {
  worker: Worker
  ready: Promise<void>
  busy: boolean
  pending?: { resolve: (value: unknown) => void; reject: (error: Error) => void } | undefined
  idle?: NodeJS.Timeout | undefined
}

const slots: Slot[] = []
const waiting: { resolve: (slot: Slot) => void; reject: (error: unknown) => void }[] = []
/** Set when a worker could not start: every later job runs in-process. */
let unavailable = false

/** The worker's entry: started from the sources through tsx, or from its bundle next to ours. */
const ENTRY = new URL('./read.worker.ts', import.meta.url)

function spawn(): Slot {
  const worker = startWorker(ENTRY)
  let loaded: () => void = () => {}
  let failedToLoad: (error: Error) => void = () => {}
  const slot: Slot = {
    worker,
    busy: true,
    ready: new Promise<void>((resolve, reject) => {
      loaded = resolve
      failedToLoad = reject
    }),
  }
  const fail = (error: Error) => {
    const at = slots.indexOf(slot)
    if (at < 0) return
    slots.splice(at, 1)
    clearTimeout(slot.idle)
    failedToLoad(error)
    slot.pending?.reject(error)
    slot.pending = undefined
    // A job waiting for a slot gets a fresh worker in place of this one.
    const next = waiting.shift()
    if (next) void acquire().then(next.resolve, next.reject)
  }
  worker.on('message', (message: WorkerMessage) => {
    if ('ready' in message) return loaded()
    const pending = slot.pending
    slot.pending = undefined
    if ('error' in message) pending?.reject(new Error(message.error))
    else pending?.resolve(message.value)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the worker thread ended (exit code ${code})`)))
  slots.push(slot)
  return slot
}

async function acquire(): Promise<Slot> {
  const idle = slots.find((s) => !s.busy)
  if (idle) {
    clearTimeout(idle.idle)
    idle.busy = true
    return idle
  }
  if (slots.length < SIZE) {
    const slot = spawn()
    await slot.ready
    return slot
  }
  return new Promise<Slot>((resolve, reject) => waiting.push({ resolve, reject }))
}

function release(slot: Slot): void {
  if (!slots.includes(slot)) return
  const next = waiting.shift()
  if (next) return next.resolve(slot)
  slot.busy = false
  // An idle worker does not keep the process alive, and ends after a while.
  slot.worker.unref()
  slot.idle = setTimeout(() => void slot.worker.terminate(), IDLE_MS)
  slot.idle.unref()
}

function runOn(slot: Slot, request: JobRequest): Promise<unknown> {
  slot.worker.ref()
  return new Promise((resolve, reject) => {
    slot.pending = { resolve, reject }
    slot.worker.postMessage(request)
  })
}

/** The URL a worker can open the store with; undefined when it cannot (in-memory, or unknown). */
function reopenable(store: DbHandle): DbHandle['reopen'] {
  const reopen = store.reopen
  if (!reopen) return undefined
  const { dialect, target } = parseDatabaseUrl(reopen.url)
  if (dialect === 'sqlite' && (target === ':memory:' || target.startsWith('file::memory:'))) {
    return undefined
  }
  return reopen
}

/**
 * Runs `job` in a worker thread with a database handle of its own, so that the CPU it takes is not
 * the event loop's; `inProcess` runs it here instead when no worker can: an in-memory database, a
 * handle that cannot be reopened, or a worker that failed to start (then for every later job too).
 */
export async function runOffThread<J extends JobName>(
  store: DbHandle,
  job: J,
  args: JobArgs<J>,
  inProcess: () => Promise<JobResult<J>>,
): Promise<JobResult<J>> {
  const reopen = reopenable(store)
  if (unavailable || !reopen) return inProcess()
  let slot: Slot
  try {
    slot = await acquire()
  } catch {
    unavailable = true
    return inProcess()
  }
  try {
    const request: JobRequest = { url: reopen.url, postgres: reopen.postgres, job, args }
    return (await runOn(slot, request)) as JobResult<J>
  } finally {
    release(slot)
  }
}

/** Ends every worker thread (a job still running fails). */
export async function stopWorkers(): Promise<void> {
  await Promise.all(slots.map((s) => s.worker.terminate()))
}
