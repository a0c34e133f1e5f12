// The scale part of `npm run bench`, in processes of their own (run.ts starts them), so that the
// measurement shares no heap with the writing of the store:
//   SCALE_PHASE=build    writes SCALE_INSTANCES instances with SCALE_EVENTS events in all at
//                        SCALE_PATH through the real migrations, and builds their facts with the
//                        engine's catch-up (timed);
//   SCALE_PHASE=measure  lists, reports and the inbox on that store, each against plain SQL over
//                        the same rows.
// Each prints its result as one JSON line.
import { readFileSync } from 'node:fs'
import { measureScale } from './lib/scale.ts'
import { buildScaleStore, type ScaleStoreInfo } from './lib/scale-store.ts'

const path = process.env.SCALE_PATH ?? ''
if (!path) throw new Error('SCALE_PATH is not set')

if (process.env.SCALE_PHASE === 'build') {
  const info = await buildScaleStore(path, {
    instances: Number(process.env.SCALE_INSTANCES ?? 100_000),
    events: Number(process.env.SCALE_EVENTS ?? 1_000_000),
  })
  console.log(JSON.stringify(info))
} else {
  const info = JSON.parse(readFileSync(`${path}.scale.json`, 'utf8')) as ScaleStoreInfo
  console.log(JSON.stringify(await measureScale(path, info)))
}
process.exit(0)
