import { evaluationScores } from '../../../db/queries/reports.ts'
import {
  organisationFormLabels,
  type OrganisationForm,
} from '../../../machines/ontwikkelteam.v2.vocabulary.ts'
import { scenarioRules } from '../../engine/pilot-scenarios.ts'
import type { Scenario } from '../../../machines/vocabulary.ts'
import { periodText } from '../periods-text.ts'
import type { ReportContext, ReportDefinition } from '../report-context.ts'
import type { ReportTable } from '../report-table.ts'

const ELEMENTS = [
  ['score_gedeelde_ambities', 'Gedeelde ambities'],
  ['score_belangen', 'Belangen'],
  ['score_relaties', 'Relaties'],
  ['score_professioneel_organiseren', 'Professioneel organiseren'],
  ['score_betekenisgevend_proces', 'Betekenisgevend proces'],
] as const

const round1 = (value: number) => Math.round(value * 10) / 10

async function build(context: ReportContext): Promise<ReportTable> {
  const rows = await evaluationScores(context.db, context.filter)
  return {
    id: evaluationsReport.id,
    title: evaluationsReport.title,
    description: `De gemiddelde score (1 tot 5) op de vijf cruciale elementen van de samenwerking, per scenario en organisatievorm, over de ontwikkelteams die ${periodText(context)} begonnen en een evaluatie met scores hebben.`,
    columns: [
      { key: 'groep', label: 'Scenario en organisatievorm', kind: 'text' },
      { key: 'teams', label: 'Teams', kind: 'count' },
      { key: 'evaluaties', label: 'Evaluaties', kind: 'count' },
      ...ELEMENTS.map(([key, label]) => ({ key, label, kind: 'number' as const })),
    ],
    rows: rows
      .map((r) => {
        const scenario = (r.scenario ?? '') as Scenario
        const form = (r.organisationForm ?? scenarioRules[scenario]?.form) as
          OrganisationForm | undefined
        return {
          groep: `${scenario || 'Zonder scenario'} · ${form ? organisationFormLabels[form] : 'vorm onbekend'}`,
          teams: r.teams,
          evaluaties: r.evaluations,
          ...Object.fromEntries(ELEMENTS.map(([key]) => [key, round1(r.scores[key])])),
        }
      })
      .sort((a, b) => (a.groep < b.groep ? -1 : 1)),
    chart: {
      kind: 'bar',
      category: 'groep',
      series: ELEMENTS.map(([key]) => key),
      unit: 'score (1–5)',
    },
  }
}

export const evaluationsReport: ReportDefinition = {
  id: 'evaluaties',
  title: 'Evaluatiescores op de vijf cruciale elementen',
  summary: 'Hoe teams de samenwerking beoordelen, per scenario en organisatievorm.',
  machine: 'ontwikkelteam',
  accepts: ['van', 'tot', 'organisationId', 'scenario', 'machineVersion'],
  build,
}
