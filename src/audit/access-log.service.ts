import { insertAccessLog, listAccessLog } from '../../db/queries/audit-access-log.ts'
import { getPerson } from '../../db/queries/people.ts'
import type { AccessLogRow } from '../../db/queries/audit-access-log.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { newId } from '../engine/ids.ts'
import { type Page, pageOf } from '../engine/paging.ts'
import type { Store } from '../engine/store.ts'
import { notFound } from '../errors.ts'

/**
 * Records that `principal` read these people's personal data through `route`. Call it before
 * the data leaves the service: no read without its entry. Not on a hash chain: it logs reads, not
 * changes (the one write a read may do).
 */
export async function logPersonalDataRead(
  store: Store,
  principal: Principal,
  people: readonly { id: string; organisationId: string | null }[],
  route: string,
): Promise<void> {
  const at = new Date().toISOString()
  await insertAccessLog(
    store.db,
    people.map((p) => ({
      id: newId('acc'),
      at,
      token_id: principal.tokenId,
      role: principal.role,
      person_id: p.id,
      organisation_id: p.organisationId,
      route,
    })),
  )
}

export interface AccessLogView {
  id: string
  at: string
  tokenId: string
  tokenName: string | null
  role: string
  personId: string
  route: string
}

const view = (r: AccessLogRow): AccessLogView => ({
  id: r.id,
  at: r.at,
  tokenId: r.token_id,
  tokenName: r.token_name,
  role: r.role,
  personId: r.person_id,
  route: r.route,
})

/**
 * The access log, oldest first: admin all of it, an auditor that of its organisations' people,
 * a teacher (or member) who read their own data.
 */
export async function readAccessLog(
  store: Store,
  principal: Principal,
  query: { personId?: string | undefined; limit: number; after?: string | undefined },
): Promise<Page<AccessLogView>> {
  const rule = authorizeRole(principal, 'accesslog.read')
  let personId = query.personId ?? null
  let organisationIds: readonly string[] | null = null
  if (rule === 'organisations') organisationIds = principal.organisationIds
  if (rule === 'self' || rule === 'coordinator') {
    if (personId !== null && personId !== principal.personId) throw notFound('Persoon', personId)
    personId = principal.personId ?? '\u0000none'
  }
  const rows = await listAccessLog(
    store.db,
    { personId, organisationIds },
    { limit: query.limit + 1, after: query.after },
  )
  return pageOf(rows, query.limit, (r) => r.id, view)
}

/** At sign-in the page header shows the holder's own name: one entry covers the session. */
export async function logSignIn(store: Store, principal: Principal): Promise<void> {
  if (!principal.personId) return
  const person = await getPerson(store.db, principal.personId)
  await logPersonalDataRead(
    store,
    principal,
    [{ id: principal.personId, organisationId: person?.organisation_id ?? null }],
    'UI aanmelden',
  )
}
