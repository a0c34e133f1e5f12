import { budgetPerPilot } from '../../../db/queries/reports.ts'
import { valueLabel } from '../../ui/labels.ts'
import { periodText } from '../periods-text.ts'
import type { ReportContext, ReportDefinition } from '../report-context.ts'
import type { ReportRow, ReportTable } from '../report-table.ts'

type Pilot = Awaited<ReturnType<typeof budgetPerPilot>>[number]

type Figure = 'teams' | 'plannedCents' | 'spentCents' | 'places' | 'enrolled' | 'completed'

function row(name: string, pilots: Pilot[]): ReportRow {
  const sum = (key: Figure) => pilots.reduce((total, p) => total + p[key], 0)
  return {
    naam: name,
    teams: sum('teams'),
    gepland: sum('plannedCents'),
    besteed: sum('spentCents'),
    plekken: sum('places'),
    ingeschreven: sum('enrolled'),
    afgerond: sum('completed'),
  }
}

async function build(context: ReportContext): Promise<ReportTable> {
  const pilots = await budgetPerPilot(context.db, context.filter)
  const perScenario = context.per === 'scenario'
  const rows = perScenario
    ? [...new Set(pilots.map((p) => p.scenario))].sort().map((s) =>
        row(
          valueLabel(s),
          pilots.filter((p) => p.scenario === s),
        ),
      )
    : pilots.map((p) => row(`${p.name} (${p.scenario})`, [p]))
  return {
    id: budgetReport.id,
    title: `${budgetReport.title} per ${perScenario ? 'scenario' : 'pilot'}`,
    description: `Het geplande budget (plekken maal het bedrag per plek) tegenover wat is besteed, en de plekken tegenover de ingeschreven en afgeronde deelnemers, in de huidige cyclus van de teams (versie 2) die ${periodText(context)} begonnen.`,
    columns: [
      { key: 'naam', label: perScenario ? 'Scenario' : 'Pilot', kind: 'text' },
      { key: 'teams', label: 'Teams', kind: 'count' },
      { key: 'gepland', label: 'Gepland budget', kind: 'euro' },
      { key: 'besteed', label: 'Besteed', kind: 'euro' },
      { key: 'plekken', label: 'Plekken', kind: 'count' },
      { key: 'ingeschreven', label: 'Ingeschreven', kind: 'count', people: true },
      { key: 'afgerond', label: 'Afgerond', kind: 'count', people: true },
    ],
    rows,
    chart: { kind: 'hbar', category: 'naam', series: ['gepland', 'besteed'], unit: 'euro' },
  }
}

export const budgetReport: ReportDefinition = {
  id: 'budget',
  title: 'Budget en plekken',
  summary: 'Gepland tegenover besteed, en plekken tegenover ingeschreven deelnemers.',
  machine: 'ontwikkelteam',
  accepts: ['van', 'tot', 'organisationId', 'scenario', 'machineVersion', 'per'],
  per: { pilot: 'Pilot', scenario: 'Scenario' },
  build,
}
