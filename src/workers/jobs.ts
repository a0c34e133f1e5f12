import type { DbHandle } from '../../db/create-db.ts'
import { checkpointOf } from '../audit/checkpoint.service.ts'
import type { SigningKey } from '../audit/signing-key.ts'
import { verifyChains } from '../engine/verify.ts'

/**
 * What a worker thread can be asked to do, each on a database handle of its own. Arguments and
 * results cross the thread boundary by structured clone: plain data and KeyObjects only.
 */
export const jobs = {
  verify: (store: DbHandle, args: { instanceIds?: string[] | undefined }) =>
    verifyChains(store, args.instanceIds),
  checkpoint: (store: DbHandle, args: { at: string; key: SigningKey }) =>
    checkpointOf(store, args.at, args.key),
}

export type JobName = keyof typeof jobs
export type JobArgs<J extends JobName> = Parameters<(typeof jobs)[J]>[1]
export type JobResult<J extends JobName> = Awaited<ReturnType<(typeof jobs)[J]>>

/** Runs the job called `name` (for the worker, which gets the name and arguments as data). */
export function runJob(store: DbHandle, name: JobName, args: unknown): Promise<unknown> {
  const job = jobs[name] as (store: DbHandle, args: unknown) => Promise<unknown>
  return job(store, args)
}
