import { OntwikkelteamContext } from '../../../machines/index.ts'
import { OntwikkelteamV2Context } from '../../../machines/ontwikkelteam.v2.context.ts'
import type { Phase } from '../../../machines/vocabulary.ts'
import { phases } from '../../../machines/vocabulary.ts'
import type { EventView } from '../../engine/read-instances.ts'
import { valueLabel } from '../labels.ts'
import type { Names } from '../views/names.ts'
import { V1Records } from './team-phase-records.tsx'
import { EarlierCycles, TeamHalt } from './team-status.tsx'
import { TeamV2Evaluations } from './team-v2-evaluations.tsx'
import { V2Extra } from './team-v2-phases.tsx'
import type { V2 } from './team-v2-phases.tsx'

// A team of version 2 records all that version 1 does and more; what it adds per phase (the
// consultations, documents, who evaluated) is shown by `V2Extra`.
type Context = OntwikkelteamContext

function PhaseRecords({
  context,
  phase,
  v2,
}: {
  context: Context
  phase: Phase
  v2?: V2 | undefined
}) {
  if (v2 && phase === 'evalueren') return <TeamV2Evaluations {...v2} />
  return (
    <>
      <V1Records context={context} phase={phase} />
      {v2 && <V2Extra v2={v2} phase={phase} />}
    </>
  )
}

/** What each phase of the current cycle recorded, up to the current phase. */
export function TeamRecords(props: {
  context: unknown
  state: unknown
  events: EventView[]
  /** The version of the team's machine, and (version 2) names and the team for documents. */
  version?: number
  names?: Names
  teamId?: string
}) {
  const { state } = props
  const v2 = (props.version ?? 1) >= 2 ? OntwikkelteamV2Context.safeParse(props.context) : undefined
  const parsed = v2 ?? OntwikkelteamContext.safeParse(props.context)
  if (!parsed.success) return <p>De gegevens van dit team kunnen niet worden getoond.</p>
  const ctx: Context = parsed.data
  const extra =
    v2?.success && props.names && props.teamId
      ? { context: v2.data, names: props.names, teamId: props.teamId }
      : undefined
  const current =
    typeof state === 'string' ? (phases as readonly string[]).indexOf(state) : phases.length - 1
  const shown = phases.filter((_, i) => i <= (current < 0 ? phases.length - 1 : current))
  return (
    <>
      <TeamHalt context={ctx} events={props.events} />
      {[...shown].reverse().map((phase) =>
        phase === state ? (
          <section class="phase-records current" aria-labelledby={`vastgelegd-${phase}`}>
            <h3 id={`vastgelegd-${phase}`}>
              {valueLabel(phase)}
              <span class="badge">nu</span>
            </h3>
            <PhaseRecords context={ctx} phase={phase} v2={extra} />
          </section>
        ) : (
          // Earlier phases fold away: what they recorded stays one click away.
          <details class="phase-records">
            <summary>{valueLabel(phase)}</summary>
            <PhaseRecords context={ctx} phase={phase} v2={extra} />
          </details>
        ),
      )}
      <EarlierCycles context={ctx} events={props.events} />
    </>
  )
}
