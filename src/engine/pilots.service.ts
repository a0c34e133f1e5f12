import type { DbHandle } from '../../db/create-db.ts'
import type { Pilot } from '../../db/database.ts'
import { listInstances } from '../../db/queries/instances.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPilot, insertPilot, listPilots, pilotIdsInScope } from '../../db/queries/pilots.ts'
import { getMachine, machines } from '../../machines/index.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import type { Scenario } from '../../machines/vocabulary.ts'
import { type FieldError, badRequest, notFound, unprocessable } from '../errors.ts'
import { recordBeheer } from './beheer.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import { createInstance } from './create-instance.ts'
import type { StartOptions } from './create-instance.ts'
import { newId } from './ids.ts'
import { listScope, type Page, pageOf } from './paging.ts'
import { type PilotView, contextOf, teamView, viewPilot } from './pilot-view.ts'
import { scenarioMisfit, scenarioRules } from './pilot-scenarios.ts'

export type { PilotView } from './pilot-view.ts'

export interface PilotInput {
  name: string
  scenario: Scenario
  organisationIds: string[]
  /** The organisation that leads a leiderorganisatie (2a, 2b); absent in a netwerk. */
  leadOrganisationId?: string | undefined
  /** Places per team; the scenario's number (13 or 15) when absent. */
  places?: number | undefined
}

export async function createPilot(
  store: DbHandle,
  principal: Principal,
  input: PilotInput,
  options: StartOptions & OnceOptions & { machineVersion?: number } = {},
): Promise<PilotView> {
  const organisationIds = [...new Set(input.organisationIds)]
  const rule = scenarioRules[input.scenario]
  const leadOrganisationId = input.leadOrganisationId ?? null
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
    const byId = (id: string) => found.find((f) => f.id === id)
    const organisations = organisationIds.map((id) => ({ id, name: byId(id)?.name ?? id }))
    const misfit = scenarioMisfit(
      input.scenario,
      organisationIds.map((id) => ({ id, name: byId(id)?.name ?? id, kind: byId(id)?.kind ?? '' })),
      leadOrganisationId,
    )
    if (misfit.length) throw pilotMisfit(misfit)
    const pilot: Pilot = {
      id: newId('pilot'),
      name: input.name,
      scenario: input.scenario,
      organisation_ids: JSON.stringify(organisationIds),
      organisation_form: rule.form,
      lead_organisation_id: leadOrganisationId,
      created_at: w.now,
    }
    await insertPilot(w.tx, pilot)
    const teams = []
    for (const teamName of rule.teamNames) {
      // An older version only where the engine is asked to (tests of a release's teams).
      const def = getMachine('ontwikkelteam', options.machineVersion) ?? machines.ontwikkelteam
      const v1 = { pilotId: pilot.id, teamName, organisations }
      const created = await createInstance(w, def, {
        title: `${input.name} — ${teamName}`,
        pilotId: pilot.id,
        personId: null,
        organisationIds,
        input:
          def.version === 1
            ? v1
            : {
                ...v1,
                organisationForm: rule.form,
                leadOrganisationId,
                places: input.places ?? rule.places,
              },
        effectiveDate: options.effectiveDate,
      })
      teams.push(teamView(created.instance.id, contextOf(created.instance.snapshot)))
    }
    await recordBeheer(w, 'pilot.aangemaakt', {
      pilotId: pilot.id,
      name: pilot.name,
      scenario: pilot.scenario,
      organisationIds,
      organisationForm: rule.form,
      leadOrganisationId,
      teams: teams.map((t) => t.instanceId),
    })
    return viewPilot(pilot, teams)
  })
}

/** Organisations that do not fit the scenario: each reason on the field it concerns. */
function pilotMisfit(reasons: FieldError[]) {
  return badRequest(reasons.map((r) => r.message).join(' '), reasons)
}

async function teamsOf(store: DbHandle, pilotId: string): Promise<PilotView['teams']> {
  const rows = await listInstances(
    store.db,
    { machineIds: ['ontwikkelteam'], pilotId, scopeOrganisationIds: null, scopePersonId: null },
    { limit: 100 },
  )
  return rows.map((r) => {
    return teamView(r.id, contextOf(r.snapshot), r.title)
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
