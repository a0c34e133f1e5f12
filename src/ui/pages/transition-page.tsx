import { RolovergangV2Context } from '../../../machines/rolovergang.v2.context.ts'
import type { MachineDefinition } from '../../../machines/types.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import type { EventView } from '../../engine/read-instances.ts'
import { recordedMoment } from '../../engine/effective-moment.ts'
import type { Who } from '../env.ts'
import { EventForm } from '../events/event-form.tsx'
import type { FailedForm } from '../events/submit-event.ts'
import type { KnownChoices } from '../forms/fields.ts'
import { valueLabel } from '../labels.ts'
import { Notice, Page } from '../layout.tsx'
import type { Choice } from '../views/choices.ts'
import { blockedSteps, choicesFor, formChoices, otherBlocked } from '../views/choices.ts'
import type { Names } from '../views/names.ts'
import { personName, placeName } from '../views/names.ts'
import { MomentText } from '../views/moment-text.tsx'
import { V2 } from '../../engine/questions-v2.ts'
import { regionStates } from '../../engine/questions.ts'
import { transitionWords } from '../../engine/inbox/transition-words.ts'
import type { StateValue } from 'xstate'
import { stateSummaryV2 } from '../views/state-summary-v2.ts'
import { HistorySection } from '../views/timeline.tsx'
import { BlockedList, DiagramSection, UnplacedProblem, WhyBlocked } from './shared.tsx'
import { TilesV1 } from './transition-v1-tiles.tsx'
import { TilesV2, omittedV2, placeV2 } from './transition-v2-tiles.tsx'
import { VersionNote } from './transition-version.tsx'

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
  /** Choices the forms offer for ids (the people who may agree to a facilitering). */
  known?: KnownChoices | undefined
}

function Forms(props: {
  page: TransitionPageProps
  list: Choice[]
  omit?: (choice: Choice) => readonly string[]
}) {
  const { page } = props
  return (
    <>
      {props.list.map((choice) => (
        <EventForm
          who={page.who}
          view={page.view}
          base="/transitions"
          choice={choice}
          known={page.known ?? {}}
          state={page.failed?.type === choice.type ? page.failed.state : undefined}
          omit={props.omit?.(choice)}
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
  // Version 2 has tiles of its own; a context they cannot read is shown as version 1 shows it.
  const parsedV2 = view.machine.version >= V2 ? RolovergangV2Context.safeParse(context) : undefined
  const v2 = parsedV2?.success ? parsedV2.data : null
  const place = (c: Choice) => (v2 ? placeV2(c) : c.region)
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
          {v2 && view.status === 'actief' && !teacherView && ` · ${stateSummaryV2(view.state)}`}
          {teacherView &&
            ` · ${transitionWords({ value: view.state as StateValue, context: view.context }, view.machine.version, view.status, true)}`}
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
              : placeName(names, String(context['organisationId'] ?? ''))}
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
      <VersionNote version={view.machine.version} events={props.events} />
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
      <WhyBlocked steps={blocked.filter((c) => place(c) === null)} />
      {v2 ? (
        <TilesV2
          context={v2}
          events={props.events}
          names={names}
          own={teacherView}
          regions={regions}
          shown={shown}
          blocked={blocked}
          forms={(list) => (
            <Forms
              page={props}
              list={list}
              omit={(c) => omittedV2(c, regions, props.known ?? {})}
            />
          )}
        />
      ) : (
        <TilesV1
          context={context}
          events={props.events}
          names={names}
          regions={regions}
          shown={shown}
          blocked={blocked}
          forms={(list) => <Forms page={props} list={list} />}
        />
      )}
      {shown.some((c) => place(c) === null) && (
        <section aria-labelledby="overgang">
          <h2 id="overgang">De rolovergang als geheel</h2>
          <div class="cards">
            <Forms page={props} list={shown.filter((c) => place(c) === null)} />
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
