// The shapes and measures shared by the diagram layout and its edges.

export interface Box {
  /** Dotted state path, e.g. `lopend.toegang.open`. */
  path: string
  label: string
  kind: 'state' | 'final' | 'parallel' | 'region'
  x: number
  y: number
  w: number
  h: number
}

export interface Edge {
  d: string
  label: string
  labelX: number
  labelY: number
  anchor: 'start' | 'middle' | 'end'
  arrow: boolean
}

export interface Layout {
  width: number
  height: number
  /** Top of the view box (negative when arcs rise above the row). */
  minY: number
  boxes: Box[]
  edges: Edge[]
}

export const STATE_H = 40
export const MIN_GAP = 44
export const STACK_GAP = 44
export const REGION_HEAD = 30
export const PAD = 12
export const MARGIN = 16
const charWidth = (size: number) => size * 0.58
export const textWidth = (text: string, size: number) => Math.ceil(text.length * charWidth(size))

/** A transition between two states, by dotted path. */
export interface Transition {
  from: string
  to: string
  event: string
}

/** Top-level states `from` → `to` (row indices) and the events between them. */
export interface RowPair {
  from: number
  to: number
  events: Set<string>
}
