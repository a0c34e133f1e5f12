import { actorLabel } from '../views/actor-label.tsx'
import type { MachineDefinition } from '../../../machines/types.ts'
import type { StateAt } from '../../audit/time-travel.service.ts'
import { momentOf } from '../../engine/effective-moment.ts'
import type { InstanceView } from '../../engine/instance-view.ts'
import type { EventView } from '../../engine/read-instances.ts'
import type { VerifyReport } from '../../engine/verify.ts'
import type { Who } from '../env.ts'
import { eventTitle, formatDate, formatDateTime } from '../labels.ts'
import { Page } from '../layout.tsx'
import { VerifyResult } from './verify-result.tsx'
import type { Names } from '../views/names.ts'
import { instanceTitle } from '../views/names.ts'
import { PayloadView } from '../views/payload-view.tsx'
import { stateText } from '../views/state-text.ts'
import { DiagramSection } from './shared.tsx'

export interface AuditHistoryProps {
  who: Who
  path: string
  view: InstanceView
  def: MachineDefinition | undefined
  machineLabel: string
  events: EventView[]
  names: Names
  tokenNames: Map<string, string>
  report?: VerifyReport | undefined
  /** "Stand op datum": YYYY-MM-DD, or ''. */
  date: string
  dateLabel: string
  /** The state on that date (null: the process did not exist yet). */
  then?: StateAt | null | undefined
  mayExport: boolean
}

function Hash({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <span class="muted">{label}:</span> <code class="hash">{value}</code>
    </div>
  )
}

/**
 * An instance's full history for the auditor: who, when, why, what changed, and the hash chain;
 * verify it, and see the state as it was on a date.
 */
export function AuditHistory(props: AuditHistoryProps) {
  const { view, events, date, then } = props
  // Applied on that date: up to the last applied event, less those not in effect yet.
  const applied = then
    ? new Set(events.filter((e) => e.seq <= then.lastEvent.seq).map((e) => e.seq))
    : null
  const later = new Set(then?.notYetEffective ?? [])
  const lastMoment = then ? momentOf(then.lastEvent) : undefined
  const upTo = date
    ? events.filter((e) => (applied?.has(e.seq) ?? false) && !later.has(e.seq))
    : events
  return (
    <Page
      title={`Geschiedenis: ${instanceTitle(view, props.names)}`}
      who={props.who}
      path={props.path}
      crumbs={[{ href: '/audit', label: 'Audit' }]}
      lead={
        <>
          {props.machineLabel} · status{' '}
          <span class={`badge status-${view.status}`}>{view.status}</span> · {String(view.version)}{' '}
          {view.version === 1 ? 'gebeurtenis' : 'gebeurtenissen'} · proces-id <code>{view.id}</code>
        </>
      }
    >
      <div class="actions-row">
        <form method="get" action={`/audit/${view.id}/verify`}>
          <button type="submit" class="button">
            Keten verifiëren
          </button>
        </form>
        <form
          method="get"
          action={`/audit/${view.id}`}
          class="actions-row"
          aria-label="Tijdreizen: de stand op een datum"
        >
          <div class="field">
            <label for="datum">Stand op datum</label>
            <input id="datum" name="datum" type="date" value={date} />
          </div>
          <button type="submit" class="button secondary">
            Toon stand
          </button>
        </form>
      </div>
      {props.report && <VerifyResult report={props.report} />}
      {props.mayExport && (
        <p>
          Exporteren met alle velden om elke hash na te rekenen:{' '}
          <a href={`/audit/${view.id}/export?format=ndjson`} download>
            NDJSON
          </a>{' '}
          ·{' '}
          <a href={`/audit/${view.id}/export?format=csv`} download>
            CSV
          </a>
        </p>
      )}
      {date && (
        <section class="notice" aria-labelledby="stand">
          <h2 id="stand">Stand op {props.dateLabel}</h2>
          {!then ? (
            <p>Op die datum bestond dit proces nog niet (of was er nog niets van van kracht).</p>
          ) : (
            <>
              <p>
                <strong>{stateText(then.state)}</strong> · status {then.status} ·{' '}
                {String(then.version)} gebeurtenissen van kracht, de laatste #
                {String(then.lastEvent.seq)} {eventTitle(then.lastEvent.type).toLowerCase()} (
                {formatDateTime(then.lastEvent.recordedAt)}
                {lastMoment?.differs && `; met ingang van ${formatDate(lastMoment.day)}`}
                ).
              </p>
              {then.notYetEffective.length > 0 && (
                <p>
                  Al vastgelegd maar op die datum nog niet van kracht: #
                  {then.notYetEffective.join(', #')}.
                </p>
              )}
              {then.pulledIn.length > 0 && (
                <p>
                  Meegenomen omdat een teruggedateerde gebeurtenis ze nodig heeft: #
                  {then.pulledIn.join(', #')}.
                </p>
              )}
              {then.effectiveBeforeStart.length > 0 && (
                <p class="warning">
                  Met een ingangsdatum vóór het begin van dit proces (zo’n datum wordt nu
                  geweigerd): #{then.effectiveBeforeStart.join(', #')}. Op die datum bestond het
                  proces nog niet; deze stand telt ze toch mee.
                </p>
              )}
              <details>
                <summary>Alle gegevens op die datum</summary>
                <PayloadView type="" payload={then.context} names={props.names} />
              </details>
            </>
          )}
        </section>
      )}
      {props.def && (!date || then) && (
        <DiagramSection def={props.def} state={date && then ? then.state : view.state} />
      )}
      <h2 id="gebeurtenissen">Gebeurtenissen</h2>
      <div class="table-wrap">
        <table aria-labelledby="gebeurtenissen">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Gebeurtenis</th>
              <th scope="col">Wie en wanneer</th>
              <th scope="col">Waarom</th>
              <th scope="col">Toestand</th>
              <th scope="col">Gegevens</th>
              <th scope="col">Hashketen</th>
            </tr>
          </thead>
          <tbody>
            {upTo.map((e) => (
              <tr id={`gebeurtenis-${e.seq}`}>
                <td>{String(e.seq)}</td>
                <th scope="row">
                  {eventTitle(e.type)}
                  <div class="muted">
                    <code>{e.type}</code>
                  </div>
                </th>
                <td>
                  <span class="actor">{actorLabel(e.actor, props.view.context)}</span>
                  {props.tokenNames.get(e.actor.tokenId) &&
                    ` (${props.tokenNames.get(e.actor.tokenId)})`}
                  <div class="muted">
                    token <code>{e.actor.tokenId}</code>
                  </div>
                  <time datetime={e.recordedAt}>{formatDateTime(e.recordedAt)}</time>
                  {e.effectiveDate && <div>met ingang van {formatDate(e.effectiveDate)}</div>}
                </td>
                <td>{e.reason ?? <span class="muted">—</span>}</td>
                <td>
                  {e.stateBefore === null ? '—' : stateText(e.stateBefore)} →{' '}
                  <strong>{stateText(e.stateAfter)}</strong>
                </td>
                <td>
                  <PayloadView type={e.type} payload={e.payload} names={props.names} />
                </td>
                <td>
                  <Hash label="vorige" value={e.prevHash} />
                  <Hash label="hash" value={e.hash} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  )
}
