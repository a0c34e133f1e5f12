import type { DbHandle } from '../../db/create-db.ts'
import type { Affiliation, Person } from '../../db/database.ts'
import { affiliationsOf, insertAffiliation, isAffiliated } from '../../db/queries/affiliations.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPerson, insertPerson, listPeople } from '../../db/queries/people.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { logPersonalDataRead } from '../audit/access-log.service.ts'
import { badRequest, notFound, unprocessable } from '../errors.ts'
import { recordBeheer } from './beheer.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import type { Writer } from './commit.ts'
import { newId } from './ids.ts'
import { listScope, type Page, pageOf } from './paging.ts'

/** Where a person works (werkzaam bij), with an optional function title. */
export interface AffiliationView {
  organisationId: string
  functionTitle: string | null
}

export interface PersonView {
  id: string
  name: string | null
  email: string | null
  /** The organisation the person was created at (the first affiliation). */
  organisationId: string
  affiliations: AffiliationView[]
}

const view = (p: Person, affiliations: readonly Affiliation[]): PersonView => ({
  id: p.id,
  name: p.name,
  email: p.email,
  organisationId: p.organisation_id,
  affiliations: affiliations
    .filter((a) => a.person_id === p.id)
    .map((a) => ({ organisationId: a.organisation_id, functionTitle: a.function_title })),
})

async function existingOrganisation(w: Writer, organisationId: string, path: string) {
  const [organisation] = await getOrganisations(w.tx, [organisationId])
  if (!organisation) {
    throw badRequest(`Organisatie '${organisationId}' bestaat niet; maak haar eerst aan.`, [
      { path, message: 'Kies een bestaande organisatie.' },
    ])
  }
  return organisation
}

/** Adding someone at an organisation: admin, or hr for its own organisations (403 / 404). */
function mayAddPeopleAt(principal: Principal, organisationId: string): void {
  authorizeRole(principal, 'person.create')
  authorize(
    principal,
    'person.create',
    { organisationIds: [organisationId], personIds: [] },
    { what: 'Organisatie', id: organisationId },
  )
}

export async function createPerson(
  store: DbHandle,
  principal: Principal,
  input: {
    name: string
    email?: string | undefined
    organisationId: string
    functionTitle?: string | undefined
  },
  options: OnceOptions = {},
): Promise<PersonView> {
  mayAddPeopleAt(principal, input.organisationId)
  return commitOnce(store, principal, options.idempotency, async (w) => {
    await existingOrganisation(w, input.organisationId, 'organisationId')
    const row: Person = {
      id: newId('pers'),
      name: input.name,
      email: input.email ?? null,
      organisation_id: input.organisationId,
      created_at: w.now,
      erased_at: null,
    }
    await insertPerson(w.tx, row)
    const affiliation: Affiliation = {
      person_id: row.id,
      organisation_id: input.organisationId,
      function_title: input.functionTitle ?? null,
      created_at: w.now,
    }
    await insertAffiliation(w.tx, affiliation)
    // Events carry ids only: personal data lives in the people table alone.
    await recordBeheer(w, 'persoon.aangemaakt', {
      personId: row.id,
      organisationId: row.organisation_id,
    })
    return view(row, [affiliation])
  })
}

/**
 * Records that a person also works at an organisation (admin; hr for its own organisations).
 * The person must be one the caller may read.
 */
export async function addAffiliation(
  store: DbHandle,
  principal: Principal,
  personId: string,
  input: { organisationId: string; functionTitle?: string | undefined },
  options: OnceOptions = {},
): Promise<PersonView> {
  mayAddPeopleAt(principal, input.organisationId)
  return commitOnce(store, principal, options.idempotency, async (w) => {
    const person = await getPerson(w.tx, personId)
    const before = person ? await affiliationsOf(w.tx, [personId]) : []
    if (!person || person.erased_at) throw notFound('Persoon', personId)
    authorize(
      principal,
      'person.read',
      { organisationIds: before.map((a) => a.organisation_id), personIds: [personId] },
      { what: 'Persoon', id: personId },
    )
    const organisation = await existingOrganisation(w, input.organisationId, 'organisationId')
    if (await isAffiliated(w.tx, personId, input.organisationId)) {
      throw unprocessable(`Deze persoon werkt al bij ${organisation.name}.`)
    }
    const row: Affiliation = {
      person_id: personId,
      organisation_id: input.organisationId,
      function_title: input.functionTitle ?? null,
      created_at: w.now,
    }
    await insertAffiliation(w.tx, row)
    await recordBeheer(w, 'persoon.werkzaam-bij', {
      personId,
      organisationId: input.organisationId,
    })
    return view(person, [...before, row])
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
  const affiliations = await affiliationsOf(store.db, [id])
  authorize(
    principal,
    'person.read',
    { organisationIds: affiliations.map((a) => a.organisation_id), personIds: [person.id] },
    { what: 'Persoon', id },
  )
  await logPersonalDataRead(
    store,
    principal,
    [{ id: person.id, organisationId: person.organisation_id }],
    route,
  )
  return view(person, affiliations)
}

/** People in scope (hr: its organisations; member, teacher: themself); each listed person is logged. */
export async function listVisiblePeople(
  store: DbHandle,
  principal: Principal,
  query: {
    organisationId?: string | undefined
    q?: string | undefined
    limit: number
    after?: string | undefined
  },
  route = 'unknown',
): Promise<Page<PersonView>> {
  const scope = listScope(principal, authorizeRole(principal, 'person.read'))
  const rows = await listPeople(
    store.db,
    {
      organisationIds: scope.scopeOrganisationIds,
      personId: scope.scopePersonId,
      organisationId: query.organisationId,
      search: query.q,
    },
    { limit: query.limit + 1, after: query.after },
  )
  const page = pageOf(
    rows,
    query.limit,
    (p) => p.id,
    (p) => p,
  )
  const affiliations = await affiliationsOf(
    store.db,
    page.items.map((p) => p.id),
  )
  await logPersonalDataRead(
    store,
    principal,
    page.items.map((p) => ({ id: p.id, organisationId: p.organisation_id })),
    route,
  )
  return { items: page.items.map((p) => view(p, affiliations)), next: page.next }
}
