// The peer: DBOS Transact runs the same ontwikkelteam flow on the same PostgreSQL. Each team is
// a durable workflow; each event is a DBOS step that validates the payload, evaluates the guards
// and applies the transition with the same machine as the engine, and whose result DBOS
// checkpoints in PostgreSQL before the workflow moves on. `CONCURRENCY` teams are in flight at
// once, for `SECONDS`; prints one JSON line with the steps (events) completed.
import { DBOS } from '@dbos-inc/dbos-sdk'
import { apply, evaluate, eventDefinition, ontwikkelteam } from '../machines/index.ts'
import type { StoredSnapshot } from '../machines/types.ts'
import { flowCycle, flowStart } from './lib/flow.ts'

const url = process.env.DBOS_SYSTEM_DATABASE_URL
const concurrency = Number(process.env.CONCURRENCY ?? 50)
const seconds = Number(process.env.SECONDS ?? 10)
if (!url) throw new Error('DBOS_SYSTEM_DATABASE_URL is not set')

const ids = { orgA: 'org-esprit', orgB: 'org-hva', personId: 'p-anna' }
const script = [...flowStart(ids), ...flowCycle(ids)]
const actor = { tokenId: 'bench', role: 'admin', personId: null }
let steps = 0
let refused = 0

async function applyEvent(snapshot: StoredSnapshot, index: number): Promise<StoredSnapshot> {
  const event = { ...script[index]!, reason: null, at: new Date().toISOString(), actor }
  const definition = eventDefinition(ontwikkelteam, event.type)
  const parsed = definition?.payload.safeParse(event.payload)
  if (!parsed?.success) throw new Error(`invalid payload for ${event.type}`)
  const verdict = evaluate(ontwikkelteam, snapshot, { ...event, payload: parsed.data })
  if (!verdict.ok) {
    refused++
    return snapshot
  }
  steps++
  return apply(ontwikkelteam, snapshot, { ...event, payload: parsed.data })
}

async function teamWorkflow(initial: StoredSnapshot): Promise<number> {
  let snapshot = initial
  for (let i = 0; i < script.length; i++) {
    const index = i
    const current = snapshot
    snapshot = await DBOS.runStep(() => applyEvent(current, index), { name: `event-${index}` })
  }
  return script.length
}
const team = DBOS.registerWorkflow(teamWorkflow, { name: 'ontwikkelteam' })

DBOS.setConfig({
  name: 'doorlopend-bench',
  systemDatabaseUrl: url,
  systemDatabasePoolSize: Math.max(10, concurrency),
  logLevel: 'error',
})
await DBOS.launch()

const { start } = await import('../machines/index.ts')
const initial = start(
  ontwikkelteam,
  {
    pilotId: 'pilot-1',
    teamName: 'Ontwikkelteam Oost',
    organisations: [
      { id: ids.orgA, name: 'Esprit Scholen' },
      { id: ids.orgB, name: 'Hogeschool van Amsterdam' },
    ],
  },
  new Date().toISOString(),
)

const began = performance.now()
const deadline = began + seconds * 1000
let workflows = 0
const latencies: number[] = []
async function lane(): Promise<void> {
  while (performance.now() < deadline) {
    const t = performance.now()
    await team(initial)
    latencies.push((performance.now() - t) / script.length)
    workflows++
  }
}
const lanes = Promise.all(Array.from({ length: concurrency }, lane))
const stepsAtDeadline = await new Promise<number>((resolve) =>
  setTimeout(() => resolve(steps), seconds * 1000),
)
const elapsed = seconds
await lanes
await DBOS.shutdown()
console.log(
  JSON.stringify({
    concurrency,
    seconds: elapsed,
    steps: stepsAtDeadline,
    stepsPerSec: stepsAtDeadline / elapsed,
    workflows,
    refused,
    meanStepMs: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  }),
)
process.exit(0)
