// A worker thread for long reads (whole-store verify, checkpoints): each job opens its own handle
// on the database, so their CPU time is spent beside the server's event loop, not on it.
import { parentPort } from 'node:worker_threads'
import { createDb } from '../../db/create-db.ts'
import { runJob } from './jobs.ts'
import type { JobRequest, WorkerMessage } from './pool.ts'

const port = parentPort
if (!port) throw new Error('read.worker.ts runs as a worker thread')
const post = (message: WorkerMessage) => port.postMessage(message)

async function handle(request: JobRequest): Promise<void> {
  const store = createDb(request.url, { postgres: { ...request.postgres, poolSize: 1 } })
  try {
    post({ value: await runJob(store, request.job, request.args) })
  } catch (error) {
    post({ error: error instanceof Error ? error.message : String(error) })
  } finally {
    await store.destroy()
  }
}

port.on('message', (request: JobRequest) => void handle(request))
post({ ready: true })
