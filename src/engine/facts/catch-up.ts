import type { DbHandle } from '../../../db/create-db.ts'
import type { Db } from '../../../db/database.ts'
import { dropFacts, eventSteps, instancesBehind, upsertFacts } from '../../../db/queries/facts.ts'
import { getInstance } from '../../../db/queries/instances.ts'
import { BOOKKEEPING_TYPES, momentOf, type EffectiveMoment } from '../effective-moment.ts'
import { factsOfInstance } from './instance-facts.ts'
import { dayOf, FACT_MACHINES, instanceReach, pilotFactsOf, projectPeriods } from './project.ts'

const BATCH = 100

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json))

/** Rebuilds one instance's facts and periods from its history, in `db`'s transaction. */
export async function rebuildFacts(db: Db, instanceId: string, lock = false): Promise<void> {
  // On PostgreSQL the row lock keeps a writer (or another server catching up) out meanwhile.
  const instance = await getInstance(db, instanceId, { forUpdate: lock })
  if (!instance) return
  await dropFacts(db, instanceId)
  const reach = await instanceReach(db, instanceId)
  const steps = await eventSteps(db, instanceId)
  const start = steps[0]
  const startedOn = start
    ? dayOf({ effectiveDate: start.effective_date, recordedAt: start.recorded_at })
    : ''
  let version = 1
  let last: EffectiveMoment | null = null
  for (const step of steps) {
    const event = { effectiveDate: step.effective_date, recordedAt: step.recorded_at }
    const versionAfter = step.machine_version ?? 1
    await projectPeriods(
      db,
      { ...instance, reach, startedOn },
      {
        seq: step.seq,
        type: step.type,
        ...event,
        stateBefore: parse(step.state_before),
        versionBefore: version,
        stateAfter: parse(step.state_after),
        versionAfter,
      },
    )
    version = versionAfter
    if (!BOOKKEEPING_TYPES.includes(step.type) || last === null) last = momentOf(event)
  }
  if (!start || last === null) return
  const row = factsOfInstance(instance, {
    reach,
    seq: instance.version,
    pilot: await pilotFactsOf(db, instance.pilot_id),
    startedOn,
    last,
  })
  await upsertFacts(db, row, false)
}

/**
 * Brings the facts of every instance up to its history: those written by a release before facts
 * were kept, or (never expected) left behind. Runs at startup, in batches of short transactions;
 * returns how many instances it rebuilt.
 */
export async function catchUpFacts(store: DbHandle): Promise<number> {
  let rebuilt = 0
  let after = ''
  for (;;) {
    const ids = await instancesBehind(store.db, FACT_MACHINES, BATCH, after)
    if (ids.length === 0) return rebuilt
    await store.db.transaction().execute(async (tx) => {
      for (const id of ids) await rebuildFacts(tx, id, store.dialect === 'postgres')
    })
    rebuilt += ids.length
    after = ids[ids.length - 1] ?? after
  }
}
