import type { EventRow } from '../../db/database.ts'
import { listEvents } from '../../db/queries/events.ts'
import { OntwikkelteamContext } from '../../machines/ontwikkelteam.context.ts'
import { OntwikkelteamV2Context } from '../../machines/ontwikkelteam.v2.context.ts'
import type { Principal } from '../access/principal.ts'
import { amsterdamDate } from '../audit/effective-date.ts'
import { ProblemError, notFound } from '../errors.ts'
import type { CycleComparison } from './cycle-view.ts'
import { V1_NOTE, compareCyclesV1 } from './cycles-v1.ts'
import { compareCyclesV2 } from './cycles-v2.ts'
import { loadVisibleInstance } from './read-instances.ts'
import { snapshotOf } from './snapshot.ts'
import type { Store } from './store.ts'

export type { CycleComparison, CycleEvaluation, CycleView } from './cycle-view.ts'

const PAGE = 500

async function historyRows(store: Store, instanceId: string): Promise<EventRow[]> {
  const rows: EventRow[] = []
  for (;;) {
    const page = await listEvents(store.db, instanceId, {
      after: rows.at(-1)?.seq ?? 0,
      limit: PAGE,
    })
    rows.push(...page)
    if (page.length < PAGE) return rows
  }
}

const unreadable = (id: string) =>
  new ProblemError(
    409,
    'unreadable-context',
    'Team data cannot be compared',
    `De gegevens van team '${id}' passen niet bij zijn procesversie; de cycli kunnen niet worden vergeleken. Meld dit aan de beheerder.`,
  )

/**
 * The cycles of an ontwikkelteam side by side, for whoever may read the team (the same scope
 * check as reading the instance; 404 outside it, and for a process that is no team). A team of
 * version 1 answers too, with what version 1 records and a note on what it does not.
 */
export async function readCycles(
  store: Store,
  principal: Principal,
  instanceId: string,
  now: Date = new Date(),
): Promise<CycleComparison> {
  const instance = await loadVisibleInstance(store, principal, instanceId)
  if (instance.machine_id !== 'ontwikkelteam') throw notFound('Team', instanceId)
  const context = snapshotOf(instance).context
  const today = amsterdamDate(now.toISOString())
  if (instance.machine_version >= 2) {
    const parsed = OntwikkelteamV2Context.safeParse(context)
    if (!parsed.success) throw unreadable(instanceId)
    return {
      instanceId,
      machineVersion: instance.machine_version,
      note: null,
      items: compareCyclesV2(parsed.data, today),
    }
  }
  const parsed = OntwikkelteamContext.safeParse(context)
  if (!parsed.success) throw unreadable(instanceId)
  return {
    instanceId,
    machineVersion: instance.machine_version,
    note: V1_NOTE,
    items: compareCyclesV1(parsed.data, await historyRows(store, instanceId), today),
  }
}
