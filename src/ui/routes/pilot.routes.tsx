import type { Context } from 'hono'
import { Hono } from 'hono'
import { ruleFor } from '../../access/policy.ts'
import type { InstanceView } from '../../engine/instance-view.ts'
import type { PilotView } from '../../engine/pilots.service.ts'
import { createPilot, listVisiblePilots, readPilot } from '../../engine/pilots.service.ts'
import { readInstance } from '../../engine/read-instances.ts'
import { ProblemError } from '../../errors.ts'
import { PilotInput } from '../../http/schemas.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { decodePayload, formValues } from '../forms/decode.ts'
import type { Field } from '../forms/fields.ts'
import { fieldsOf } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { SchemaForm, dutchErrors, placeErrors } from '../forms/schema-form.tsx'
import { fieldLabel, valueLabel } from '../labels.ts'
import { Page } from '../layout.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import { PhaseBar } from '../views/phase-bar.tsx'
import { StilBadge } from '../views/stil-badge.tsx'
import { readForm } from '../forms/read-form.ts'
import type { FieldError } from '../../errors.ts'
import { euro } from '../../../machines/ontwikkelteam.v2.checks.ts'

interface Team {
  team: PilotView['teams'][number]
  view: InstanceView
}

async function teamsOf(deps: UiDeps, who: Who, pilot: PilotView): Promise<Team[]> {
  const teams: Team[] = []
  for (const team of pilot.teams) {
    try {
      teams.push({ team, view: await readInstance(deps.store, who.principal, team.instanceId) })
    } catch (error) {
      // A member sees only the team they are in; the pilot's other team is out of scope.
      if (!(error instanceof ProblemError && error.status === 404)) throw error
    }
  }
  return teams
}

function organisationsOf(teams: Team[]): string {
  const context = teams[0]?.view.context as { organisations?: { name: string }[] } | undefined
  return (context?.organisations ?? []).map((o) => o.name).join(', ')
}

/** The lead's name as the teams know it (names come from the team, never from an id). */
function leadName(teams: Team[], pilot: PilotView): string | null {
  const context = teams[0]?.view.context as { organisations?: { id: string; name: string }[] }
  return context?.organisations?.find((o) => o.id === pilot.leadOrganisationId)?.name ?? null
}

function TeamSummary({ team, view, now }: Team & { now: Date }) {
  const cycle = typeof view.context['cycle'] === 'number' ? view.context['cycle'] : 1
  return (
    <section class="card" aria-labelledby={`team-${view.id}`}>
      <h3 id={`team-${view.id}`}>
        <a href={`/teams/${view.id}`}>{team.name}</a>
        <span class={`badge status-${view.status}`}>{view.status}</span>
        <StilBadge view={view} now={now} />
      </h3>
      <PhaseBar state={view.state} cycle={cycle} status={view.status} id={`fasen-${view.id}`} />
      <p>
        <a href={`/teams/${view.id}`}>Naar {team.name}: vastleggen en verder</a>
      </p>
    </section>
  )
}

async function pilotFields(directory: Directory): Promise<Field[]> {
  const organisations = (await directory.organisations()).map((o) => ({
    value: o.id,
    label: `${o.name} (${valueLabel(o.kind)})`,
  }))
  const academies = (await directory.organisations())
    .filter((o) => o.kind === 'huisacademie')
    .map((o) => ({ value: o.id, label: o.name }))
  return fieldsOf(PilotInput, { organisationIds: organisations, leadOrganisationId: academies })
}

const PILOT_LABELS: Record<string, string> = {
  name: 'Naam van de pilot',
  leadOrganisationId: 'Leidende organisatie (alleen bij scenario 2a en 2b: de huisacademie)',
  places: 'Plaatsen per team (leeg: 13 bij scenario 1, 15 bij scenario 2)',
}

/** The pilot's form, lead, budget and places in one line, as people say them. */
function pilotFacts(pilot: PilotView, leadName: string | null): string {
  const form =
    pilot.organisationForm === 'leiderorganisatie'
      ? `Leiderorganisatie${leadName ? `, geleid door ${leadName}` : ''}`
      : 'Zelfregulerend netwerk'
  const { plannedCents, spentCents, balanceCents } = pilot.budget
  const money =
    plannedCents > 0
      ? ` · Begroting ${euro(plannedCents)}, uitgegeven ${euro(spentCents)}, saldo ${euro(balanceCents)}`
      : ''
  const places =
    pilot.places.places > 0
      ? ` · ${String(pilot.places.enrolled + pilot.places.completed)} van ${String(pilot.places.places)} plaatsen gevuld`
      : ''
  return `${form}${money}${places}`
}

