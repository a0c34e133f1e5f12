import { reachedParts, statusCounts } from '../../../db/queries/reports.ts'
import { TEAM_PARTS, TRANSITION_PARTS } from '../../engine/facts/open-parts.ts'
import { valueLabel } from '../../ui/labels.ts'
import { periodText } from '../periods-text.ts'
import type { ReportContext, ReportDefinition } from '../report-context.ts'
import type { ReportRow, ReportTable } from '../report-table.ts'

type Counts = Awaited<ReturnType<typeof statusCounts>>

const sumWhere = (rows: Counts, keep: (row: Counts[number]) => boolean) =>
  rows.filter(keep).reduce((sum, r) => sum + r.count, 0)

function table(
  definition: ReportDefinition,
  context: ReportContext,
  steps: [string, number][],
  what: string,
  /** Each counted is a teacher (a rolovergang), not a team. */
  people: boolean,
): ReportTable {
  const first = steps[0]?.[1] ?? 0
  const rows: ReportRow[] = steps.map(([stap, aantal]) => ({
    stap,
    aantal,
    aandeel: first === 0 ? null : Math.round((aantal / first) * 1000) / 10,
  }))
  return {
    id: definition.id,
    title: definition.title,
    description: `Hoeveel ${what} ${periodText(context)} begonnen, hoeveel elke stap bereikten, en hoe ze nu staan.`,
    columns: [
      { key: 'stap', label: 'Stap', kind: 'text' },
      { key: 'aantal', label: 'Aantal', kind: 'count', people },
      {
        key: 'aandeel',
        label: 'Aandeel van het begin (%)',
        kind: 'percent',
        ...(people ? { of: 'aantal' } : {}),
      },
    ],
    rows,
    chart: { kind: 'hbar', category: 'stap', series: ['aantal'], unit: what },
  }
}

async function teamFunnel(context: ReportContext): Promise<ReportTable> {
  const reached = new Map(
    (await reachedParts(context.db, context.filter, TEAM_PARTS)).map((r) => [r.part, r.count]),
  )
  const counts = await statusCounts(context.db, context.filter)
  const steps: [string, number][] = [
    ...TEAM_PARTS.map((part): [string, number] => [
      `Fase ${valueLabel(part).toLowerCase()} bereikt`,
      reached.get(part) ?? 0,
    ]),
    ['Afgerond', sumWhere(counts, (r) => r.status === 'afgerond')],
    ['Gestopt', sumWhere(counts, (r) => r.status === 'gestopt')],
    ['Nu gepauzeerd', sumWhere(counts, (r) => r.status === 'gepauzeerd')],
    ['Vernieuwd (een volgende cyclus)', sumWhere(counts, (r) => r.renewed)],
  ]
  return table(teamFunnelDefinition, context, steps, 'ontwikkelteams', false)
}

async function transitionFunnel(context: ReportContext): Promise<ReportTable> {
  const reached = new Map(
    (await reachedParts(context.db, context.filter, TRANSITION_PARTS)).map((r) => [
      r.part,
      r.count,
    ]),
  )
  const counts = await statusCounts(context.db, context.filter)
  const steps: [string, number][] = [
    ['Aangevraagd', sumWhere(counts, () => true)],
    ['In behandeling genomen', reached.get('toegang') ?? 0],
    ['Loopt nu', sumWhere(counts, (r) => r.phase === 'lopend')],
    ['Afgerond', sumWhere(counts, (r) => r.status === 'afgerond')],
    ['Afgewezen', sumWhere(counts, (r) => r.status === 'afgewezen')],
    ['Ingetrokken', sumWhere(counts, (r) => r.status === 'ingetrokken')],
  ]
  return table(transitionFunnelDefinition, context, steps, 'rolovergangen', true)
}

export const teamFunnelDefinition: ReportDefinition = {
  id: 'trechter-teams',
  title: 'Trechter van de ontwikkelteams',
  summary:
    'Hoeveel teams elke fase bereikten, en hoeveel er afronden, stoppen, pauzeren of vernieuwen.',
  machine: 'ontwikkelteam',
  accepts: ['van', 'tot', 'organisationId', 'scenario', 'machineVersion'],
  build: teamFunnel,
}

export const transitionFunnelDefinition: ReportDefinition = {
  id: 'trechter-rolovergangen',
  title: 'Trechter van de rolovergangen',
  summary: 'Hoeveel aanvragen in behandeling gaan, lopen, en hoe ze eindigen.',
  machine: 'rolovergang',
  accepts: ['van', 'tot', 'organisationId', 'machineVersion'],
  build: transitionFunnel,
}
