import type { DbHandle } from '../../db/create-db.ts'
import type { Person } from '../../db/database.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPerson, insertPerson, listPeople } from '../../db/queries/people.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'
import { notFound, unprocessable } from '../errors.ts'
import { recordBeheer } from './beheer.ts'
import { commit } from './commit.ts'
import { newId } from './ids.ts'
import { listScope, type Page, pageOf } from './paging.ts'

export interface PersonView {
  id: string
  name: string | null
  email: string | null
  organisationId: string
}

const view = (p: Person): PersonView => ({
  id: p.id,
  name: p.name,
  email: p.email,
  organisationId: p.organisation_id,
})

export async function createPerson(
  store: DbHandle,
  principal: Principal,
  input: { name: string; email?: string | undefined; organisationId: string },
): Promise<PersonView> {
  authorizeRole(principal, 'person.create')
  authorize(
    principal,
    'person.create',
    { organisationIds: [input.organisationId], personIds: [] },
    { what: 'Organisatie', id: input.organisationId },
  )
  return commit(store, principal, async (w) => {
    const [organisation] = await getOrganisations(w.tx, [input.organisationId])
    if (!organisation) {
      throw unprocessable(
        `Organisatie '${input.organisationId}' bestaat niet; maak haar eerst aan.`,
      )
    }
    const row: Person = {
      id: newId('pers'),
      name: input.name,
      email: input.email ?? null,
      organisation_id: input.organisationId,
      created_at: w.now,
      erased_at: null,
    }
    await insertPerson(w.tx, row)
    // Events carry ids only: personal data lives in the people table alone.
    await recordBeheer(w, 'persoon.aangemaakt', {
      personId: row.id,
      organisationId: row.organisation_id,
    })
    return view(row)
  })
}

/** Reads a person in scope; every read is written to the access log first (`route`: where from). */
export async function readPerson(
  store: DbHandle,
  principal: Principal,
  id: string,
  route = 'unknown',
): Promise<PersonView> {
  authorizeRole(principal, 'person.read')
  const person = await getPerson(store.db, id)
  if (!person) throw notFound('Persoon', id)
  authorize(
    principal,
    'person.read',
    { organisationIds: [person.organisation_id], personIds: [person.id] },
    { what: 'Persoon', id },
  )
  await logPersonalDataRead(
    store,
    principal,
    [{ id: person.id, organisationId: person.organisation_id }],
    route,
  )
  return view(person)
}

/** People in scope (hr: its organisations; member, teacher: themself); each listed person is logged. */
export async function listVisiblePeople(
  store: DbHandle,
  principal: Principal,
  query: { organisationId?: string | undefined; limit: number; after?: string | undefined },
  route = 'unknown',
): Promise<Page<PersonView>> {
  const scope = listScope(principal, authorizeRole(principal, 'person.read'))
  const rows = await listPeople(
    store.db,
    {
      organisationIds: scope.scopeOrganisationIds,
      personId: scope.scopePersonId,
      organisationId: query.organisationId,
    },
    { limit: query.limit + 1, after: query.after },
  )
  const page = pageOf(rows, query.limit, (p) => p.id, view)
  await logPersonalDataRead(
    store,
    principal,
    page.items.map((p) => ({ id: p.id, organisationId: p.organisationId })),
    route,
  )
  return page
}
