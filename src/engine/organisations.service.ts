import type { DbHandle } from '../../db/create-db.ts'
import type { Organisation } from '../../db/database.ts'
import {
  getOrganisations,
  insertOrganisation,
  listOrganisations,
} from '../../db/queries/organisations.ts'
import { badRequest } from '../errors.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { recordBeheer } from './beheer.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import { newId } from './ids.ts'
import { type Page, pageOf } from './paging.ts'

export interface OrganisationView {
  id: string
  name: string
  kind: string
  /** The bestuur it belongs to, or null. */
  parentId: string | null
  createdAt: string
}

const view = (o: Organisation): OrganisationView => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  parentId: o.parent_id,
  createdAt: o.created_at,
})

export async function createOrganisation(
  store: DbHandle,
  principal: Principal,
  input: { name: string; kind: string; parentId?: string | undefined },
  options: OnceOptions = {},
): Promise<OrganisationView> {
  authorizeRole(principal, 'organisation.create')
  return commitOnce(store, principal, options.idempotency, async (w) => {
    if (input.parentId !== undefined) {
      const [parent] = await getOrganisations(w.tx, [input.parentId])
      if (!parent) {
        throw badRequest(`Organisatie '${input.parentId}' bestaat niet.`, [
          { path: 'parentId', message: 'Kies een bestaand bestuur.' },
        ])
      }
      if (parent.kind !== 'bestuur') {
        throw badRequest(
          `${parent.name} is geen bestuur; een organisatie hoort alleen bij een bestuur.`,
          [{ path: 'parentId', message: 'Kies een organisatie van de soort bestuur.' }],
        )
      }
    }
    const row: Organisation = {
      id: newId('org'),
      name: input.name,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      created_at: w.now,
    }
    await insertOrganisation(w.tx, row)
    await recordBeheer(w, 'organisatie.aangemaakt', {
      organisationId: row.id,
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
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
