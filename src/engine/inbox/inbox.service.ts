import type { DbHandle } from '../../../db/create-db.ts'
import { inboxCounts, openQuestions } from '../../../db/queries/inbox.ts'
import { authorizeRole, ruleFor, type Role } from '../../access/policy.ts'
import type { Principal } from '../../access/principal.ts'
import { REPORTS } from '../../reports/run-report.ts'
import { QUESTIONS } from '../questions.ts'
import { factsFilterOf, stalledSince } from '../instance-list.ts'
import { auditDue, type AuditDue } from './audit-due.ts'
import { itemsFor, type InboxItem } from './inbox-items.ts'

/** A number on the start page, with the list query (GET /instances) that shows what it counts. */
export interface InboxCount {
  key: string
  label: string
  count: number
  query: Record<string, string>
}

export interface Inbox {
  role: Role
  counts: InboxCount[]
  /** What waits on the caller or their organisation, most pressing first. */
  items: InboxItem[]
  audit: AuditDue | null
  reports: { id: string; title: string }[]
}

const QUESTION_LABELS: Record<string, string> = {
  toegang: 'Open vragen over toegang',
  ondersteuning: 'Open vragen over ondersteuning',
  facilitering: 'Open vragen over facilitering',
  erkenning: 'Open vragen over erkenning',
}

/** HR's and beheer's numbers: new requests, open questions per kind, stalled, waiting on the teacher. */
async function workCounts(store: DbHandle, principal: Principal, now: Date): Promise<InboxCount[]> {
  const filter = await factsFilterOf(store, principal, {}, now)
  const { standing, stalled } = await inboxCounts(store.db, filter, stalledSince(now))
  const sum = (keep: (r: (typeof standing)[number]) => boolean) =>
    standing.filter(keep).reduce((total, r) => total + r.count, 0)
  const transition = (r: (typeof standing)[number]) => r.machine === 'rolovergang'
  const stalledOf = (machine: string) => stalled.find((s) => s.machine === machine)?.count ?? 0
  const questions = await openQuestions(
    store.db,
    { ...filter, machineIds: ['rolovergang'] },
    QUESTIONS,
  )
  return [
    {
      key: 'nieuwe-aanvragen',
      label: 'Nieuwe aanvragen',
      count: sum((r) => transition(r) && r.phase === 'aangevraagd' && r.status === 'actief'),
      query: { machine: 'rolovergang', state: 'aangevraagd', status: 'actief' },
    },
    ...['toegang', 'ondersteuning', 'facilitering', 'erkenning'].map((q) => ({
      key: `open-${q}`,
      label: QUESTION_LABELS[q] ?? q,
      count: questions.find((x) => x.part === q)?.count ?? 0,
      query: { machine: 'rolovergang', status: 'actief', openQuestion: q },
    })),
    {
      key: 'wacht-op-leraar',
      label: 'Afspraken die wachten op de leraar',
      count: sum((r) => transition(r) && r.waitingOn === 'leraar'),
      query: { machine: 'rolovergang', waitingOn: 'leraar' },
    },
    {
      key: 'stil-rolovergangen',
      label: 'Stilgevallen rolovergangen',
      count: stalledOf('rolovergang'),
      query: { machine: 'rolovergang', stalled: 'true' },
    },
    {
      key: 'stil-teams',
      label: 'Stilgevallen ontwikkelteams',
      count: stalledOf('ontwikkelteam'),
      query: { machine: 'ontwikkelteam', stalled: 'true' },
    },
  ]
}

/** Members' and teachers' numbers, over their own teams or transitions. */
function ownCounts(items: InboxItem[], machine: string): InboxCount[] {
  const noun = machine === 'ontwikkelteam' ? 'teams' : 'rolovergangen'
  return [
    {
      key: 'lopend',
      label: `Uw lopende ${noun}`,
      count: items.filter((i) => i.status === 'actief' || i.status === 'gepauzeerd').length,
      query: { machine },
    },
    {
      key: 'aan-u',
      label: 'Waar u nu iets kunt doen',
      count: items.filter((i) => i.canDo.length > 0).length,
      query: { machine },
    },
    {
      key: 'stil',
      label: `Stilgevallen ${noun}`,
      count: items.filter((i) => i.stalled).length,
      query: { machine, stalled: 'true' },
    },
  ]
}

/**
 * The caller's "te doen": what the machines say waits on them or their organisation, within what
 * their role and mandate reach, with the counts their start page shows. No names: ids, titles and
 * the machines' own words.
 */
export async function readInbox(
  store: DbHandle,
  principal: Principal,
  now = new Date(),
): Promise<Inbox> {
  authorizeRole(principal, 'inbox.read')
  const role = principal.role
  const reports = ruleFor(role, 'report.read')
    ? REPORTS.map((r) => ({ id: r.id, title: r.title }))
    : []
  const audit = ruleFor(role, 'audit.read') ? await auditDue(store, now) : null
  if (role === 'hr' || role === 'admin') {
    const counts = await workCounts(store, principal, now)
    return { role, counts, items: await itemsFor(store, principal, 'werk', now), audit, reports }
  }
  if (role === 'member' || role === 'teacher') {
    const machine = role === 'member' ? 'ontwikkelteam' : 'rolovergang'
    const items = await itemsFor(store, principal, machine, now)
    return { role, counts: ownCounts(items, machine), items, audit, reports }
  }
  return { role, counts: [], items: [], audit, reports }
}
