import { startEngine } from './lib/proc.ts'
import { driveFlow } from './lib/load.ts'
import { seed } from './lib/seed.ts'
import { freshSchema, dropSchema } from './lib/postgres.ts'
const base = 'postgres://postgres@127.0.0.1:5432/test'
const url = await freshSchema(base)
const seeded = await seed(url, 220)
const s = await startEngine({ DATABASE_URL: url })
await driveFlow(s.url, seeded, seeded.instances.slice(200), { connections: 10, seconds: 2 })
const r = await driveFlow(s.url, seeded, seeded.instances.slice(0, 200), { connections: 50, seconds: 6, server: s })
console.log(JSON.stringify(r))
await s.stop()
await dropSchema(base, url)
process.exit(0)
