import type { ColumnKind } from '../../reports/report-table.ts'
import { SUPPRESSED_TEXT } from '../../reports/report-table.ts'
import { formatEuro, formatNumber, formatPercent } from '../../reports/format-cell.ts'

/**
 * The chart is drawn in a 360 units wide box that scales to its container: on a 390 px wide phone
 * (about 330 px for the chart) a unit is still 0.9 px, so the 14-unit text stays above 12 px.
 */
export const WIDTH = 360
export const FONT_SIZE = 14
/** A generous width of one character at FONT_SIZE, so that estimated text never runs over. */
const CHAR_WIDTH = 8
/** The same for the bold category names. */
const BOLD_CHAR_WIDTH = 9.5
const LINE_HEIGHT = 18
const BAR_HEIGHT = 20
const BAR_GAP = 4
const GROUP_GAP = 14
const LEGEND_ROW = 24
const PLOT_HEIGHT = 180
const MAX_VERTICAL_GROUPS = 6

/** A value as the chart shows it, or a cell that must not be shown, or nothing. */
export type ChartValue = number | 'suppressed' | null

export interface ChartData {
  series: { label: string; kind: ColumnKind }[]
  groups: { label: string; values: ChartValue[] }[]
  unit: string
  prefer: 'bar' | 'hbar'
}

export interface BarMark {
  series: number
  x: number
  y: number
  width: number
  height: number
}

export interface TextMark {
  x: number
  y: number
  text: string
  anchor: 'start' | 'middle' | 'end'
  role: 'category' | 'value' | 'suppressed' | 'tick' | 'unit' | 'legend' | 'note'
}

export interface ChartLayout {
  height: number
  orientation: 'horizontal' | 'vertical'
  bars: BarMark[]
  texts: TextMark[]
  grid: { x1: number; y1: number; x2: number; y2: number }[]
  axis: { x1: number; y1: number; x2: number; y2: number }
  legend: { series: number; x: number; y: number }[]
}

/** A value at the end of its bar: `12,5`, `1.234`, `€ 1.234`, `12,5%`. */
export function chartValueText(value: number, kind: ColumnKind): string {
  if (kind === 'euro') return formatEuro(value, true)
  if (kind === 'percent') return formatPercent(value)
  return formatNumber(value, kind === 'count' ? 0 : 1)
}

const textWidth = (text: string) => text.length * CHAR_WIDTH

