import { formatCell } from '../../reports/format-cell.ts'
import type { ReportCell, ReportTable } from '../../reports/report-table.ts'
import { isSuppressed } from '../../reports/report-table.ts'
import type { ChartData, ChartValue, TextMark } from './chart-geometry.ts'
import { FONT_SIZE, WIDTH, chartValueText, layoutChart } from './chart-geometry.ts'

const INK = '#1b1b1b'
const MUTED = '#4f575c'
const GRID = '#d9dbdc'
/** Series colours, each at least 6:1 against white; each series also has its own pattern. */
const COLOURS = ['#0b4f8a', '#1d6b35', '#7a4300', '#6b2c91', '#9c2a1f']

/** The pattern inside a bar of series `index`: solid, stripes, dots, lines, or a grid. */
function Pattern({ id, index }: { id: string; index: number }) {
  const colour = COLOURS[index % COLOURS.length] ?? INK
  const shape = index % COLOURS.length
  const rotate = shape === 1 || shape === 4 ? 'rotate(45)' : undefined
  return (
    <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform={rotate}>
      <rect width={8} height={8} fill={colour} />
      {shape === 1 && <rect width={3} height={8} fill="#ffffff" />}
      {shape === 2 && <circle cx={4} cy={4} r={1.8} fill="#ffffff" />}
      {shape === 3 && <rect width={8} height={2.5} fill="#ffffff" />}
      {shape === 4 && <path d="M0,4 H8 M4,0 V8" stroke="#ffffff" stroke-width={2} />}
    </pattern>
  )
}

function valueOf(cell: ReportCell | undefined): ChartValue {
  if (cell === undefined || cell === null) return null
  if (isSuppressed(cell)) return 'suppressed'
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : null
}

/** The table as the chart reads it: the series' labels and kinds, one group per row. */
export function chartDataOf(table: ReportTable): ChartData {
  const columns = new Map(table.columns.map((column) => [column.key, column]))
  const categoryKind = columns.get(table.chart.category)?.kind ?? 'text'
  const series = table.chart.series.map((key) => ({
    key,
    label: columns.get(key)?.label ?? key,
    kind: columns.get(key)?.kind ?? 'number',
  }))
  return {
    series,
    groups: table.rows.map((row) => ({
      label: formatCell(row[table.chart.category] ?? null, categoryKind),
      values: series.map((s) => valueOf(row[s.key])),
    })),
    unit: table.chart.unit,
    prefer: table.chart.kind,
  }
}

/** In plain Dutch: which bar is the longest, and what "< 5" means when it is there. */
export function chartSummary(data: ChartData): string {
  let top: { group: number; series: number; value: number } | null = null
  let suppressed = 0
  for (const [g, group] of data.groups.entries()) {
    for (const [s, value] of group.values.entries()) {
      if (value === 'suppressed') suppressed += 1
      else if (typeof value === 'number' && (top === null || value > top.value))
        top = { group: g, series: s, value }
    }
  }
  const parts: string[] = []
  if (top === null) parts.push('Er zijn geen getallen om te tonen.')
  else {
    const series = data.series[top.series]
    const kind = series?.kind ?? 'number'
    const which = data.series.length > 1 && series ? ` (${series.label})` : ''
    const unit = kind === 'euro' || kind === 'percent' ? '' : ` ${data.unit}`
    const label = data.groups[top.group]?.label ?? ''
    parts.push(`Het hoogst is ${label}${which}: ${chartValueText(top.value, kind)}${unit}.`)
  }
  if (suppressed > 0) {
    const count = suppressed === 1 ? '1 waarde' : `${suppressed} waarden`
    parts.push(`Bij ${count} staat "< 5": minder dan 5 personen, dat getal tonen we niet.`)
  }
  return parts.join(' ')
}

const TEXT_STYLE: Record<TextMark['role'], { fill: string; weight?: string }> = {
  category: { fill: INK, weight: 'bold' },
  value: { fill: INK },
  suppressed: { fill: MUTED },
  tick: { fill: MUTED },
  unit: { fill: MUTED },
  legend: { fill: INK },
  note: { fill: MUTED },
}

/** Only letters, digits, `-` and `_` in element ids, so that `url(#…)` always resolves. */
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-') || 'rapport'

/** Coordinates to a tenth of a unit: plenty on any screen, and a shorter SVG. */
const r = (n: number) => Math.round(n * 10) / 10

const roundLine = (line: { x1: number; y1: number; x2: number; y2: number }) => ({
  x1: r(line.x1),
  y1: r(line.y1),
  x2: r(line.x2),
  y2: r(line.y2),
})

/**
 * A report's chart as an SVG that scales to its container: horizontal bars (the names above
 * them, readable on a phone) or, for a few short categories, bars side by side. Every bar carries
 * its value; series differ in colour and pattern, named in a legend. The table on the page stays
 * the full account: the SVG is one image for a screen reader, with a summary in its description.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const key = safeId(table.id)
  const data = chartDataOf(table)
  const layout = layoutChart(data)
  const patternId = (series: number) => `${key}-patroon-${series % COLOURS.length}`
  const fillOf = (series: number) =>
    series % COLOURS.length === 0 ? (COLOURS[0] ?? INK) : `url(#${patternId(series)})`
  const strokeOf = (series: number) => COLOURS[series % COLOURS.length] ?? INK
  const height = Math.ceil(layout.height)
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="100%"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${key}-title ${key}-desc`}
      font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"
      font-size={FONT_SIZE}
      class={`report-chart report-chart-${layout.orientation}`}
    >
      <title id={`${key}-title`}>{table.title}</title>
      <desc id={`${key}-desc`}>
        {table.description} {chartSummary(data)}
      </desc>
      <defs>
        {data.series.slice(1, COLOURS.length).map((_, i) => (
          <Pattern id={patternId(i + 1)} index={i + 1} />
        ))}
      </defs>
      {layout.grid.map((line) => (
        <line {...roundLine(line)} stroke={GRID} stroke-width={1} />
      ))}
      <line {...roundLine(layout.axis)} stroke={MUTED} stroke-width={1.5} />
      {layout.legend.map((item) => (
        <rect
          class="report-legend-swatch"
          x={item.x + 1}
          y={item.y + 1}
          width={18}
          height={18}
          fill={fillOf(item.series)}
          stroke={strokeOf(item.series)}
          stroke-width={1.5}
        />
      ))}
      {layout.bars.map((bar) => (
        <rect
          class="report-bar"
          data-series={String(bar.series)}
          x={r(bar.x)}
          y={r(bar.y)}
          width={r(Math.max(0, bar.width))}
          height={r(Math.max(0, bar.height))}
          fill={fillOf(bar.series)}
          stroke={strokeOf(bar.series)}
          stroke-width={1.5}
        />
      ))}
      {layout.texts.map((mark) => (
        <text
          class={`report-chart-${mark.role}`}
          x={r(mark.x)}
          y={r(mark.y)}
          text-anchor={mark.anchor}
          fill={TEXT_STYLE[mark.role].fill}
          font-weight={TEXT_STYLE[mark.role].weight}
        >
          {mark.text}
        </text>
      ))}
    </svg>
  )
}
