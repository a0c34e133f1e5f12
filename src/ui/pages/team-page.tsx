import { OntwikkelteamV2Context } from '../../../machines/ontwikkelteam.v2.context.ts'
import type { MachineDefinition } from '../../../machines/types.ts'
import type { CycleComparison } from '../../engine/cycles.service.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import type { EventView } from '../../engine/read-instances.ts'
import type { Who } from '../env.ts'
import { EventForm } from '../events/event-form.tsx'
import type { FailedForm } from '../events/submit-event.ts'
import type { KnownChoices } from '../forms/fields.ts'
import { eventTitle, valueLabel } from '../labels.ts'
import { Notice, Page } from '../layout.tsx'
import type { Choice } from '../views/choices.ts'
import { blockedSteps, choicesFor, formChoices, otherBlocked } from '../views/choices.ts'
import type { Names } from '../views/names.ts'
import { organisationName, personName } from '../views/names.ts'
import { PhaseBar } from '../views/phase-bar.tsx'
import { HistorySection } from '../views/timeline.tsx'
import { TeamRecords } from './team-records.tsx'
import { CyclesSection } from './team-cycles.tsx'
import { Budget, Governance, Participants } from './team-v2-overview.tsx'
import { BlockedList, DiagramSection, UnplacedProblem, WhyBlocked } from './shared.tsx'

export interface TeamPageProps {
  who: Who
  path: string
  def: MachineDefinition
  view: CallerInstanceView
  events: EventView[]
  names: Names
  known: Record<string, KnownChoices>
  pilot?: { id: string; name: string } | undefined
  failed?: FailedForm | undefined
  notice?: string | undefined
  /** Show every event, not only the latest. */
  wholeHistory?: boolean | undefined
  /** No event for 30 days or more while the team runs. */
  stil?: boolean | undefined
  /** The team's cycles side by side (absent when they could not be read). */
  cycles?: CycleComparison | undefined
  /** Most bytes of a document attached to an event (the upload field says so). */
  documentMaxBytes?: number | undefined
}

interface Member {
  personId: string
  role: string
  organisationId: string
}

/**
 * Forms that stay in view when they cannot be sent now: enrolment when every place is taken is
 * looked for where it always is, and a try there says why beside the form.
 */
const STAYS_IN_VIEW = new Set(['deelnemer.inschrijven'])

/**
 * Participants, places and expenses are work in every phase, not the management of the team:
 * they get a group of their own instead of folding away with members, pause and stop.
 */
const LEERGANG = /^(deelnemer|plaatsen|uitgave)\./

/** The choices the team page shows a form for. */
export function shownChoices(choices: Choice[]): Choice[] {
  return choices.filter(
    (c) => formChoices([c]).length > 0 || (c.allowed && STAYS_IN_VIEW.has(c.type)),
  )
}

function forms(props: TeamPageProps, list: Choice[]) {
  return list.map((choice) => (
    <EventForm
      who={props.who}
      view={props.view}
      base="/teams"
      choice={choice}
      known={props.known[choice.type] ?? {}}
      state={props.failed?.type === choice.type ? props.failed.state : undefined}
      documentMaxBytes={props.documentMaxBytes}
    />
  ))
}

