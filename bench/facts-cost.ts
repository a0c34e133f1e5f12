// What keeping the facts costs the write path, measured in one process run: events written
// through the whole write path (commit, hash, group commit, fsync) per second, against the time
// the facts projection (src/engine/facts/project.ts) alone takes per event, replayed over the
// same events in a transaction that is rolled back. `npx tsx bench/facts-cost.ts` prints JSON.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '../db/create-db.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { projectEvent } from '../src/engine/facts/project.ts'
import { auditedHistory } from '../test/audit/world.ts'

const PER_MACHINE = Number(process.env.FACTS_COST_PATHS ?? 12)
const dir = mkdtempSync(join(tmpdir(), 'doorlopend-facts-'))
const store = createDb(`sqlite:${join(dir, 'facts.sqlite')}`)
class Rollback extends Error {}
try {
  await migrateToLatest(store.db)
  const began = performance.now()
  const ids = await auditedHistory(store, PER_MACHINE)
  const writeMs = performance.now() - began
  const instances = await store.db
    .selectFrom('instances')
    .selectAll()
    .where('id', 'in', ids)
    .execute()
  const events = await store.db
    .selectFrom('events')
    .selectAll()
    .where('instance_id', 'in', ids)
    .orderBy('instance_id')
    .orderBy('seq')
    .execute()
  const byId = new Map(instances.map((i) => [i.id, i]))
  let projectMs = 0
  for (let round = 0; round < 3; round++) {
    let elapsed = 0
    await store.db
      .transaction()
      .execute(async (tx) => {
        // Replayed onto empty tables, as each event first met them.
        await tx.deleteFrom('instance_periods').execute()
        await tx.deleteFrom('instance_facts').execute()
        const start = performance.now()
        for (const e of events) {
          const instance = byId.get(e.instance_id)
          if (!instance) continue
          await projectEvent(tx, instance, {
            seq: e.seq,
            type: e.type,
            effectiveDate: e.effective_date,
            recordedAt: e.recorded_at,
            stateBefore: e.state_before === null ? null : JSON.parse(e.state_before),
            versionBefore: e.machine_version ?? 1,
            stateAfter: JSON.parse(e.state_after),
            versionAfter: e.machine_version ?? 1,
          })
        }
        elapsed = performance.now() - start
        throw new Rollback()
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error
      })
    projectMs = round === 0 ? elapsed : Math.min(projectMs, elapsed)
  }
  const perEventWriteMs = writeMs / events.length
  const perEventProjectMs = projectMs / events.length
  console.log(
    JSON.stringify({
      events: events.length,
      instances: ids.length,
      writeEventsPerSecond: Math.round(1000 / perEventWriteMs),
      perEventWriteMs: Number(perEventWriteMs.toFixed(3)),
      perEventProjectionMs: Number(perEventProjectMs.toFixed(3)),
      projectionShare: Number((perEventProjectMs / perEventWriteMs).toFixed(3)),
    }),
  )
} finally {
  await store.destroy()
  rmSync(dir, { recursive: true, force: true })
}
