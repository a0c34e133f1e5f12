import type { EventView } from '../../engine/read-instances.ts'
import { eventTitle, formatDate, formatDateTime } from '../labels.ts'
import { actorLabel } from './actor-label.tsx'
import type { Names } from './names.ts'
import { PayloadView } from './payload-view.tsx'
import { stateText } from './state-text.ts'

/** Instance pages show this many of the latest events; the auditor's page shows all. */
export const TIMELINE_LIMIT = 15

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The history of an instance as a timeline, newest first; `limit` shows only the latest. */
export function Timeline({
  events,
  names,
  limit,
  allHref,
  context,
}: {
  /** The instance's context: team roles for the actors. */
  context?: Record<string, unknown> | undefined
  events: EventView[]
  names: Names
  limit?: number | undefined
  /** Where the whole history is shown, when `limit` cuts it. */
  allHref?: string | undefined
}) {
  if (events.length === 0) return <p>Er is nog niets gebeurd.</p>
  const newest = [...events].reverse()
  const shown = limit === undefined ? newest : newest.slice(0, limit)
  return (
    <>
      <ol class="timeline">
        {shown.map((e) => (
          <li class="timeline-item">
            <h3 class="timeline-title">
              {eventTitle(e.type)} <span class="muted">#{String(e.seq)}</span>
            </h3>
            <p class="meta">
              <time datetime={e.recordedAt}>{formatDateTime(e.recordedAt)}</time> · door{' '}
              <span class="actor">{actorLabel(e.actor, context)}</span>
              {e.effectiveDate && ` · met ingang van ${formatDate(e.effectiveDate)}`}
            </p>
            {e.stateBefore !== null && !same(e.stateBefore, e.stateAfter) && (
              <p class="state-change">
                {stateText(e.stateBefore)} → <strong>{stateText(e.stateAfter)}</strong>
              </p>
            )}
            {e.reason && (
              <p class="reason">
                <strong>Reden:</strong> {e.reason}
              </p>
            )}
            {e.type !== 'aangemaakt' && (
              <PayloadView
                type={e.type}
                payload={e.payload}
                names={names}
                version={e.machineVersion}
              />
            )}
          </li>
        ))}
      </ol>
      {shown.length < newest.length && allHref && (
        <p>
          <a href={allHref}>Toon de hele geschiedenis ({String(newest.length)} gebeurtenissen)</a>
        </p>
      )}
    </>
  )
}

/** The history section of an instance page: the latest events, or all when `whole`. */
export function HistorySection(props: {
  events: EventView[]
  names: Names
  whole: boolean
  /** The page's own path; `?geschiedenis=alles` on it shows the whole history. */
  path: string
  context?: Record<string, unknown> | undefined
}) {
  return (
    <section aria-labelledby="geschiedenis">
      <h2 id="geschiedenis">Geschiedenis</h2>
      <Timeline
        events={props.events}
        names={props.names}
        context={props.context}
        limit={props.whole ? undefined : TIMELINE_LIMIT}
        allHref={`${props.path}?geschiedenis=alles#geschiedenis`}
      />
    </section>
  )
}
