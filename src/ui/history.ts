import type { Store } from '../engine/store.ts'
import type { Principal } from '../access/principal.ts'
import type { EventView } from '../engine/read-instances.ts'
import { listInstanceEvents } from '../engine/read-instances.ts'

/** A page shows at most this many events of one history. */
export const HISTORY_LIMIT = 5000

/** The history of an instance, oldest first, through the same service as the API. */
export async function historyOf(
  store: Store,
  principal: Principal,
  id: string,
  /** The page that shows the history, for the access log. */
  route = 'geschiedenis',
): Promise<EventView[]> {
  const events: EventView[] = []
  let after: string | undefined
  while (events.length < HISTORY_LIMIT) {
    const page = await listInstanceEvents(
      store,
      principal,
      id,
      { limit: 500, after },
      `UI ${route}`,
    )
    events.push(...page.items)
    if (!page.next) break
    after = page.next
  }
  return events
}
