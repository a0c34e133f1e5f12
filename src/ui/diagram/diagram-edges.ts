import type { Box, Edge, RowPair, Transition } from './diagram-types.ts'
import { STACK_GAP } from './diagram-types.ts'

// The arrows of a machine diagram: along the row of top-level states (straight to the next,
// arcs over for skips forward, under for steps back, a bus for one event from many states), and
// inside the stacked states of a region.

/** Arrows between top-level states. */
export function rowEdges(
  rowBoxes: Box[],
  pairs: RowPair[],
  buses: [string, number[]][],
  onBus: (from: number, to: number, event: string) => boolean,
  top: number,
  rowH: number,
): Edge[] {
  const mid = top + rowH / 2
  const edges: Edge[] = []
  buses.forEach(([key, sources], level) => {
    const [event = '', toText = ''] = key.split('→')
    const target = rowBoxes[Number(toText)]
    if (!target) return
    const y = top - 26 - level * 16
    const from = sources.map((s) => rowBoxes[s]).filter((b): b is Box => b !== undefined)
    const tx = target.x + target.w / 2
    const xs = from.map((b) => b.x + b.w / 2)
    const left = Math.min(...xs, tx)
    let d = `M${left},${y} H${Math.max(...xs, tx)}`
    for (const b of from) d += ` M${b.x + b.w / 2},${b.y} V${y}`
    edges.push({ d, label: '', labelX: 0, labelY: 0, anchor: 'middle', arrow: false })
    edges.push({
      d: `M${tx},${y} V${target.y - 2}`,
      label: `${event} (vanuit elke open toestand)`,
      labelX: left + 4,
      labelY: y - 5,
      anchor: 'start',
      arrow: true,
    })
  })
  for (const { from, to, events } of pairs) {
    const rest = [...events].filter((e) => !onBus(from, to, e))
    const a = rowBoxes[from]
    const b = rowBoxes[to]
    if (rest.length === 0 || !a || !b) continue
    const label = rest.join(', ')
    const span = Math.abs(to - from)
    if (to === from + 1) {
      const x1 = a.x + a.w
      const x2 = b.x - 2
      edges.push({
        d: `M${x1},${mid} H${x2}`,
        label,
        labelX: (x1 + x2) / 2,
        labelY: mid - 8,
        anchor: 'middle',
        arrow: true,
      })
    } else if (to > from) {
      const x1 = a.x + a.w / 2 + 8
      const x2 = b.x + b.w / 2 - 8
      const y = top - 40 - 28 * span
      const high = Math.min(a.y, b.y)
      edges.push({
        d: `M${x1},${a.y} C${x1},${y} ${x2},${y} ${x2},${b.y - 2}`,
        label,
        labelX: (x1 + x2) / 2,
        // A cubic with both control points at y peaks three quarters of the way there.
        labelY: high + 0.75 * (y - high) - 5,
        anchor: 'middle',
        arrow: true,
      })
    } else {
      const x1 = a.x + a.w / 2 - 8
      const x2 = b.x + b.w / 2 + 8
      const bottom = top + rowH
      const y = bottom + 24 + 14 * span
      edges.push({
        d: `M${x1},${a.y + a.h} C${x1},${y} ${x2},${y} ${x2},${b.y + b.h + 2}`,
        label,
        labelX: (x1 + x2) / 2,
        labelY: bottom + 0.75 * (y - bottom) + 13,
        anchor: 'middle',
        arrow: true,
      })
    }
  }
  return edges
}

/** Edges inside a region: down to the next state, or around the side when skipping one. */
export function stackEdges(boxes: Box[], transitions: Transition[]): Edge[] {
  const edges: Edge[] = []
  const byPath = new Map(boxes.map((b) => [b.path, b]))
  const drawn = new Map<string, string[]>()
  for (const t of transitions) {
    const a = byPath.get(t.from)
    const b = byPath.get(t.to)
    if (!a || !b || a.kind === 'parallel' || b.kind === 'parallel') continue
    const regionA = t.from.split('.').slice(0, -1).join('.')
    const regionB = t.to.split('.').slice(0, -1).join('.')
    if (regionA === '' || regionA !== regionB) continue
    const key = `${t.from}→${t.to}`
    drawn.set(key, [...(drawn.get(key) ?? []), t.event])
  }
  for (const [key, events] of drawn) {
    const [from = '', to = ''] = key.split('→')
    const a = byPath.get(from)
    const b = byPath.get(to)
    if (!a || !b) continue
    const adjacent = b.y > a.y && b.y - (a.y + a.h) <= STACK_GAP + 1
    if (adjacent) {
      const x = a.x + 18
      edges.push({
        d: `M${x},${a.y + a.h} V${b.y - 2}`,
        label: events.join(', '),
        labelX: x + 8,
        labelY: a.y + a.h + STACK_GAP / 2 + 4,
        anchor: 'start',
        arrow: true,
      })
    } else {
      const x = a.x - 6
      edges.push({
        d: `M${a.x},${a.y + a.h / 2} H${x} V${b.y + b.h / 2} H${b.x - 2}`,
        label: '',
        labelX: 0,
        labelY: 0,
        anchor: 'start',
        arrow: true,
      })
    }
  }
  return edges
}
