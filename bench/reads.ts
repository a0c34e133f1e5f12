// The reads part of `npm run bench`, in processes of their own (run.ts starts them), so that no
// measurement shares a heap with the load generator or with the generation of the store:
//   READS_PHASE=grow     seeds READ_INSTANCES teams at READS_PATH and grows each to
//                        EVENTS_PER_INSTANCE events; keeps the team ids beside the file;
//   READS_PHASE=measure  history pages, verify against a raw scan, state-as-of, bytes per event;
//   READS_PHASE=contend  starts the server on the store and measures /health, a history page and
//                        an event post while a whole-store verify and an export run in it.
// Each prints its result as one JSON line.
import { readFileSync, writeFileSync } from 'node:fs'
import { measureLongReads } from './lib/long-reads.ts'
import { startEngine } from './lib/proc.ts'
import { growStore, measureReads } from './lib/reads.ts'
import { seed } from './lib/seed.ts'

const path = process.env.READS_PATH ?? ''
if (!path) throw new Error('READS_PATH is not set')
const teamsFile = `${path}.teams.json`

if (process.env.READS_PHASE === 'grow') {
  const seeded = await seed(`sqlite:${path}`, Number(process.env.READ_INSTANCES ?? 1000))
  const seconds = growStore(path, seeded.instances, Number(process.env.EVENTS_PER_INSTANCE ?? 1000))
  writeFileSync(teamsFile, JSON.stringify(seeded.instances))
  console.log(JSON.stringify({ seconds }))
} else if (process.env.READS_PHASE === 'contend') {
  const teams = JSON.parse(readFileSync(teamsFile, 'utf8')) as string[]
  const server = await startEngine({ DATABASE_URL: `sqlite:${path}` })
  try {
    console.log(JSON.stringify(await measureLongReads(server.url, teams)))
  } finally {
    await server.stop()
  }
} else {
  const teams = JSON.parse(readFileSync(teamsFile, 'utf8')) as string[]
  const generated = Number(process.env.GENERATE_SECONDS ?? 0)
  console.log(JSON.stringify(await measureReads(path, teams, generated)))
}
process.exit(0)
