import type { DbHandle } from '../../db/create-db.ts'
import type { Transition } from '../../db/database.ts'
import { getInstance } from '../../db/queries/instances.ts'
import { getPerson } from '../../db/queries/people.ts'
import { affiliationsOf } from '../../db/queries/affiliations.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { insertTransition, listTransitions } from '../../db/queries/transitions.ts'
import { getMachine, machines } from '../../machines/index.ts'
import type { MachineDefinition } from '../../machines/types.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { badRequest } from '../errors.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import { createInstance } from './create-instance.ts'
import type { StartOptions } from './create-instance.ts'
import { newId } from './ids.ts'
import { listScope, type Page, pageOf } from './paging.ts'

export interface TransitionInput {
  personId: string
  organisationId: string
  newRole: string
  domain: string
  careerPath: string
  currentRole?: string | undefined
}

/** How a service caller (never an API body) may open a transition. */
export interface TransitionOptions extends StartOptions, OnceOptions {
  /**
   * An older released version of the rolovergang to open it on; default: the newest. For the
   * engine's own callers only (the demo, tests), so that instances of an older version exist as
   * they would have been written before the newer one was released: the API and the UI never
   * pass it, and their input schemas have no such field.
   */
  machineVersion?: number | undefined
}

/** The rolovergang in the asked version (the newest by default); a version not released is a bug. */
function rolovergangIn(version: number | undefined): MachineDefinition {
  const def = version === undefined ? machines.rolovergang : getMachine('rolovergang', version)
  if (!def) throw new Error(`rolovergang has no released version ${String(version)}`)
  return def
}

export interface TransitionView {
  id: string
  instanceId: string
  personId: string
  organisationId: string
  newRole: string
  currentRole: string | null
  domain: string
  careerPath: string
  status: string
  state: unknown
  createdAt: string
}

function view(
  t: Transition,
  instance: { status: string; snapshot: string } | undefined,
): TransitionView {
  return {
    id: t.id,
    instanceId: t.instance_id,
    personId: t.person_id,
    organisationId: t.organisation_id,
    newRole: t.new_role,
    currentRole: t.current_role,
    domain: t.domain,
    careerPath: t.career_path,
    status: instance?.status ?? 'onbekend',
    state: instance ? (JSON.parse(instance.snapshot) as { value?: unknown }).value : null,
    createdAt: t.created_at,
  }
}

/**
 * Opens a role transition (state `aangevraagd`) at `organisationId`, the organisation where the
 * new role is:
 * - hr, for a person who works at that organisation, which is in its scope;
 * - a teacher, for themself: at an organisation they work at, or — mobility (seed 004) — at
 *   another, whose HR then handles it;
 * - admin, for anyone anywhere.
 * The instance belongs to that organisation and to every organisation the teacher works at, so
 * the teacher's own HR can read it. A person or organisation the caller cannot see answers as one
 * that does not exist.
 */
export async function createTransition(
  store: DbHandle,
  principal: Principal,
  input: TransitionInput,
  options: TransitionOptions = {},
): Promise<TransitionView> {
  const def = rolovergangIn(options.machineVersion)
  authorize(
    principal,
    'transition.create',
    { organisationIds: [input.organisationId], personIds: [input.personId] },
    { what: 'Organisatie', id: input.organisationId },
  )
  return commitOnce(store, principal, options.idempotency, async (w) => {
    const unknownPerson = () =>
      badRequest(
        `Persoon '${input.personId}' bestaat niet, of werkt niet bij een organisatie waarvoor u rolovergangen opent.`,
        [{ path: 'personId', message: 'Kies een persoon uit de lijst.' }],
      )
    const person = await getPerson(w.tx, input.personId)
    if (!person || person.erased_at) throw unknownPerson()
    const worksAt = (await affiliationsOf(w.tx, [input.personId])).map((a) => a.organisation_id)
    if (principal.role === 'hr' && !worksAt.includes(input.organisationId)) throw unknownPerson()
    if ((await getOrganisations(w.tx, [input.organisationId])).length === 0) {
      throw badRequest(`Organisatie '${input.organisationId}' bestaat niet.`, [
        { path: 'organisationId', message: 'Kies een bestaande organisatie.' },
      ])
    }
    const id = newId('trans')
    const created = await createInstance(w, def, {
      title: input.newRole,
      pilotId: null,
      personId: input.personId,
      organisationIds: [input.organisationId, ...worksAt.filter((o) => o !== input.organisationId)],
      // HR opens it for the organisation where the role is; a teacher asks for themself.
      actingFor: principal.role === 'hr' ? input.organisationId : null,
      effectiveDate: options.effectiveDate,
      input: {
        personId: input.personId,
        organisationId: input.organisationId,
        newRole: input.newRole,
        currentRole: input.currentRole ?? null,
        domain: input.domain,
        careerPath: input.careerPath,
      },
    })
    const row: Transition = {
      id,
      instance_id: created.instance.id,
      person_id: input.personId,
      organisation_id: input.organisationId,
      new_role: input.newRole,
      current_role: input.currentRole ?? null,
      domain: input.domain,
      career_path: input.careerPath,
      created_at: w.now,
    }
    await insertTransition(w.tx, row)
    return view(row, created.instance)
  })
}

export async function listVisibleTransitions(
  store: DbHandle,
  principal: Principal,
  page: { limit: number; after?: string | undefined },
): Promise<Page<TransitionView>> {
  const rule = authorizeRole(principal, 'transition.read')
  const scope = listScope(principal, rule)
  const rows = await listTransitions(
    store.db,
    { organisationIds: scope.scopeOrganisationIds, personId: scope.scopePersonId },
    { limit: page.limit + 1, after: page.after },
  )
  const result = pageOf(
    rows,
    page.limit,
    (t) => t.id,
    (t) => t,
  )
  const items = await Promise.all(
    result.items.map(async (t) => view(t, await getInstance(store.db, t.instance_id))),
  )
  return { items, next: result.next }
}
