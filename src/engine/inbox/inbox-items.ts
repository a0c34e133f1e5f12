import type { DbHandle } from '../../../db/create-db.ts'
import { listInstanceFacts, type ListedRow } from '../../../db/queries/instance-list.ts'
import { explain, getMachine } from '../../../machines/index.ts'
import type { Principal } from '../../access/principal.ts'
import { factsFilterOf, isStalled, stalledSince } from '../instance-list.ts'
import type { StalledSince } from '../../../db/queries/facts-filter.ts'
import { organisationIdsOf } from '../instance-organisations.ts'
import { allowedEvents } from '../mandate.ts'
import { snapshotOf } from '../snapshot.ts'
import { transitionWords } from './transition-words.ts'

/** One instance that waits on someone, as the start page lists it. */
export interface InboxItem {
  instanceId: string
  machine: string
  title: string
  phase: string
  status: string
  /** Where it stands and whom it waits on, in a sentence. */
  words: string
  /** What keeps a team from its next phase, naming the organisations it waits on. */
  blockers: string[]
  /** The events the caller may send now (their role, reach and mandate allow them, the machine too). */
  canDo: string[]
  /** The day of its last step. */
  since: string
  stalled: boolean
}

const PAGE = 10
const OWN = 50

function teamWords(status: string, phase: string): string {
  if (status === 'afgerond') return 'Afgerond.'
  if (status === 'gestopt') return 'Gestopt.'
  if (status === 'gepauzeerd') return `Gepauzeerd, in de fase ${phase}.`
  return `In de fase ${phase}.`
}

async function itemOf(
  store: DbHandle,
  principal: Principal,
  row: ListedRow,
  since: StalledSince,
): Promise<InboxItem> {
  const snapshot = snapshotOf(row)
  const def = getMachine(row.machine_id, row.machine_version)
  const explanation = def ? explain(def, snapshot) : { possible: [], blocked: [] }
  const organisationIds = await organisationIdsOf(store.db, row.id, row.version)
  const allowed = def
    ? allowedEvents(principal, { instanceId: row.id, def, snapshot, organisationIds })
    : []
  const team = row.machine_id === 'ontwikkelteam'
  return {
    instanceId: row.id,
    machine: row.machine_id,
    title: row.title,
    phase: row.facts.phase,
    status: row.status,
    words: team
      ? teamWords(row.status, row.facts.phase)
      : transitionWords(snapshot, row.machine_version, row.status, principal.role === 'teacher'),
    blockers:
      team && row.status === 'actief'
        ? (explanation.blocked.find((b) => b.type === 'fase.volgende')?.reasons ?? [])
        : [],
    canDo: allowed.map((a) => a.type).filter((t) => explanation.possible.includes(t)),
    since: row.facts.last_on,
    stalled: isStalled(row.facts, since),
  }
}

/**
 * The items of a start page. `werk` (HR, beheer): the newest requests not yet taken up and the
 * longest stilgevallen; a machine (member, teacher): the caller's own teams or transitions,
 * latest step first.
 */
export async function itemsFor(
  store: DbHandle,
  principal: Principal,
  mode: 'werk' | 'ontwikkelteam' | 'rolovergang',
  now: Date,
): Promise<InboxItem[]> {
  const since = stalledSince(now)
  const rows: ListedRow[] = []
  if (mode === 'werk') {
    const requests = await factsFilterOf(
      store,
      principal,
      { machine: 'rolovergang', state: 'aangevraagd', status: 'actief' },
      now,
    )
    rows.push(
      ...(await listInstanceFacts(
        store.db,
        requests,
        { key: 'begonnen', desc: false },
        { limit: PAGE, after: null },
      )),
    )
    const stalled = await factsFilterOf(store, principal, { stalled: true }, now)
    rows.push(
      ...(await listInstanceFacts(
        store.db,
        stalled,
        { key: 'laatst', desc: false },
        { limit: PAGE, after: null },
      )),
    )
  } else {
    const own = await factsFilterOf(store, principal, { machine: mode }, now)
    rows.push(
      ...(await listInstanceFacts(
        store.db,
        own,
        { key: 'laatst', desc: true },
        { limit: OWN, after: null },
      )),
    )
  }
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()]
  return Promise.all(unique.map((r) => itemOf(store, principal, r, since)))
}
