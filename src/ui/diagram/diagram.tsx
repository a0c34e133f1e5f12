import type { MachineDefinition } from '../../../machines/types.ts'
import { valueLabel } from '../labels.ts'
import type { Box } from './diagram-layout.ts'
import { activePaths, layoutMachine } from './diagram-layout.ts'

const INK = '#1b1b1b'
const ACTIVE = '#0b4f8a'
const MUTED = '#4a4a4a'

function StateBox({ box, active }: { box: Box; active: boolean }) {
  const container = box.kind === 'parallel' || box.kind === 'region'
  const fill = active && !container ? ACTIVE : container ? '#f4f6f8' : '#ffffff'
  const text = active && !container ? '#ffffff' : INK
  return (
    <g data-state={box.path} data-active={active ? 'true' : undefined}>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={container ? 6 : 10}
        fill={fill}
        stroke={active ? ACTIVE : container ? '#8a949e' : INK}
        stroke-width={active && !container ? 3 : 1.2}
        stroke-dasharray={box.kind === 'region' ? '5 3' : undefined}
      />
      {box.kind === 'final' && (
        <rect
          x={box.x + 4}
          y={box.y + 4}
          width={box.w - 8}
          height={box.h - 8}
          rx={7}
          fill="none"
          stroke={text}
          stroke-width={1}
        />
      )}
      <text
        x={container ? box.x + 10 : box.x + box.w / 2}
        y={container ? box.y + 20 : box.y + box.h / 2 + 5}
        text-anchor={container ? 'start' : 'middle'}
        font-size={13}
        font-weight={active || container ? 'bold' : 'normal'}
        fill={text}
      >
        {box.label}
      </text>
    </g>
  )
}

/**
 * An SVG of a machine, generated from its definition. With a state value the active states are
 * highlighted and named in the description, so a screen reader hears where the process is.
 */
export function MachineDiagram({
  def,
  state,
  id,
}: {
  def: MachineDefinition
  state?: unknown
  id?: string
}) {
  const layout = layoutMachine(def)
  const active = new Set(state === undefined ? [] : activePaths(state))
  const key = id ?? `diagram-${def.id}`
  const leaves = layout.boxes.filter(
    (b) => active.has(b.path) && (b.kind === 'state' || b.kind === 'final'),
  )
  const where = leaves.length
    ? ` Huidige toestand: ${leaves.map((b) => b.path.split('.').map(valueLabel).join(' › ')).join('; ')}.`
    : ''
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 ${layout.minY} ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={`${key}-titel ${key}-uitleg`}
      font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"
      class="machine-diagram"
    >
      <title id={`${key}-titel`}>Procesdiagram {def.id}</title>
      <desc id={`${key}-uitleg`}>
        Toestanden en overgangen van {def.id}, gegenereerd uit de machinedefinitie.{where}
      </desc>
      <defs>
        <marker
          id={`${key}-pijl`}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={7}
          markerHeight={7}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={MUTED} />
        </marker>
      </defs>
      {layout.boxes.map((box) => (
        <StateBox box={box} active={active.has(box.path)} />
      ))}
      {layout.edges.map((edge) => (
        <g>
          <path
            d={edge.d}
            fill="none"
            stroke={MUTED}
            stroke-width={1.3}
            marker-end={edge.arrow ? `url(#${key}-pijl)` : undefined}
          />
          {edge.label && (
            <text
              x={edge.labelX}
              y={edge.labelY}
              text-anchor={edge.anchor}
              font-size={10.5}
              fill={INK}
            >
              {edge.label}
            </text>
          )}
        </g>
      ))}
    </svg>
  )
}
