import type { DbHandle } from '../../db/create-db.ts'
import type { Pilot } from '../../db/database.ts'
import { listInstances } from '../../db/queries/instances.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPilot, insertPilot, listPilots, pilotIdsInScope } from '../../db/queries/pilots.ts'
import { machines } from '../../machines/index.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { notFound, unprocessable } from '../errors.ts'
import { recordBeheer } from './beheer.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import { createInstance } from './create-instance.ts'
import type { StartOptions } from './create-instance.ts'
import { newId } from './ids.ts'
import { listScope, type Page, pageOf } from './paging.ts'

export interface PilotInput {
  name: string
  scenario: '1a' | '1b' | '2a' | '2b'
  organisationIds: string[]
}

export interface PilotView {
  id: string
  name: string
  scenario: string
  organisationIds: string[]
  teams: { id: string; name: string; instanceId: string }[]
  createdAt: string
}

/** Scenario 1b runs with two ontwikkelteams; 2a and 2b are run by a werkgroep. */
function teamNames(scenario: PilotInput['scenario']): string[] {
  if (scenario === '1b') return ['Ontwikkelteam 1', 'Ontwikkelteam 2']
  if (scenario === '1a') return ['Ontwikkelteam']
  return ['Werkgroep']
}

export async function createPilot(
  store: DbHandle,
  principal: Principal,
  input: PilotInput,
  options: StartOptions & OnceOptions = {},
): Promise<PilotView> {
  const organisationIds = [...new Set(input.organisationIds)]
  authorize(
    principal,
    'pilot.create',
    { organisationIds, personIds: [] },
    { what: 'Organisatie', id: organisationIds.join(', ') },
  )
  return commitOnce(store, principal, options.idempotency, async (w) => {
    const found = await getOrganisations(w.tx, organisationIds)
    const missing = organisationIds.filter((id) => !found.some((o) => o.id === id))
    if (missing.length) throw unprocessable(`Onbekende organisatie(s): ${missing.join(', ')}.`)
    const organisations = organisationIds.map((id) => {
      const o = found.find((f) => f.id === id)
      return { id, name: o?.name ?? id }
    })
    const pilot: Pilot = {
      id: newId('pilot'),
      name: input.name,
      scenario: input.scenario,
      organisation_ids: JSON.stringify(organisationIds),
      created_at: w.now,
    }
    await insertPilot(w.tx, pilot)
    const teams = []
    for (const teamName of teamNames(input.scenario)) {
      const created = await createInstance(w, machines.ontwikkelteam, {
        title: `${input.name} — ${teamName}`,
        pilotId: pilot.id,
        personId: null,
        organisationIds,
        input: { pilotId: pilot.id, teamName, organisations },
        effectiveDate: options.effectiveDate,
      })
      teams.push({ id: created.instance.id, name: teamName, instanceId: created.instance.id })
    }
    await recordBeheer(w, 'pilot.aangemaakt', {
      pilotId: pilot.id,
      name: pilot.name,
      scenario: pilot.scenario,
      organisationIds,
      teams: teams.map((t) => t.instanceId),
    })
    return { ...viewPilot(pilot, []), teams }
  })
}

function viewPilot(pilot: Pilot, teams: PilotView['teams']): PilotView {
  return {
    id: pilot.id,
    name: pilot.name,
    scenario: pilot.scenario,
    organisationIds: JSON.parse(pilot.organisation_ids) as string[],
    teams,
    createdAt: pilot.created_at,
  }
}

async function teamsOf(store: DbHandle, pilotId: string): Promise<PilotView['teams']> {
  const rows = await listInstances(
    store.db,
    { machineIds: ['ontwikkelteam'], pilotId, scopeOrganisationIds: null, scopePersonId: null },
    { limit: 100 },
  )
  return rows.map((r) => {
    const context = (JSON.parse(r.snapshot) as { context?: { teamName?: string } }).context
    return { id: r.id, name: context?.teamName ?? r.title, instanceId: r.id }
  })
}

async function visiblePilotIds(
  store: DbHandle,
  principal: Principal,
): Promise<readonly string[] | null> {
  const rule = authorizeRole(principal, 'pilot.read')
  const scope = listScope(principal, rule)
  if (scope.scopeOrganisationIds === null && scope.scopePersonId === null) return null
  return pilotIdsInScope(store.db, {
    organisationIds: scope.scopeOrganisationIds,
    personId: scope.scopePersonId,
  })
}

export async function listVisiblePilots(
  store: DbHandle,
  principal: Principal,
  page: { limit: number; after?: string | undefined },
): Promise<Page<PilotView>> {
  const ids = await visiblePilotIds(store, principal)
  const rows = await listPilots(store.db, ids, { limit: page.limit + 1, after: page.after })
  const result = pageOf(
    rows,
    page.limit,
    (p) => p.id,
    (p) => p,
  )
  const items = await Promise.all(
    result.items.map(async (p) => viewPilot(p, await teamsOf(store, p.id))),
  )
  return { items, next: result.next }
}

export async function readPilot(
  store: DbHandle,
  principal: Principal,
  id: string,
): Promise<PilotView> {
  const ids = await visiblePilotIds(store, principal)
  const pilot = await getPilot(store.db, id)
  if (!pilot || (ids !== null && !ids.includes(id))) throw notFound('Pilot', id)
  return viewPilot(pilot, await teamsOf(store, id))
}
