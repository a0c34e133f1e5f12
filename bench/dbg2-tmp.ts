import { startEngine } from './lib/proc.ts'
import { driveFlow } from './lib/load.ts'
import { seed } from './lib/seed.ts'
const path = `/tmp/prof/d-${Date.now()}.sqlite`
const seeded = await seed(`sqlite:${path}`, 200)
const s = await startEngine({ DATABASE_URL: `sqlite:${path}` })
const child = (s as any)
const r = await driveFlow(s.url, seeded, seeded.instances, { connections: 50, seconds: 5, server: s })
console.log(JSON.stringify(r))
await s.stop()
process.exit(0)
