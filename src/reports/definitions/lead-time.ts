import { daysBetween } from '../../../db/queries/facts.ts'
import { closedPeriodDays, openPeriodDays } from '../../../db/queries/reports.ts'
import { TEAM_PARTS, TRANSITION_PARTS } from '../../engine/facts/open-parts.ts'
import { valueLabel } from '../../ui/labels.ts'
import { periodText } from '../periods-text.ts'
import { quantile, total, type Bin } from '../quantiles.ts'
import type { ReportContext, ReportDefinition } from '../report-context.ts'
import type { ReportTable } from '../report-table.ts'

const PART_NAMES: Record<string, string> = { aangevraagd: 'Aanvraag (tot HR begint)' }

function group<T extends { part: string }>(rows: T[], bin: (row: T) => Bin) {
  const byPart = new Map<string, Bin[]>()
  for (const row of rows) byPart.set(row.part, [...(byPart.get(row.part) ?? []), bin(row)])
  return byPart
}

async function leadTimes(
  context: ReportContext,
  definition: Pick<ReportDefinition, 'id' | 'title'>,
  parts: readonly string[],
  what: string,
  /** Each stretch is one teacher's (a rolovergang), not a team's. */
  people: boolean,
): Promise<ReportTable> {
  const of = (key: string) => (people ? { of: key } : {})
  const closed = group(await closedPeriodDays(context.db, context.filter, parts, context), (r) => ({
    value: r.days,
    count: r.count,
  }))
  const open = group(await openPeriodDays(context.db, context.filter, parts), (r) => ({
    value: daysBetween(r.enteredOn, context.today),
    count: r.count,
  }))
  return {
    id: definition.id,
    title: definition.title,
    description: `Hoeveel dagen ${what} openstond, van ingangsdatum tot ingangsdatum: mediaan en kwartielen van wat ${periodText(context)} begon en is afgerond, en hoe lang wat nu nog openstaat al wacht.`,
    columns: [
      { key: 'onderdeel', label: 'Onderdeel', kind: 'text' },
      { key: 'afgerond', label: 'Afgerond', kind: 'count', people },
      { key: 'mediaan', label: 'Mediaan (dagen)', kind: 'days', ...of('afgerond') },
      { key: 'kwartiel1', label: 'Eerste kwartiel (dagen)', kind: 'days', ...of('afgerond') },
      { key: 'kwartiel3', label: 'Derde kwartiel (dagen)', kind: 'days', ...of('afgerond') },
      { key: 'open', label: 'Staat nog open', kind: 'count', people },
      { key: 'wachtMediaan', label: 'Wacht nu al (mediaan, dagen)', kind: 'days', ...of('open') },
    ],
    rows: parts.map((part) => {
      const done = closed.get(part) ?? []
      const waiting = open.get(part) ?? []
      return {
        onderdeel: PART_NAMES[part] ?? valueLabel(part),
        afgerond: total(done),
        mediaan: quantile(done, 0.5),
        kwartiel1: quantile(done, 0.25),
        kwartiel3: quantile(done, 0.75),
        open: total(waiting),
        wachtMediaan: quantile(waiting, 0.5),
      }
    }),
    chart: {
      kind: 'hbar',
      category: 'onderdeel',
      series: ['mediaan', 'wachtMediaan'],
      unit: 'dagen',
    },
  }
}

export const leadTimePhases: ReportDefinition = {
  id: 'doorlooptijd-fasen',
  title: 'Doorlooptijd per fase',
  summary: 'Hoe lang ontwikkelteams in elke fase zijn, en waar ze nu het langst wachten.',
  machine: 'ontwikkelteam',
  accepts: ['van', 'tot', 'organisationId', 'scenario', 'machineVersion'],
  build: (context) =>
    leadTimes(context, leadTimePhases, TEAM_PARTS, 'een fase van een ontwikkelteam', false),
}

export const leadTimeQuestions: ReportDefinition = {
  id: 'doorlooptijd-vragen',
  title: 'Doorlooptijd per vraag van de rolovergang',
  summary: 'Hoe lang een aanvraag en elk van de vier vragen openstaat, en wat nu het langst wacht.',
  machine: 'rolovergang',
  accepts: ['van', 'tot', 'organisationId', 'machineVersion'],
  build: (context) =>
    leadTimes(
      context,
      leadTimeQuestions,
      TRANSITION_PARTS,
      'een aanvraag of vraag van een rolovergang',
      true,
    ),
}
