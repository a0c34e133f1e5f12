import type { Context } from 'hono'
import { storeAnswers } from '../engine/store.ts'
import type { Store } from '../engine/store.ts'

/** How long /ready waits for the database before it says it is not ready. */
export const READY_BOUND_MS = 2000

export interface ReadinessDeps {
  store: Store
  /** True once the server is shutting down: it finishes what it has, and takes nothing new. */
  draining?: () => boolean
}

type Answer = { status: 'ready' } | { status: 'unavailable'; reason: string; detail: string }

/** Whether this process should get traffic, answered within READY_BOUND_MS. */
export async function readiness(deps: ReadinessDeps): Promise<Answer> {
  if (deps.draining?.()) {
    return { status: 'unavailable', reason: 'shutting down', detail: 'De server wordt afgesloten.' }
  }
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), READY_BOUND_MS)
  })
  const answer = await Promise.race([storeAnswers(deps.store), late])
  clearTimeout(timer)
  if (answer === true) return { status: 'ready' }
  if (answer === 'late') {
    return {
      status: 'unavailable',
      reason: 'database timeout',
      detail: `De database antwoordde niet binnen ${READY_BOUND_MS / 1000} s.`,
    }
  }
  return {
    status: 'unavailable',
    reason: 'database unreachable',
    detail: 'De database is niet bereikbaar.',
  }
}

/** GET /ready: 200 when ready, else 503 saying why. */
export function readyRoute(deps: ReadinessDeps) {
  return async function ready(c: Context) {
    const answer = await readiness(deps)
    return answer.status === 'ready' ? c.json(answer) : c.json(answer, 503)
  }
}
