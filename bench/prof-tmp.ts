import { createDb } from '../db/create-db.ts'
import { createApp } from '../src/http/app.ts'
import { seed, BENCH_SECRET } from './lib/seed.ts'
import { flowEvent, flowCycle } from './lib/flow.ts'
const path = `/tmp/prof/p-${Date.now()}.sqlite`
const seeded = await seed(`sqlite:${path}`, 50)
const store = createDb(`sqlite:${path}`, { unsafeNoSync: process.env.NOSYNC === "1" })
const app = createApp({ store })
const pos = new Map<string, number>()
const cycle = flowCycle(seeded)
const post = async (i: number) => {
  const inst = seeded.instances[i % seeded.instances.length]!
  const n = pos.get(inst) ?? 0
  const res = await app.request(`/api/v1/instances/${inst}/events`, { method: 'POST', headers: { authorization: `Bearer ${BENCH_SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify(flowEvent(seeded, n, cycle)) })
  await res.text()
  if (res.status !== 200) throw new Error(String(res.status))
  pos.set(inst, n + 1)
}
for (let i = 0; i < 500; i++) await post(i)
const t = performance.now()
const N = Number(process.env.N ?? 2000)
for (let i = 0; i < N; i++) await post(i)
console.log('sequential µs/event', Math.round((performance.now() - t) * 1000 / N))
const t2 = performance.now()
for (let k = 0; k < N / 50; k++) await Promise.all(Array.from({ length: 50 }, (_, j) => post(k * 50 + j)))
console.log('50 concurrent µs/event', Math.round((performance.now() - t2) * 1000 / N))
process.exit(0)
