import type { ScopeRule } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'

export interface Page<T> {
  items: T[]
  next: string | null
}

/** Turns `limit + 1` fetched rows into a page and the cursor of its last item. */
export function pageOf<R, T>(
  rows: R[],
  limit: number,
  cursor: (row: R) => string,
  view: (row: R) => T,
): Page<T> {
  const more = rows.length > limit
  const items = more ? rows.slice(0, limit) : rows
  const last = items[items.length - 1]
  return { items: items.map(view), next: more && last ? cursor(last) : null }
}

/** The list filter a scope rule implies for a principal. */
export function listScope(
  principal: Principal,
  rule: ScopeRule,
): { scopeOrganisationIds: readonly string[] | null; scopePersonId: string | null } {
  switch (rule) {
    case 'all':
      return { scopeOrganisationIds: null, scopePersonId: null }
    case 'organisations':
      return { scopeOrganisationIds: principal.organisationIds, scopePersonId: null }
    case 'self':
    case 'coordinator':
      return { scopeOrganisationIds: null, scopePersonId: principal.personId ?? '\u0000none' }
  }
}