export function pilotRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function list(
    c: Context<UiEnv>,
    who: Who,
    state?: FormState,
    status: 200 | 400 | 422 = 200,
  ) {
    const pilots = await listVisiblePilots(deps.store, who.principal, {
      limit: 100,
      after: c.req.query('na'),
    })
    const rows = await Promise.all(
      pilots.items.map(async (p) => ({ pilot: p, teams: await teamsOf(deps, who, p) })),
    )
    const mayCreate = ruleFor(who.principal.role, 'pilot.create') !== undefined
    const fields = mayCreate ? await pilotFields(new Directory(deps.store, who.principal)) : []
    const mine = who.principal.role === 'member'
    return html(
      c,
      <Page
        title={mine ? 'Mijn pilots' : 'Pilots'}
        who={who}
        path={c.req.path}
        lead={
          mine
            ? 'De pilots waarin u lid bent van een ontwikkelteam.'
            : 'Pilots en hun ontwikkelteams.'
        }
      >
        {rows.length === 0 && <p>Er zijn (nog) geen pilots{mine ? ' waarin u lid bent' : ''}.</p>}
        {rows.map(({ pilot, teams }) => (
          <section aria-labelledby={`pilot-${pilot.id}`}>
            <h2 id={`pilot-${pilot.id}`}>
              <a href={`/pilots/${pilot.id}`}>{pilot.name}</a>
            </h2>
            <p class="muted">
              Scenario {valueLabel(pilot.scenario)} · {organisationsOf(teams)}
            </p>
            <p class="muted">{pilotFacts(pilot, leadName(teams, pilot))}</p>
            <div class="team-list">
              {teams.map((t) => (
                <TeamSummary {...t} now={deps.now()} />
              ))}
            </div>
          </section>
        ))}
        {pilots.next && (
          <p>
            <a href={`/pilots?na=${encodeURIComponent(pilots.next)}`}>Volgende pilots</a>
          </p>
        )}
        {mayCreate && (
          <section aria-labelledby="nieuwe-pilot">
            <h2 id="nieuwe-pilot">Nieuwe pilot</h2>
            <p class="hint">Elke pilot krijgt zijn ontwikkelteam(s) volgens het scenario.</p>
            <SchemaForm
              id="form-pilot"
              action="/pilots"
              who={who}
              fields={fields}
              labelOf={(key) => PILOT_LABELS[key] ?? fieldLabel('', key)}
              state={state}
              submit="Pilot aanmaken"
            />
          </section>
        )}
      </Page>,
      status,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/pilots',
      page((c, who) => list(c, who)),
    )
    .post(
      '/pilots',
      page(async (c, who) => {
        const values = formValues(await readForm(c))
        const fields = await pilotFields(new Directory(deps.store, who.principal))
        const decoded = decodePayload(fields, values)
        const errors = dutchErrors(PilotInput, decoded.payload, decoded.nameOf)
        if (errors.length > 0) {
          return list(c, who, { values, errors: placeErrors(fields, errors).byName }, 400)
        }
        try {
          const pilot = await createPilot(
            deps.store,
            who.principal,
            PilotInput.parse(decoded.payload),
          )
          return c.redirect(`/pilots/${pilot.id}`, 303)
        } catch (error) {
          if (error instanceof ProblemError && error.status === 400) {
            // Organisations that do not fit the scenario: the reason beside the field.
            const fieldErrors = ((error.extra['errors'] ?? []) as FieldError[]).map((e) => ({
              path: decoded.nameOf(`payload.${e.path}`),
              message: e.message,
            }))
            const placed = placeErrors(fields, fieldErrors)
            const problem = placed.general.join(' ') || undefined
            return list(c, who, { values, errors: placed.byName, problem }, 400)
          }
          if (error instanceof ProblemError && error.status === 422) {
            return list(c, who, { values, errors: {}, problem: error.detail }, 422)
          }
          throw error
        }
      }),
    )
    .get(
      '/pilots/:id',
      page(async (c, who) => {
        const pilot = await readPilot(deps.store, who.principal, param(c, 'id'))
        const teams = await teamsOf(deps, who, pilot)
        const mine = who.principal.role === 'member'
        return html(
          c,
          <Page
            title={pilot.name}
            who={who}
            path={c.req.path}
            crumbs={[{ href: '/pilots', label: mine ? 'Mijn pilots' : 'Pilots' }]}
            lead={`Scenario ${valueLabel(pilot.scenario)} · ${organisationsOf(teams)}`}
          >
            <p>{pilotFacts(pilot, leadName(teams, pilot))}</p>
            <h2>Ontwikkelteams</h2>
            <div class="team-list">
              {teams.map((t) => (
                <TeamSummary {...t} now={deps.now()} />
              ))}
            </div>
          </Page>,
        )
      }),
    )
}
