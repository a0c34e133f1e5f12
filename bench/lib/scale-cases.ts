import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../../src/access/principal.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import {
  listInstancesWithOverview,
  stalledSince,
  type InstanceListQuery,
} from '../../src/engine/instance-list.ts'
import { REPORTS, runReport, type ReportQuery } from '../../src/reports/run-report.ts'
import { inboxBaseline, listBaseline, reportBaseline, type Baseline } from './scale-baselines.ts'
import type { ScaleStoreInfo } from './scale-store.ts'

// What the scale case measures: each list, report and inbox read as the engine's own function
// does it for a principal, with the plain SQL it is held against.

export interface Case {
  group: 'list' | 'report' | 'inbox'
  name: string
  run: (store: DbHandle) => Promise<unknown>
  baseline: Baseline
}

const principal = (
  role: Principal['role'],
  organisationIds: readonly string[] | null,
): Principal => ({
  tokenId: `bench-${role}`,
  role,
  personId: null,
  organisationIds,
})
const ADMIN = principal('admin', null)
const BELEID = principal('beleid', null)

/** The six lists, for beheer and for HR of a bestuur (its schools included). */
export async function listCases(store: DbHandle, info: ScaleStoreInfo): Promise<Case[]> {
  const cases: Case[] = []
  const hr = principal('hr', info.bestuurScope)
  for (const [who, p] of [
    ['admin', ADMIN],
    ['hr bestuur', hr],
  ] as const) {
    const scope = p.organisationIds
    // Page 2 by title continues from page 1's `next`: its last title and id.
    const first = await listInstancesWithOverview(store, p, { limit: 100, sort: 'titel' })
    const cursor = Buffer.from(first.next ?? '', 'base64url').toString('utf8')
    const [title, id] = (cursor ? JSON.parse(cursor) : ['', '']) as [string, string]
    const q = info.nameFragment
    const queries: [string, InstanceListQuery, Baseline][] = [
      ['default page', { limit: 100 }, listBaseline(scope, {})],
      [
        'state=aangevraagd',
        { limit: 100, state: 'aangevraagd' },
        listBaseline(scope, { phase: 'aangevraagd' }),
      ],
      [
        'stalled=true',
        { limit: 100, stalled: true },
        listBaseline(scope, { stalledOn: stalledSince().day }),
      ],
      [`q=${q}`, { limit: 100, q }, listBaseline(scope, { name: q })],
      ['sort=-laatst', { limit: 100, sort: '-laatst' }, listBaseline(scope, { latestFirst: true })],
      [
        'sort=titel page 2',
        { limit: 100, sort: 'titel', after: first.next ?? undefined },
        listBaseline(scope, { titleAfter: [title, id] }),
      ],
    ]
    for (const [name, query, baseline] of queries) {
      const run = (s: DbHandle) => listInstancesWithOverview(s, p, query)
      cases.push({ group: 'list', name: `${who}: ${name}`, run, baseline })
    }
  }
  return cases
}

/** Every report, for beheer and beleid, over everything and over one bestuur in the last year. */
export function reportCases(info: ScaleStoreInfo): Case[] {
  const today = amsterdamDate(new Date().toISOString())
  const van = amsterdamDate(new Date(Date.now() - 365 * 86_400_000).toISOString())
  const filtered: ReportQuery = { organisationId: info.bestuurId, van, tot: today }
  const cases: Case[] = []
  for (const definition of REPORTS) {
    for (const [who, p] of [
      ['admin', ADMIN],
      ['beleid', BELEID],
    ] as const) {
      for (const [how, query] of [
        ['all', {}],
        ['bestuur, last year', filtered],
      ] as const) {
        const organisations = query.organisationId ? info.bestuurScope : null
        cases.push({
          group: 'report',
          name: `${definition.id} (${who}, ${how})`,
          run: (s) => runReport(s, p, definition.id, query),
          baseline: reportBaseline(definition.id, definition.machine, organisations, query),
        })
      }
    }
  }
  return cases
}

type ReadInbox = (store: DbHandle, p: Principal) => Promise<unknown>

/**
 * The inbox of beheer and of HR of a bestuur, when this release has the inbox module; else
 * the line that says why it is not measured.
 */
export async function inboxCases(info: ScaleStoreInfo): Promise<Case[] | string> {
  // Loaded by URL: the module may not exist yet in a release this bench runs on.
  const file = new URL('../../src/engine/inbox/inbox.service.ts', import.meta.url).href
  let readInbox: ReadInbox
  try {
    const loaded = (await import(file)) as { readInbox?: unknown }
    if (typeof loaded.readInbox !== 'function') {
      return 'inbox not measured: src/engine/inbox/inbox.service.ts has no readInbox'
    }
    readInbox = loaded.readInbox as ReadInbox
  } catch (error) {
    const why = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    return `inbox not measured: src/engine/inbox/inbox.service.ts did not load (${why})`
  }
  const readers: [string, Principal][] = [
    ['admin', ADMIN],
    ['hr bestuur', principal('hr', info.bestuurScope)],
  ]
  return readers.map(([who, p]): Case => ({
    group: 'inbox',
    name: who,
    run: (s) => readInbox(s, p),
    baseline: inboxBaseline(p.organisationIds),
  }))
}
