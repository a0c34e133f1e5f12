import type { MachineDefinition } from '../../../machines/types.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import type { EventView } from '../../engine/read-instances.ts'
import { momentRecordedAt, recordedMoment } from '../../engine/effective-moment.ts'
import type { Who } from '../env.ts'
import { EventForm } from '../events/event-form.tsx'
import type { FailedForm } from '../events/submit-event.ts'
import { formatDate, formatDateTime, valueLabel } from '../labels.ts'
import { Notice, Page } from '../layout.tsx'
import type { Choice } from '../views/choices.ts'
import { blockedSteps, choicesFor, formChoices, otherBlocked } from '../views/choices.ts'
import type { Names } from '../views/names.ts'
import { organisationName, personName } from '../views/names.ts'
import { MomentText } from '../views/moment-text.tsx'
import { PayloadView } from '../views/payload-view.tsx'
import { QUESTION_TEXT, REGIONS, isSettled, regionStates } from '../views/questions.ts'
import { HistorySection } from '../views/timeline.tsx'
import { BlockedList, DiagramSection, UnplacedProblem, WhyBlocked } from './shared.tsx'

export interface TransitionPageProps {
  who: Who
  path: string
  def: MachineDefinition
  view: CallerInstanceView
  events: EventView[]
  names: Names
  failed?: FailedForm | undefined
  notice?: string | undefined
  /** Show every event, not only the latest. */
  wholeHistory?: boolean | undefined
}

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

function Forms({ props, list }: { props: TransitionPageProps; list: Choice[] }) {
  return (
    <>
      {list.map((choice) => (
        <EventForm
          who={props.who}
          view={props.view}
          base="/transitions"
          choice={choice}
          known={{}}
          state={props.failed?.type === choice.type ? props.failed.state : undefined}
        />
      ))}
    </>
  )
}

/** A rolovergang: the four questions as tiles plus the role, forms for what is possible now. */
export function TransitionPage(props: TransitionPageProps) {
  const { view, who, names } = props
  const context = view.context
  const choices = choicesFor(props.def, view)
  const shown = formChoices(choices)
  const blocked = blockedSteps(choices)
  // After the end the regions are gone from the state; show where they stood when it ended.
  const lastRunning = [...props.events]
    .reverse()
    .find((e) => typeof e.stateAfter === 'object' && e.stateAfter !== null)
  const regions = regionStates(
    typeof view.state === 'string' && view.state !== 'aangevraagd'
      ? lastRunning?.stateAfter
      : view.state,
  )
  const personId = String(context['personId'] ?? '')
  const teacherView = who.principal.role === 'teacher'
  const afwijzing = context['afwijzing'] as { reason: string; at: string } | null
  const intrekking = context['intrekking'] as { reason: string; at: string } | null
  // Nothing follows a rejection or a withdrawal: the last event is the one that ended it.
  const endedAt = (at: string) =>
    view.status === 'afgewezen' || view.status === 'ingetrokken'
      ? view.moments.last
      : recordedMoment(at)
  return (
    <Page
      title={`Rolovergang naar ${String(context['newRole'] ?? view.title)}`}
      who={who}
      path={props.path}
      crumbs={[
        { href: '/transitions', label: teacherView ? 'Mijn rolovergangen' : 'Rolovergangen' },
      ]}
      lead={
        <>
          {teacherView ? 'Uw rolovergang' : personName(names, personId)} · Status:{' '}
          <span class={`badge status-${view.status}`}>{view.status}</span>
        </>
      }
    >
      <Notice text={props.notice} />
      <UnplacedProblem failed={props.failed} shown={shown} />
      <dl class="facts">
        <div>
          <dt>Leraar</dt>
          <dd>{personName(names, personId)}</dd>
        </div>
        <div>
          <dt>Organisatie</dt>
          <dd>
            {teacherView && !names.organisations.has(String(context['organisationId']))
              ? 'Uw organisatie'
              : organisationName(names, String(context['organisationId'] ?? ''))}
          </dd>
        </div>
        <div>
          <dt>Huidige rol</dt>
          <dd>{typeof context['currentRole'] === 'string' ? context['currentRole'] : '—'}</dd>
        </div>
        <div>
          <dt>Domein</dt>
          <dd>{valueLabel(String(context['domain'] ?? ''))}</dd>
        </div>
        <div>
          <dt>Loopbaanpad</dt>
          <dd>{valueLabel(String(context['careerPath'] ?? ''))}</dd>
        </div>
        <div>
          <dt>Aangevraagd op</dt>
          <dd>
            <MomentText moment={view.moments.begun} />
          </dd>
        </div>
      </dl>
      {afwijzing && (
        <p class="warning">
          Afgewezen op <MomentText moment={endedAt(afwijzing.at)} />. Reden: {afwijzing.reason}
        </p>
      )}
      {intrekking && (
        <p class="warning">
          Ingetrokken op <MomentText moment={endedAt(intrekking.at)} />. Reden: {intrekking.reason}
        </p>
      )}
      {view.state === 'aangevraagd' && (
        <p class="warning">
          De aanvraag is nog niet in behandeling: de vier vragen komen aan bod zodra HR de
          behandeling start.
        </p>
      )}
      <WhyBlocked steps={blocked.filter((c) => c.region === null)} />
      <div class="tiles">
        {REGIONS.map((region) => {
          const state = regions[region] ?? '—'
          const settled = isSettled(region, state)
          const mine = shown.filter((c) => c.region === region)
          const stuck = blocked.filter((c) => c.region === region)
          return (
            <section class={`tile${settled ? ' settled' : ''}`} aria-labelledby={`vraag-${region}`}>
              <h2 id={`vraag-${region}`}>
                {valueLabel(region)}{' '}
                <span class={`badge ${settled ? 'q-done' : 'q-open'}`}>{valueLabel(state)}</span>
              </h2>
              <p class="question">{QUESTION_TEXT[region]}</p>
              <Recorded region={region} context={context} names={names} events={props.events} />
              {stuck.map((c) => (
                <div class="why-step">
                  <p>
                    <strong>Waarom kan dit nog niet?</strong>
                  </p>
                  <ul class="reasons">
                    {c.reasons.map((r) => (
                      <li>{r}</li>
                    ))}
                  </ul>
                </div>
              ))}
              <Forms props={props} list={mine} />
            </section>
          )
        })}
      </div>
      {shown.some((c) => c.region === null) && (
        <section aria-labelledby="overgang">
          <h2 id="overgang">De rolovergang als geheel</h2>
          <div class="cards">
            <Forms props={props} list={shown.filter((c) => c.region === null)} />
          </div>
        </section>
      )}
      {shown.length === 0 && <p>U kunt bij deze rolovergang nu niets vastleggen.</p>}
      <BlockedList choices={otherBlocked(choices)} />
      <DiagramSection def={props.def} state={view.state} />
      <HistorySection
        events={props.events}
        names={names}
        whole={props.wholeHistory === true}
        path={`/transitions/${view.id}`}
      />
    </Page>
  )
}
