import { machineVersions } from '../../machines/index.ts'
import { postEvent } from '../../src/engine/post-event.ts'
import type { Store } from '../../src/engine/store.ts'
import { generatedPaths } from './paths.ts'
import { actorFor, startSample } from './support.ts'

/**
 * A history to audit: `perMachine` instances of each machine version, each walked along a generated
 * path (longest first), through the engine. Returns the instance ids.
 */
export async function auditedHistory(store: Store, perMachine: number): Promise<string[]> {
  const ids: string[] = []
  for (const def of machineVersions) {
    const paths = generatedPaths(def).sort((a, b) => b.length - a.length)
    for (const path of paths.slice(0, perMachine)) {
      const id = await startSample(store, def)
      for (const event of path) {
        await postEvent(store, actorFor(def, event.type), id, {
          type: event.type,
          payload: event.payload,
          reason: event.reason ?? undefined,
        })
      }
      ids.push(id)
    }
  }
  return ids
}
