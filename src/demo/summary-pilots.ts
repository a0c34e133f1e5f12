import type { DbHandle } from '../../db/create-db.ts'
import { stateLabel } from '../../machines/index.ts'
import { euro } from '../../machines/ontwikkelteam.v2.checks.ts'
import type { OntwikkelteamV2Context } from '../../machines/ontwikkelteam.v2.context.ts'
import {
  organisationFormLabels,
  plannedBudgetCents,
} from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import type { Principal } from '../access/principal.ts'
import type { InstanceView } from '../engine/instance-view.ts'
import type { Budget, Places } from '../engine/pilot-view.ts'
import { readPilot } from '../engine/pilots.service.ts'
import { readInstance } from '../engine/read-instances.ts'
import type { DemoPilot } from './cast.ts'
import type { Directory } from './directory.ts'

// The pilots part of the printed summary, read back through the services: per pilot its form
// and lead, its budget and places; per team where it stands, and what its earlier cycles had.

type Label = Parameters<typeof stateLabel>[0]

const INDENT = ' '.repeat(23)

type NameOf = (organisationId: string) => string

export async function pilotLines(
  store: DbHandle,
  admin: Principal,
  dir: Directory,
  pilots: readonly DemoPilot[],
): Promise<string[]> {
  const orgs = Object.values(dir.org)
  const nameOf: NameOf = (id) => orgs.find((o) => o.id === id)?.name ?? id
  const lines = [
    'Pilots and their teams (budget per team and cycle: € 1.000 per place plus € 10.000):',
  ]
  for (const made of pilots) {
    const pilot = await readPilot(store, admin, made.id)
    const form = organisationFormLabels[pilot.organisationForm].toLowerCase()
    const lead = pilot.leadOrganisationId ? `, led by ${nameOf(pilot.leadOrganisationId)}` : ''
    lines.push(`  ${pilot.scenario}  ${pilot.name}: ${form}${lead}`)
    lines.push(`      ${budgetLine(pilot.budget, pilot.places)}`)
    const teams = [...pilot.teams].sort((a, b) => a.name.localeCompare(b.name))
    for (const team of teams) {
      const view = await readInstance(store, admin, team.instanceId)
      lines.push(`      ${team.name.padEnd(16)} ${teamLine(view)}`)
      if (pilot.teams.length > 1 && team.budget && team.places) {
        lines.push(`${INDENT}${budgetLine(team.budget, team.places)}`)
      }
      lines.push(...earlierCycles(view, nameOf).map((l) => `${INDENT}${l}`))
      const documents = attached(view)
      if (documents.length) lines.push(`${INDENT}documents attached: ${documents.join(', ')}`)
    }
  }
  return lines
}

function budgetLine(budget: Budget, places: Places): string {
  const money = `budget ${euro(budget.plannedCents)}, booked ${euro(budget.spentCents)}, balance ${euro(budget.balanceCents)}`
  return `${money}; ${String(places.places)} places: ${String(places.enrolled)} enrolled, ${String(places.completed)} completed`
}

function teamLine(view: InstanceView): string {
  const context = view.context as { cycle?: number; pauze?: { reason: string } | null }
  const cycle =
    context.cycle && context.cycle > 1 ? ` in cycle ${context.cycle} (after cyclus.vernieuwen)` : ''
  const state = `${stateLabel(view.state as Label)}${cycle} (${view.status})`
  if (context.pauze) return `${state}: ${context.pauze.reason}`
  const next = view.blocked.find((b) => b.type === 'fase.volgende')
  if (next) return `${state}; fase.volgende blocked: ${next.reasons.join(' ')}`
  return view.possible.includes('fase.volgende') ? `${state}; fase.volgende possible` : state
}

/** What each earlier cycle had: its participants and budget, and who joined or left after it. */
function earlierCycles(view: InstanceView, nameOf: NameOf): string[] {
  const context = view.context as Partial<OntwikkelteamV2Context>
  return (context.vorigeCycli ?? []).map((earlier) => {
    const deelnemers = (context.deelnemers ?? []).filter((d) => d.cycle === earlier.cycle)
    const count = (status: string) => deelnemers.filter((d) => d.status === status).length
    const booked = (context.uitgaven ?? [])
      .filter((u) => u.cycle === earlier.cycle)
      .reduce((sum, u) => sum + u.amountCents, 0)
    const partners = [
      ...earlier.added.map((id) => `${nameOf(id)} joined`),
      ...earlier.removed.map((id) => `${nameOf(id)} left`),
    ]
    return [
      `cycle ${String(earlier.cycle)}: ${String(deelnemers.length)} enrolled (${String(count('afgerond'))} completed, ${String(count('teruggetrokken'))} withdrew)`,
      `booked ${euro(booked)} of ${euro(plannedBudgetCents(earlier.places))}`,
      `then renewed at ${earlier.startPhase}${partners.length ? ` (${partners.join(', ')})` : ''}`,
    ].join('; ')
  })
}

/** The events of the team that came with a document (PDF, Office, ODF), per cycle. */
function attached(view: InstanceView): string[] {
  const c = view.context as Partial<OntwikkelteamV2Context>
  const ontwerpen = [...(c.vorigeCycli ?? []).map((v) => v.ontwerp), c.ontwerp ?? null]
  return [
    ...ontwerpen.flatMap((o) => (o?.document ? [`ontwerp (cycle ${String(o.cycle)})`] : [])),
    ...(c.evaluaties ?? []).flatMap((e) =>
      e.document ? [`evaluatie ${e.level} (cycle ${String(e.cycle)})`] : [],
    ),
    ...(c.resultaten ?? []).flatMap((r) =>
      r.document ? [`resultaat for ${r.partner} (cycle ${String(r.cycle)})`] : [],
    ),
  ]
}
