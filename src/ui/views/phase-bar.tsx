import { phases } from '../../../machines/vocabulary.ts'
import { valueLabel } from '../labels.ts'

/** Where a long phase name may break in a narrow bar (soft hyphens). */
const BREAKS: Record<string, string> = {
  overeenkomen: 'Overeen\u00adkomen',
  dissemineren: 'Dissemi\u00adneren',
}

/** The seven phases as a bar: done, current (with the cycle) and still to come. */
export function PhaseBar({
  state,
  cycle,
  status,
  id = 'fasen',
}: {
  state: unknown
  cycle: number
  status: string
  /** Unique on the page: several teams may show their bar on one page. */
  id?: string
}) {
  const current = typeof state === 'string' ? (phases as readonly string[]).indexOf(state) : -1
  const finished = state === 'afgerond'
  const summary =
    current >= 0
      ? `Cyclus ${cycle} · fase ${current + 1} van ${phases.length}: ${valueLabel(phases[current] ?? '')}${status === 'gepauzeerd' ? ' (gepauzeerd)' : ''}`
      : `Cyclus ${cycle} · het team is ${String(state)}`
  return (
    <div class="phase-bar-wrap">
      <p class="phase-summary" id={`${id}-samenvatting`}>
        {summary}
      </p>
      <ol
        class={`phase-bar${status === 'gepauzeerd' ? ' paused' : ''}`}
        aria-labelledby={`${id}-samenvatting`}
      >
        {phases.map((phase, i) => {
          const done = finished || (current >= 0 && i < current)
          const now = i === current
          return (
            <li
              class={now ? 'current' : done ? 'done' : 'todo'}
              aria-current={now ? 'step' : undefined}
            >
              <span class="phase-number" aria-hidden="true">
                {done ? '✓' : String(i + 1)}
              </span>
              <span class="phase-name">{BREAKS[phase] ?? valueLabel(phase)}</span>
              <span class="visually-hidden">
                {now ? ' (huidige fase)' : done ? ' (gedaan)' : ' (nog niet)'}
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