/** An ontwikkelteam: the phase bar, why it cannot go on, forms for what can be done, history. */
export function TeamPage(props: TeamPageProps) {
  const { view, who, names } = props
  const context = view.context
  const cycle = typeof context['cycle'] === 'number' ? context['cycle'] : 1
  const members = (Array.isArray(context['members']) ? context['members'] : []) as Member[]
  const choices = choicesFor(props.def, view)
  const shown = shownChoices(choices)
  const work = shown.filter((c) => !c.step && !c.everywhere)
  const steps = shown.filter((c) => c.step && !c.everywhere)
  const leergang = shown.filter((c) => c.everywhere && LEERGANG.test(c.type))
  const team = shown.filter((c) => c.everywhere && !LEERGANG.test(c.type))
  const teamOpen = view.status === 'gepauzeerd' || team.some((c) => c.type === props.failed?.type)
  const title = String(context['teamName'] ?? view.title)
  return (
    <Page
      title={props.pilot ? `${props.pilot.name} — ${title}` : title}
      who={who}
      path={props.path}
      crumbs={[
        { href: '/pilots', label: who.principal.role === 'member' ? 'Mijn pilots' : 'Pilots' },
        ...(props.pilot ? [{ href: `/pilots/${props.pilot.id}`, label: props.pilot.name }] : []),
      ]}
      lead={
        <>
          Status: <span class={`badge status-${view.status}`}>{view.status}</span>
          {props.stil && <span class="badge stil">stilgevallen</span>}
          {view.machine.version < 2 && ' · Procesversie 1'} · Deelnemende organisaties:{' '}
          {(Array.isArray(context['organisationIds'])
            ? (context['organisationIds'] as string[])
            : []
          )
            .map((id) => organisationName(names, id))
            .join(', ')}
        </>
      }
    >
      <Notice text={props.notice} />
      <UnplacedProblem failed={props.failed} shown={shown} />
      <PhaseBar state={view.state} cycle={cycle} status={view.status} />
      <WhyBlocked steps={blockedSteps(choices)} />
      <div class="columns">
        <div class="col-main">
          <section aria-labelledby="doen">
            <h2 id="doen">Wat kunt u nu doen?</h2>
            {shown.length === 0 && (
              <p>U kunt bij dit team nu niets vastleggen; u kunt wel meekijken.</p>
            )}
            {work.length > 0 && (
              <>
                <h3 class="group-title">Werk in de fase {valueLabel(String(view.state))}</h3>
                <div class="cards">{forms(props, work)}</div>
              </>
            )}
            {leergang.length > 0 && (
              <>
                <h3 class="group-title">Deelnemers en begroting</h3>
                <div class="cards">{forms(props, leergang)}</div>
              </>
            )}
            {steps.length > 0 && (
              <>
                <h3 class="group-title">Verder of terug</h3>
                <div class="cards">{forms(props, steps)}</div>
              </>
            )}
            {team.length > 0 && (
              <details class="team-actions" open={teamOpen}>
                <summary>Team beheren: leden, pauzeren, stoppen</summary>
                <div class="cards">{forms(props, team)}</div>
              </details>
            )}
            <BlockedList choices={otherBlocked(choices)} />
          </section>
        </div>
        <aside class="col-side" aria-labelledby="vastgelegd">
          <h2 id="vastgelegd">Vastgelegd in cyclus {String(cycle)}</h2>
          <V2Overview context={context} names={names} />
          <TeamRecords
            context={context}
            state={view.state}
            events={props.events}
            version={view.machine.version}
            names={names}
            teamId={view.id}
          />
          <h2 id="leden">Leden</h2>
          {members.length === 0 ? (
            <p class="missing">Het team heeft nog geen leden.</p>
          ) : (
            <ul class="records" aria-labelledby="leden">
              {members.map((m) => (
                <li>
                  <strong>{personName(names, m.personId)}</strong> — {valueLabel(m.role)},{' '}
                  {organisationName(names, m.organisationId)}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      {props.cycles && <CyclesSection comparison={props.cycles} names={names} teamId={view.id} />}
      <DiagramSection def={props.def} state={view.state} />
      <HistorySection
        events={props.events}
        names={names}
        context={view.context}
        whole={props.wholeHistory === true}
        path={`/teams/${view.id}`}
      />
    </Page>
  )
}

/** What version 2 adds: how the pilot is governed, its budget, places and participants. */
function V2Overview({ context, names }: { context: unknown; names: Names }) {
  const parsed = OntwikkelteamV2Context.safeParse(context)
  if (!parsed.success) return null
  return (
    <>
      <Governance context={parsed.data} names={names} />
      <Participants context={parsed.data} names={names} />
      <Budget context={parsed.data} names={names} />
    </>
  )
}

export const teamNotice = (type: string | undefined) =>
  type ? `Gelukt: ${eventTitle(type).toLowerCase()}.` : undefined
