import type { AnyStateNode } from 'xstate'
import type { MachineDefinition } from '../../../machines/types.ts'

import type { Box, Layout, RowPair, Transition } from './diagram-types.ts'
import {
  MARGIN,
  MIN_GAP,
  PAD,
  REGION_HEAD,
  STACK_GAP,
  STATE_H,
  textWidth,
} from './diagram-types.ts'
import { rowEdges, stackEdges } from './diagram-edges.ts'

export type { Box, Edge, Layout } from './diagram-types.ts'

// A layered layout of a machine, read from its definition: the top-level states in a row (the
// phases of an ontwikkelteam), a parallel state as columns of regions whose states stack
// vertically (the four questions and the role of a rolovergang). Edges come from `node.on`.

function children(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states)
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.')
}

/** Every transition with a target other than its source, deduplicated. */
function transitionsOf(root: AnyStateNode): Transition[] {
  const seen = new Set<string>()
  const out: Transition[] = []
  const walk = (node: AnyStateNode) => {
    for (const [event, list] of node.transitions) {
      for (const t of list) {
        for (const target of t.target ?? []) {
          const from = pathOf(node)
          const to = pathOf(target)
          const key = `${from}→${to}:${event}`
          if (to === from || seen.has(key)) continue
          seen.add(key)
          out.push({ from, to, event })
        }
      }
    }
    for (const child of children(node)) walk(child)
  }
  walk(root)
  return out
}

/** Lays out a region: its states stacked vertically. */
function stack(
  region: AnyStateNode,
  x: number,
  y: number,
  edges: Transition[],
  label: string,
): Box[] {
  const states = children(region)
  const inner = edges.filter(
    (e) => e.from.startsWith(`${pathOf(region)}.`) && e.to.startsWith(`${pathOf(region)}.`),
  )
  const labelW = Math.max(0, ...inner.map((e) => textWidth(e.event, 10.5)))
  const stateW = Math.max(...states.map((s) => textWidth(s.key, 13) + 24))
  const w = Math.max(stateW, labelW + 40, textWidth(label, 13) + 16) + 2 * PAD
  const boxes: Box[] = []
  states.forEach((s, i) => {
    boxes.push({
      path: pathOf(s),
      label: s.key,
      kind: s.type === 'final' ? 'final' : 'state',
      x: x + PAD,
      y: y + REGION_HEAD + i * (STATE_H + STACK_GAP),
      w: w - 2 * PAD,
      h: STATE_H,
    })
  })
  const h = REGION_HEAD + states.length * STATE_H + (states.length - 1) * STACK_GAP + PAD
  return [{ path: pathOf(region), label, kind: 'region', x, y, w, h }, ...boxes]
}

/** Transitions between top-level states, and the events drawn as a bus (3+ sources, 1 target). */
function rowPairs(row: AnyStateNode[], transitions: Transition[]) {
  const index = (path: string) => row.findIndex((n) => path.split('.')[0] === n.key)
  const pairs = new Map<string, RowPair>()
  for (const t of transitions) {
    const from = index(t.from)
    const to = index(t.to)
    if (from < 0 || to < 0 || from === to) continue
    const key = `${from}:${to}`
    const entry = pairs.get(key) ?? { from, to, events: new Set<string>() }
    entry.events.add(t.event)
    pairs.set(key, entry)
  }
  const sources = new Map<string, number[]>()
  for (const { from, to, events } of pairs.values()) {
    for (const event of events) {
      const key = `${event}→${to}`
      sources.set(key, [...(sources.get(key) ?? []), from])
    }
  }
  const buses = [...sources].filter(([, from]) => from.length >= 3)
  const onBus = (from: number, to: number, event: string) =>
    buses.some(([key, list]) => key === `${event}→${to}` && list.includes(from))
  return { pairs: [...pairs.values()], buses, onBus }
}

/** The layout of a machine definition. */
export function layoutMachine(def: MachineDefinition): Layout {
  const root = def.machine.root as AnyStateNode
  const transitions = transitionsOf(root)
  const row = children(root)
  const { pairs, buses, onBus } = rowPairs(row, transitions)
  // The gap after a state is wide enough for the label of the arrow to its neighbour.
  const gapAfter = row.map((_, i) => {
    const pair = pairs.find((p) => p.from === i && p.to === i + 1)
    const label = pair ? [...pair.events].filter((e) => !onBus(i, i + 1, e)).join(', ') : ''
    return Math.max(MIN_GAP, textWidth(label, 10.5) + 16)
  })
  const boxes: Box[] = []
  const rowBoxes: Box[] = []
  let x = MARGIN
  const top = MARGIN
  row.forEach((node, i) => {
    const gap = gapAfter[i] ?? MIN_GAP
    if (node.type === 'parallel' || children(node).length > 0) {
      const regions = node.type === 'parallel' ? children(node) : [node]
      let rx = x + PAD
      const inner: Box[] = []
      for (const region of regions) {
        const stacked = stack(region, rx, top + REGION_HEAD, transitions, region.key)
        inner.push(...stacked)
        rx += (stacked[0]?.w ?? 0) + PAD
      }
      const h =
        Math.max(...inner.filter((b) => b.kind === 'region').map((b) => b.h)) + REGION_HEAD + PAD
      const box: Box = {
        path: pathOf(node),
        label: node.key,
        kind: 'parallel',
        x,
        y: top,
        w: rx - x,
        h,
      }
      rowBoxes.push(box)
      boxes.push(box, ...inner)
      x = rx + gap
    } else {
      const box: Box = {
        path: pathOf(node),
        label: node.key,
        kind: node.type === 'final' ? 'final' : 'state',
        x,
        y: top,
        w: Math.max(96, textWidth(node.key, 13) + 24),
        h: STATE_H,
      }
      rowBoxes.push(box)
      boxes.push(box)
      x += box.w + gap
    }
  })
  // Single states sit on the middle line of the row's tallest box.
  const rowH = Math.max(...rowBoxes.map((b) => b.h))
  for (const b of rowBoxes) {
    if (b.kind === 'state' || b.kind === 'final') b.y = top + (rowH - b.h) / 2
  }
  const edges = [
    ...rowEdges(rowBoxes, pairs, buses, onBus, top, rowH),
    ...stackEdges(boxes, transitions),
  ]
  // Arcs over the row may rise above 0: the view box grows to hold every label.
  const labelYs = edges.filter((e) => e.label).map((e) => e.labelY)
  const minY = Math.min(top, ...labelYs.map((y) => y - 14)) - MARGIN / 2
  const maxY = Math.max(top + rowH, ...labelYs) + MARGIN
  const width = x - (gapAfter[row.length - 1] ?? MIN_GAP) + MARGIN
  return { width, height: maxY - minY, minY, boxes, edges }
}

/** The active state paths of a state value: `{lopend: {toegang: 'open'}}` → lopend, lopend.toegang, lopend.toegang.open. */
export function activePaths(value: unknown, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')]
  if (typeof value !== 'object' || value === null) return []
  const out: string[] = []
  for (const [key, sub] of Object.entries(value)) {
    const path = [...prefix, key]
    out.push(path.join('.'))
    out.push(...activePaths(sub, path))
  }
  return out
}
