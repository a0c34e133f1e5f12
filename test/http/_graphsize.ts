import { machines, start, sampleInput, explain } from '../../machines/index.ts'
import { planWalks, vertexKey } from './paths.plan.ts'
for (const def of Object.values(machines)) {
  const t0 = Date.now()
  const root = start(def, sampleInput(def), '2025-01-01T00:00:00.000Z')
  const plan = planWalks(def, root, def.id === 'ontwikkelteam' ? { personIds: ['p1', 'p2', 'p3'] } : {})
  const steps = plan.walks.reduce((n, w) => n + w.length, 0)
  const keys = new Set<string>()
  let blocked = 0
  for (const w of plan.walks) for (const s of [w[0]!.before, ...w.map((x) => x.after)]) {
    const k = vertexKey(def, s); if (keys.has(k)) continue; keys.add(k); blocked += explain(def, s).blocked.length
  }
  console.log(def.id, 'pairs', plan.pairs.size, 'walks', plan.walks.length, 'steps', steps, 'vertices', keys.size, 'blocked', blocked, Date.now() - t0, 'ms')
}
