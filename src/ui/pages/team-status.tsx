import type { OntwikkelteamContext } from '../../../machines/index.ts'
import { momentRecordedAt } from '../../engine/effective-moment.ts'
import type { EventView } from '../../engine/read-instances.ts'
import { MomentText, momentText } from '../views/moment-text.tsx'

interface Props {
  context: OntwikkelteamContext
  /** The team's history, oldest first: where the ingangsdata are. */
  events: EventView[]
}

// Pausing, stopping and renewing count from their event's ingangsdatum where it has one; the
// context keeps only when each was recorded.
const when = (events: EventView[], type: string, at: string) =>
  momentRecordedAt(events, at, (t) => t === type)

/** Why the team stands still: paused since, or stopped on, and the reason on record. */
export function TeamHalt({ context, events }: Props) {
  return (
    <>
      {context.pauze && (
        <p class="warning">
          Gepauzeerd sinds <MomentText moment={when(events, 'pauzeren', context.pauze.at)} />.
          Reden: {context.pauze.reason}
        </p>
      )}
      {context.gestopt && (
        <p class="warning">
          Gestopt op <MomentText moment={when(events, 'stoppen', context.gestopt.at)} />. Reden:{' '}
          {context.gestopt.reason}
        </p>
      )}
    </>
  )
}

/** The cycles the team completed before this one, with the day each was renewed. */
export function EarlierCycles({ context, events }: Props) {
  if (context.vorigeCycli.length === 0) return <></>
  const renewed = (at: string) => momentText(when(events, 'cyclus.vernieuwen', at))
  return (
    <p class="muted">
      Eerdere cycli:{' '}
      {context.vorigeCycli
        .map((c) => `cyclus ${c.cycle} (vernieuwd op ${renewed(c.vernieuwdAt)})`)
        .join(', ')}
      .
    </p>
  )
}
