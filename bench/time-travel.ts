// The time-travel part of `npm run bench`, in a process of its own (run.ts starts it): seeds one
// team with TIME_TRAVEL_EVENTS events (default 1,000) at TIME_TRAVEL_PATH through the real write
// path, starts the server on it and asks GET /api/v1/instances/:id/state?at=… at
// TIME_TRAVEL_SAMPLES random moments (default 300), with and without the kept snapshots.
// Prints its result as one JSON line.
import { startEngine } from './lib/proc.ts'
import { measureTimeTravel, seedLongTeam } from './lib/time-travel.ts'

const path = process.env.TIME_TRAVEL_PATH ?? ''
if (!path) throw new Error('TIME_TRAVEL_PATH is not set')
const events = Number(process.env.TIME_TRAVEL_EVENTS ?? 1000)
const samples = Number(process.env.TIME_TRAVEL_SAMPLES ?? 300)

const began = performance.now()
const { id } = await seedLongTeam(path, events)
const seedSeconds = (performance.now() - began) / 1000
const server = await startEngine({ DATABASE_URL: `sqlite:${path}` })
try {
  const result = await measureTimeTravel(server, path, id, samples)
  console.log(JSON.stringify({ ...result, seedSeconds }))
} finally {
  await server.stop()
}
process.exit(0)
