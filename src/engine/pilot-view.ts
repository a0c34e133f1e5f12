import type { Pilot } from '../../db/database.ts'
import { saldoCents } from '../../machines/ontwikkelteam.v2.guards.ts'
import { OntwikkelteamV2Context } from '../../machines/ontwikkelteam.v2.context.ts'
import {
  type OrganisationForm,
  plannedBudgetCents,
} from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import type { Scenario } from '../../machines/vocabulary.ts'
import { scenarioRules } from './pilot-scenarios.ts'

// How a pilot and its teams read: the organisation form and lead, and per team (and summed over
// the teams) the budget of the current cycle and the places taken.

export interface Budget {
  plannedCents: number
  spentCents: number
  balanceCents: number
}

export interface Places {
  places: number
  enrolled: number
  completed: number
}

export interface TeamView {
  id: string
  name: string
  instanceId: string
  /** Null for a team of version 1, which knows no budget or places. */
  cycle: number | null
  budget: Budget | null
  places: Places | null
}

export interface PilotView {
  id: string
  name: string
  scenario: string
  organisationForm: OrganisationForm
  leadOrganisationId: string | null
  organisationIds: string[]
  budget: Budget
  places: Places
  teams: TeamView[]
  createdAt: string
}

export function contextOf(snapshot: string): Record<string, unknown> {
  const parsed = JSON.parse(snapshot) as { context?: Record<string, unknown> }
  return parsed.context ?? {}
}

export function teamView(id: string, raw: Record<string, unknown>, title?: string): TeamView {
  const name = typeof raw['teamName'] === 'string' ? raw['teamName'] : (title ?? id)
  const parsed = OntwikkelteamV2Context.safeParse(raw)
  if (!parsed.success) return { id, name, instanceId: id, cycle: null, budget: null, places: null }
  const context = parsed.data
  const balance = saldoCents(context)
  const planned = plannedBudgetCents(context.places)
  const thisCycle = context.deelnemers.filter((d) => d.cycle === context.cycle)
  return {
    id,
    name,
    instanceId: id,
    cycle: context.cycle,
    budget: { plannedCents: planned, spentCents: planned - balance, balanceCents: balance },
    places: {
      places: context.places,
      enrolled: thisCycle.filter((d) => d.status === 'ingeschreven').length,
      completed: thisCycle.filter((d) => d.status === 'afgerond').length,
    },
  }
}

const sum = <T>(items: T[], of: (item: T) => number) =>
  items.reduce((total, item) => total + of(item), 0)

export function viewPilot(pilot: Pilot, teams: TeamView[]): PilotView {
  const rule = scenarioRules[pilot.scenario as Scenario]
  const budgets = teams.flatMap((t) => (t.budget ? [t.budget] : []))
  const places = teams.flatMap((t) => (t.places ? [t.places] : []))
  return {
    id: pilot.id,
    name: pilot.name,
    scenario: pilot.scenario,
    // Pilots from before forms were recorded: the scenario's form, and no recorded lead.
    organisationForm: (pilot.organisation_form as OrganisationForm | null) ?? rule.form,
    leadOrganisationId: pilot.lead_organisation_id,
    organisationIds: JSON.parse(pilot.organisation_ids) as string[],
    budget: {
      plannedCents: sum(budgets, (b) => b.plannedCents),
      spentCents: sum(budgets, (b) => b.spentCents),
      balanceCents: sum(budgets, (b) => b.balanceCents),
    },
    places: {
      places: sum(places, (p) => p.places),
      enrolled: sum(places, (p) => p.enrolled),
      completed: sum(places, (p) => p.completed),
    },
    teams,
    createdAt: pilot.created_at,
  }
}
