import { describe, expect, it } from 'vitest'
import type { ReportTable } from '../../src/reports/report-table.ts'
import { layoutChart, niceTicks, wrapText } from '../../src/ui/charts/chart-geometry.ts'
import { ReportChart, chartDataOf } from '../../src/ui/charts/report-chart.tsx'

const perFase: ReportTable = {
  id: 'doorlooptijd',
  title: 'Doorlooptijd per fase',
  description: 'Dagen per fase van de ontwikkelteams die in 2026 zijn gestart.',
  columns: [
    { key: 'fase', label: 'Fase', kind: 'text' },
    { key: 'mediaan', label: 'Mediaan', kind: 'days' },
    { key: 'gemiddeld', label: 'Gemiddeld', kind: 'days' },
  ],
  rows: [
    {
      fase: 'Oriënteren <&> verkennen van de onderwijsbehoefte in de school',
      mediaan: 12.5,
      gemiddeld: 14,
    },
    { fase: 'Ontwerpen', mediaan: { suppressed: true }, gemiddeld: 30.25 },
    { fase: 'Uitvoeren', mediaan: null, gemiddeld: 3 },
  ],
  chart: { kind: 'hbar', category: 'fase', series: ['mediaan', 'gemiddeld'], unit: 'dagen' },
}

const perStadsdeel: ReportTable = {
  id: 'trajecten',
  title: 'Trajecten per stadsdeel',
  description: 'Lopende trajecten op 1 maart 2026.',
  columns: [
    { key: 'stadsdeel', label: 'Stadsdeel', kind: 'text' },
    { key: 'aantal', label: 'Trajecten', kind: 'count' },
  ],
  rows: [
    { stadsdeel: 'Noord', aantal: 1234 },
    { stadsdeel: 'West', aantal: 7 },
    { stadsdeel: 'Zuid', aantal: { suppressed: true } },
  ],
  chart: { kind: 'bar', category: 'stadsdeel', series: ['aantal'], unit: 'trajecten' },
}

const render = (table: ReportTable) => String(ReportChart({ table }))
const count = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].length
const texts = (svg: string, role: string) =>
  [...svg.matchAll(new RegExp(`<text class="report-chart-${role}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (m) => m[1],
  )

describe('report chart', () => {
  it('is an image labelled by its title and a description with the highest value', () => {
    const svg = render(perFase)
    expect(svg).toMatch(/^<svg [^>]*role="img"/)
    expect(svg).toContain('aria-labelledby="doorlooptijd-title doorlooptijd-desc"')
    expect(svg).toContain('<title id="doorlooptijd-title">Doorlooptijd per fase</title>')
    const desc = /<desc id="doorlooptijd-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? ''
    expect(desc).toContain('Dagen per fase van de ontwikkelteams die in 2026 zijn gestart.')
    expect(desc).toContain('Het hoogst is Ontwerpen (Gemiddeld): 30,3 dagen.')
  })

  it('scales: a view box and the full width of its container', () => {
    const svg = render(perFase)
    expect(svg).toMatch(/ viewBox="0 0 360 \d+"/)
    expect(svg).toContain(' width="100%"')
    expect(svg).not.toMatch(/ height="\d+" viewBox/)
  })

  it('draws one bar per value, "< 5" for a suppressed cell and nothing for an empty one', () => {
    const svg = render(perFase)
    expect(count(svg, /<rect class="report-bar"/g)).toBe(4)
    expect(texts(svg, 'value')).toEqual(['12,5', '14', '30,3', '3'])
    expect(texts(svg, 'suppressed')).toEqual(['&lt; 5 (Mediaan)'])
    expect(texts(svg, 'note')).toEqual(['&lt; 5: minder dan 5 personen, niet getoond'])
  })

  it('escapes the labels and names the series in a legend with a pattern each', () => {
    const svg = render(perFase)
    expect(svg).toContain('Oriënteren &lt;&amp;&gt; verkennen')
    expect(svg).not.toContain('<&>')
    expect(texts(svg, 'legend')).toEqual(['Mediaan', 'Gemiddeld'])
    expect(svg).toContain('<pattern id="doorlooptijd-patroon-1"')
    expect(count(svg, /fill="url\(#doorlooptijd-patroon-1\)"/g)).toBe(1 + 3)
  })

  it('draws a few short categories as vertical bars, with the unit on the axis', () => {
    const svg = render(perStadsdeel)
    expect(svg).toContain('class="report-chart report-chart-vertical"')
    expect(count(svg, /<rect class="report-bar"/g)).toBe(2)
    expect(texts(svg, 'value')).toEqual(['1.234', '7'])
    expect(texts(svg, 'suppressed')).toEqual(['&lt; 5'])
    expect(texts(svg, 'unit')).toEqual(['trajecten'])
    expect(texts(svg, 'legend')).toEqual([])
  })

  it('falls back to horizontal bars for many categories', () => {
    const rows = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Nieuw-West', 'Zuidoost'].map(
      (stadsdeel, i) => ({ stadsdeel, aantal: i + 1 }),
    )
    const svg = render({ ...perStadsdeel, rows })
    expect(svg).toContain('report-chart-horizontal')
    expect(count(svg, /<rect class="report-bar"/g)).toBe(7)
  })

  it('writes euros as whole euros and keeps every text inside the view box', () => {
    const euro: ReportTable = {
      ...perStadsdeel,
      id: 'kosten',
      columns: [perStadsdeel.columns[0]!, { key: 'aantal', label: 'Kosten', kind: 'euro' }],
      rows: [{ stadsdeel: 'Noord', aantal: 123456789 }],
      chart: { ...perStadsdeel.chart, kind: 'hbar' },
    }
    const svg = render(euro)
    expect(texts(svg, 'value')).toEqual(['€ 1.234.568'])
    const layout = layoutChart(chartDataOf(euro))
    for (const mark of layout.texts.filter((t) => t.anchor === 'start')) {
      expect(mark.x + mark.text.length * 8).toBeLessThanOrEqual(360)
    }
  })

  it('makes its element ids unique per table', () => {
    const svg = render({ ...perFase, id: 'andere' })
    expect(svg).toContain('id="andere-title"')
    expect(svg).toContain('url(#andere-patroon-1)')
    expect(svg).not.toContain('doorlooptijd-')
  })
})

describe('chart geometry', () => {
  it('wraps long Dutch labels on words and cuts a word that is too long', () => {
    expect(wrapText('Oriënteren en verkennen', 12)).toEqual(['Oriënteren', 'en verkennen'])
    expect(wrapText('onderwijsbehoefte', 8)).toEqual(['onderwi-', 'jsbehoe-', 'fte'])
  })

  it('chooses round ticks up to the highest value', () => {
    expect(niceTicks(30.25, 'days', 3)).toEqual([0, 20, 40])
    expect(niceTicks(3, 'count', 4)).toEqual([0, 1, 2, 3])
    expect(niceTicks(0, 'count', 4)).toEqual([0, 1])
  })
})