/** Words over lines of at most `maxChars`; a word longer than a line is cut. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word
    while (rest.length > maxChars) {
      if (line) lines.push(line)
      lines.push(rest.slice(0, maxChars - 1) + '-')
      rest = rest.slice(maxChars - 1)
      line = ''
    }
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= maxChars) line += ` ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

/** Round steps (1, 2, 5 × 10ⁿ) from zero to at least `max`; whole steps for counts and euros. */
export function niceTicks(max: number, kind: ColumnKind, target: number): number[] {
  const least = kind === 'count' ? 1 : kind === 'euro' ? 100 : 0
  const top = max > 0 ? max : least || 1
  const raw = top / target
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const residual = raw / magnitude
  const step = Math.max(
    (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude,
    least,
  )
  const ticks = [0]
  while ((ticks.at(-1) ?? 0) < top - step * 1e-9) ticks.push(ticks.length * step)
  return ticks
}

function valueText(value: ChartValue, kind: ColumnKind): string | null {
  if (value === null) return null
  return value === 'suppressed' ? SUPPRESSED_TEXT : chartValueText(value, kind)
}

function legendOf(data: ChartData, layout: ChartLayout): number {
  if (data.series.length < 2) return 0
  data.series.forEach((series, i) => {
    const y = i * LEGEND_ROW
    layout.legend.push({ series: i, x: 0, y })
    layout.texts.push({ x: 24, y: y + 14, text: series.label, anchor: 'start', role: 'legend' })
  })
  return data.series.length * LEGEND_ROW + 8
}

function scaleOf(data: ChartData, target: number) {
  const kind = data.series[0]?.kind ?? 'number'
  const values = data.groups.flatMap((g) => g.values).filter((v) => typeof v === 'number')
  const ticks = niceTicks(Math.max(0, ...values), kind, target)
  const tickTexts = ticks.map((t) => chartValueText(t, kind))
  return { kind, ticks, tickTexts, top: ticks.at(-1) ?? 1 }
}

function widestValue(data: ChartData): number {
  const texts = data.groups.flatMap((g) =>
    g.values.map((v, i) => valueText(v, data.series[i]?.kind ?? 'number') ?? ''),
  )
  return Math.max(0, ...texts.map(textWidth))
}

function emptyLayout(orientation: ChartLayout['orientation']): ChartLayout {
  const axis = { x1: 0, y1: 0, x2: 0, y2: 0 }
  return { height: 0, orientation, bars: [], texts: [], grid: [], axis, legend: [] }
}

/** One horizontal bar per value, the category's name above its bars, the axis below. */
function horizontal(data: ChartData): ChartLayout {
  const layout = emptyLayout('horizontal')
  const scale = scaleOf(data, 3)
  const lastTick = scale.tickTexts.at(-1) ?? ''
  const reserve = Math.max(widestValue(data) + 8, textWidth(lastTick) / 2 + 2)
  const plot = WIDTH - reserve
  const xOf = (v: number) => (Math.max(0, v) / scale.top) * plot
  let y = legendOf(data, layout)
  const top = y
  for (const group of data.groups) {
    for (const line of wrapText(group.label, Math.floor(WIDTH / BOLD_CHAR_WIDTH))) {
      layout.texts.push({ x: 0, y: y + 14, text: line, anchor: 'start', role: 'category' })
      y += LINE_HEIGHT
    }
    y += 2
    group.values.forEach((value, series) => {
      const text = valueText(value, data.series[series]?.kind ?? 'number')
      if (typeof value === 'number') {
        const width = xOf(value)
        layout.bars.push({ series, x: 0, y, width, height: BAR_HEIGHT })
        layout.texts.push({
          x: width + 6,
          y: y + 15,
          text: text ?? '',
          anchor: 'start',
          role: 'value',
        })
      } else if (text) {
        const name = data.series.length > 1 ? ` (${data.series[series]?.label ?? ''})` : ''
        layout.texts.push({
          x: 4,
          y: y + 15,
          text: text + name,
          anchor: 'start',
          role: 'suppressed',
        })
      }
      y += BAR_HEIGHT + BAR_GAP
    })
    y += GROUP_GAP - BAR_GAP
  }
  layout.axis = { x1: 0, y1: y, x2: plot, y2: y }
  scale.ticks.forEach((tick, i) => {
    const x = xOf(tick)
    layout.grid.push({ x1: x, y1: top, x2: x, y2: y })
    const anchor = i === 0 ? 'start' : 'middle'
    layout.texts.push({ x, y: y + 18, text: scale.tickTexts[i] ?? '', anchor, role: 'tick' })
  })
  layout.texts.push({ x: plot, y: y + 38, text: data.unit, anchor: 'end', role: 'unit' })
  layout.height = y + 44
  return layout
}

/** Whether grouped vertical bars fit: few groups, every value above its bar, short labels. */
function fitsVertically(data: ChartData, plotWidth: number): boolean {
  const groups = data.groups.length
  if (groups === 0 || groups > MAX_VERTICAL_GROUPS) return false
  const groupWidth = plotWidth / groups
  const barWidth = (groupWidth * 0.8) / Math.max(1, data.series.length)
  const chars = Math.floor((groupWidth - 4) / BOLD_CHAR_WIDTH)
  const labelsFit = data.groups.every((g) => {
    const words = g.label.split(/\s+/)
    return words.every((w) => w.length <= chars) && wrapText(g.label, chars).length <= 2
  })
  return labelsFit && barWidth >= widestValue(data) + 2
}

/** Bars side by side per category, the value above each bar, the names below the axis. */
function vertical(data: ChartData): ChartLayout | null {
  const scale = scaleOf(data, 4)
  const left = Math.max(...scale.tickTexts.map(textWidth)) + 8
  const plot = WIDTH - left
  if (!fitsVertically(data, plot)) return null
  const layout = emptyLayout('vertical')
  const legend = legendOf(data, layout)
  layout.texts.push({ x: 0, y: legend + 14, text: data.unit, anchor: 'start', role: 'unit' })
  const base = legend + LINE_HEIGHT + 24 + PLOT_HEIGHT
  const yOf = (v: number) => base - (Math.max(0, v) / scale.top) * PLOT_HEIGHT
  scale.ticks.forEach((tick, i) => {
    layout.grid.push({ x1: left, y1: yOf(tick), x2: WIDTH, y2: yOf(tick) })
    const text = scale.tickTexts[i] ?? ''
    layout.texts.push({ x: left - 6, y: yOf(tick) + 5, text, anchor: 'end', role: 'tick' })
  })
  layout.axis = { x1: left, y1: base, x2: WIDTH, y2: base }
  const groupWidth = plot / data.groups.length
  const barWidth = (groupWidth * 0.8) / Math.max(1, data.series.length)
  const chars = Math.floor((groupWidth - 4) / BOLD_CHAR_WIDTH)
  let lines = 0
  data.groups.forEach((group, g) => {
    const start = left + g * groupWidth + groupWidth * 0.1
    group.values.forEach((value, series) => {
      const x = start + series * barWidth
      const text = valueText(value, data.series[series]?.kind ?? 'number')
      if (typeof value === 'number') {
        const top = yOf(value)
        layout.bars.push({ series, x: x + 1, y: top, width: barWidth - 2, height: base - top })
        const mid = x + barWidth / 2
        layout.texts.push({ x: mid, y: top - 5, text: text ?? '', anchor: 'middle', role: 'value' })
      } else if (text) {
        const mid = x + barWidth / 2
        layout.texts.push({ x: mid, y: base - 6, text, anchor: 'middle', role: 'suppressed' })
      }
    })
    const wrapped = wrapText(group.label, chars)
    lines = Math.max(lines, wrapped.length)
    wrapped.forEach((line, i) => {
      const x = left + (g + 0.5) * groupWidth
      const y = base + 18 + i * LINE_HEIGHT
      layout.texts.push({ x, y, text: line, anchor: 'middle', role: 'category' })
    })
  })
  layout.height = base + 8 + lines * LINE_HEIGHT
  return layout
}

/** The note under a chart with suppressed cells, so that "< 5" is never a riddle. */
export const SUPPRESSED_NOTE = `${SUPPRESSED_TEXT}: minder dan 5 personen, niet getoond`

/** Where every bar, text and line of a chart goes, in units of a WIDTH-wide view box. */
export function layoutChart(data: ChartData): ChartLayout {
  const layout = (data.prefer === 'bar' ? vertical(data) : null) ?? horizontal(data)
  if (data.groups.some((g) => g.values.includes('suppressed'))) {
    const y = layout.height + 14
    layout.texts.push({ x: 0, y, text: SUPPRESSED_NOTE, anchor: 'start', role: 'note' })
    layout.height = y + 6
  }
  return layout
}
