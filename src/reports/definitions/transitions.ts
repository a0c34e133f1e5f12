import { transitionOutcomes, type TransitionGroup } from '../../../db/queries/reports.ts'
import { outcomeLabels, outcomes } from '../../../machines/rolovergang.v2.vocabulary.ts'
import { valueLabel } from '../../ui/labels.ts'
import { periodText } from '../periods-text.ts'
import type { ReportContext, ReportDefinition } from '../report-context.ts'
import type { ReportColumn, ReportRow, ReportTable } from '../report-table.ts'

const GROUPS: Record<string, { column: TransitionGroup; label: string }> = {
  domein: { column: 'domain', label: 'Domein' },
  loopbaanpad: { column: 'career_path', label: 'Loopbaanpad' },
  rol: { column: 'new_role', label: 'Nieuwe rol' },
}

const STATUSES = [
  ['lopend', 'Loopt', 'actief'],
  ['afgerond', 'Afgerond', 'afgerond'],
  ['afgewezen', 'Afgewezen', 'afgewezen'],
  ['ingetrokken', 'Ingetrokken', 'ingetrokken'],
] as const

const SHORT_OUTCOME: Record<string, string> = {
  hybride: 'Hybride',
}

async function build(context: ReportContext): Promise<ReportTable> {
  const per = GROUPS[context.per ?? 'domein'] ?? GROUPS['domein']!
  const rows = await transitionOutcomes(context.db, context.filter, per.column)
  const byKey = new Map<string, ReportRow>()
  for (const r of rows) {
    const row =
      byKey.get(r.key) ??
      Object.fromEntries([
        ['groep', per.column === 'new_role' ? r.key : valueLabel(r.key)],
        ['totaal', 0],
        ...STATUSES.map(([key]) => [key, 0]),
        ...outcomes.map((o) => [`uitkomst-${o}`, 0]),
      ])
    byKey.set(r.key, row)
    row['totaal'] = (row['totaal'] as number) + r.count
    const status = STATUSES.find(([, , s]) => s === r.status)?.[0]
    if (status) row[status] = (row[status] as number) + r.count
    if (r.outcome)
      row[`uitkomst-${r.outcome}`] = ((row[`uitkomst-${r.outcome}`] as number) ?? 0) + r.count
  }
  const columns: ReportColumn[] = [
    { key: 'groep', label: per.label, kind: 'text' },
    { key: 'totaal', label: 'Rolovergangen', kind: 'count', people: true },
    ...STATUSES.map(([key, label]): ReportColumn => ({ key, label, kind: 'count', people: true })),
    ...outcomes.map((o): ReportColumn => ({
      key: `uitkomst-${o}`,
      label: `Vervolg: ${SHORT_OUTCOME[o] ?? outcomeLabels[o]}`,
      kind: 'count',
      people: true,
    })),
  ]
  return {
    id: transitionsReport.id,
    title: `${transitionsReport.title} per ${per.label.toLowerCase()}`,
    description: `Rolovergangen die ${periodText(context)} begonnen, per ${per.label.toLowerCase()}: hoe ze staan, en bij afgeronde overgangen het vervolg van de leraar in de indeling van de loopbaanmonitor (in het onderwijs gebleven: naar een andere school, andere taken en rollen, hybride, dezelfde werkzaamheden; het onderwijs verlaten maar in de sector; onbekend).`,
    columns,
    rows: [...byKey.values()].sort((a, b) => (b['totaal'] as number) - (a['totaal'] as number)),
    chart: {
      kind: 'hbar',
      category: 'groep',
      series: ['totaal', 'afgerond'],
      unit: 'rolovergangen',
    },
  }
}

export const transitionsReport: ReportDefinition = {
  id: 'rolovergangen',
  title: 'Rolovergangen en hun vervolg',
  summary: 'Rolovergangen per domein, loopbaanpad of nieuwe rol, en wat leraren daarna doen.',
  machine: 'rolovergang',
  accepts: ['van', 'tot', 'organisationId', 'machineVersion', 'per'],
  per: { domein: 'Domein', loopbaanpad: 'Loopbaanpad', rol: 'Nieuwe rol' },
  build,
}
