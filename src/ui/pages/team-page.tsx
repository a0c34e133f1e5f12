import type { MachineDefinition } from '../../../machines/types.ts'
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
}

interface Member {
  personId: string
  role: string
  organisationId: string
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
  const shown = formChoices(choices)
  const work = shown.filter((c) => !c.step && !c.everywhere)
  const steps = shown.filter((c) => c.step && !c.everywhere)
  const team = shown.filter((c) => c.everywhere)
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
          Status: <span class={`badge status-${view.status}`}>{view.status}</span> · Deelnemende
          organisaties:{' '}
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
          <TeamRecords context={context} state={view.state} events={props.events} />
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

export const teamNotice = (type: string | undefined) =>
  type ? `Gelukt: ${eventTitle(type).toLowerCase()}.` : undefined
