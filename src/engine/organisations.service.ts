import type { DbHandle } from '../../db/create-db.ts'
import type { Organisation } from '../../db/database.ts'
import { insertOrganisation, listOrganisations } from '../../db/queries/organisations.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { recordBeheer } from './beheer.ts'
import { commit } from './commit.ts'
import { newId } from './ids.ts'
import { type Page, pageOf } from './paging.ts'

export interface OrganisationView {
  id: string
  name: string
  kind: string
  createdAt: string
}

const view = (o: Organisation): OrganisationView => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  createdAt: o.created_at,
})

export async function createOrganisation(
  store: DbHandle,
  principal: Principal,
  input: { name: string; kind: string },
): Promise<OrganisationView> {
  authorizeRole(principal, 'organisation.create')
  return commit(store, principal, async (w) => {
    const row: Organisation = {
      id: newId('org'),
      name: input.name,
      kind: input.kind,
      created_at: w.now,
    }
    await insertOrganisation(w.tx, row)
    await recordBeheer(w, 'organisatie.aangemaakt', {
      organisationId: row.id,
      name: row.name,
      kind: row.kind,
    })
    return view(row)
  })
}

export async function listVisibleOrganisations(
  store: DbHandle,
  principal: Principal,
  page: { limit: number; after?: string | undefined },
): Promise<Page<OrganisationView>> {
  const rule = authorizeRole(principal, 'organisation.read')
  const ids = rule === 'all' ? null : principal.organisationIds
  const rows = await listOrganisations(store.db, ids, { limit: page.limit + 1, after: page.after })
  return pageOf(rows, page.limit, (o) => o.id, view)
}
