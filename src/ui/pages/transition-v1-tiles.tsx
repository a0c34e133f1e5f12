import type { Child } from 'hono/jsx'
import type { EventView } from '../../engine/read-instances.ts'
import { momentRecordedAt } from '../../engine/effective-moment.ts'
import { formatDate, formatDateTime, valueLabel } from '../labels.ts'
import type { Choice } from '../views/choices.ts'
import type { Names } from '../views/names.ts'
import { PayloadView } from '../views/payload-view.tsx'
import { QUESTION_TEXT, REGIONS, isSettled } from '../../engine/questions.ts'
import { Tile } from './transition-tile.tsx'

// The tiles of a rolovergang of version 1 (and of any context the version 2 tiles cannot read):
// each region's record shown as the afspraak's payload, as version 1 always showed it.

type Ctx = Record<string, unknown>

function Recorded(props: { region: string; context: Ctx; names: Names; events: EventView[] }) {
  const { region, context, names } = props
  const record = context[region]
  if (typeof record !== 'object' || record === null)
    return <p class="muted">Nog niets afgesproken.</p>
  const { at, afgerondAt, verleend, ...rest } = record as Ctx
  // The event of this region that wrote the record, for its ingangsdatum.
  const moment =
    typeof at === 'string'
      ? momentRecordedAt(props.events, at, (type) => type.startsWith(`${region}.`))
      : undefined
  return (
    <>
      <PayloadView type={`${region}.afspreken`} payload={rest} names={names} />
      {typeof at === 'string' && (
        <p class="meta">
          Vastgelegd op {formatDateTime(at)}
          {moment?.differs && ` · met ingang van ${formatDate(moment.day)}`}
        </p>
      )}
      {typeof afgerondAt === 'string' && (
        <p class="meta">Afgerond op {formatDateTime(afgerondAt)}</p>
      )}
      {typeof verleend === 'object' && verleend !== null && (
        <p>
          <strong>Verleend:</strong> {String((verleend as Ctx)['note'] ?? '')}
        </p>
      )}
    </>
  )
}

export interface TilesV1Props {
  context: Ctx
  regions: Record<string, string>
  events: EventView[]
  names: Names
  shown: Choice[]
  blocked: Choice[]
  forms: (list: Choice[]) => Child
}

/** The four questions and the role, each with its record, why it is stuck, and its forms. */
export function TilesV1(props: TilesV1Props) {
  return (
    <div class="tiles">
      {REGIONS.map((region) => {
        const state = props.regions[region] ?? '—'
        return (
          <Tile
            id={`vraag-${region}`}
            title={valueLabel(region)}
            badge={{ text: valueLabel(state), settled: isSettled(region, state) }}
            question={QUESTION_TEXT[region]}
            stuck={props.blocked.filter((c) => c.region === region)}
            forms={props.forms(props.shown.filter((c) => c.region === region))}
          >
            <Recorded
              region={region}
              context={props.context}
              names={props.names}
              events={props.events}
            />
          </Tile>
        )
      })}
    </div>
  )
}
