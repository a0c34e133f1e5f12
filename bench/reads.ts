// The reads part of `npm run bench`, in a process of its own (run.ts starts it): a store of
// READ_INSTANCES × EVENTS_PER_INSTANCE events at READS_PATH, then history pages, verify against
// a raw scan, state-as-of and bytes per event. Prints the results as one JSON line.
import { growStore, measureReads } from './lib/reads.ts'
import { seed } from './lib/seed.ts'

const path = process.env.READS_PATH ?? ''
if (!path) throw new Error('READS_PATH is not set')
const instances = Number(process.env.READ_INSTANCES ?? 1000)
const perInstance = Number(process.env.EVENTS_PER_INSTANCE ?? 1000)

const seeded = await seed(`sqlite:${path}`, instances)
const generated = growStore(path, seeded.instances, perInstance)
console.log(JSON.stringify(await measureReads(path, seeded.instances, generated)))
process.exit(0)
