import type { Context } from 'hono'
import { Hono } from 'hono'
import { machines } from '../../../machines/index.ts'
import { readPilot } from '../../engine/pilots.service.ts'
import { memberCandidates } from '../../engine/member-candidates.service.ts'
import { readInstance } from '../../engine/read-instances.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import { ProblemError, notFound } from '../../errors.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import type { FailedForm } from '../events/submit-event.ts'
import { submitEvent } from '../events/submit-event.ts'
import type { KnownChoices, Option } from '../forms/fields.ts'
import { historyOf } from '../history.ts'
import { valueLabel } from '../labels.ts'
import { TeamPage, teamNotice } from '../pages/team-page.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'

interface TeamContext {
  organisations?: { id: string; name: string }[]
  members?: { personId: string; role: string }[]
  pilotId?: string
}

/**
 * The choices a team's forms offer: for an act for an organisation only those the caller may act
 * for (the engine says which, in `view.allowed`); its members; people who work at its
 * organisations, to add.
 */
async function teamKnown(
  deps: UiDeps,
  who: Who,
  directory: Directory,
  view: CallerInstanceView,
  type: string,
): Promise<KnownChoices> {
  const context = view.context as TeamContext
  const mayActFor = view.allowed.find((a) => a.type === type)?.organisationIds ?? null
  const organisations: Option[] = (context.organisations ?? [])
    .filter((o) => mayActFor === null || mayActFor.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }))
  const members = context.members ?? []
  if (type === 'lid.verwijderen') {
    const names = await directory.teamMemberNames(view.id)
    const options = members.map((m) => ({
      value: m.personId,
      label: `${names.get(m.personId) ?? m.personId} (${valueLabel(m.role)})`,
    }))
    return { organisationId: organisations, personId: options }
  }
  if (type === 'lid.toevoegen') {
    if (!view.allowed.some((a) => a.type === type)) return { organisationId: organisations }
    const names = new Map(organisations.map((o) => [o.value, o.label]))
    const candidates = await memberCandidates(
      deps.store,
      who.principal,
      view.id,
      'UI lid toevoegen',
    )
    // One option per person: a person who works at two of the team's organisations is listed once,
    // with both; the organisation is chosen beside it.
    const byPerson = new Map<string, string[]>()
    for (const c of candidates) {
      const where = `${names.get(c.organisationId) ?? ''}${c.functionTitle ? ` (${c.functionTitle})` : ''}`
      byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? [c.name]), where])
    }
    const options = [...byPerson].map(([value, [name, ...where]]) => ({
      value,
      label: `${name ?? value} — ${where.join(', ')}`,
    }))
    return options.length > 0
      ? { organisationId: organisations, personId: options }
      : { organisationId: organisations }
  }
  return { organisationId: organisations }
}

export function teamRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function render(
    c: Context<UiEnv>,
    who: Who,
    id: string,
    failed?: FailedForm,
    notice?: string,
  ) {
    const view = await readInstance(deps.store, who.principal, id)
    if (view.machine.id !== 'ontwikkelteam') throw notFound('Team', id)
    const context = view.context as TeamContext
    const directory = new Directory(deps.store, who.principal)
    const events = await historyOf(deps.store, who.principal, id)
    const people = await directory.namesIn(
      view.context,
      events,
      await directory.teamMemberNames(id),
    )
    const organisations = new Map((context.organisations ?? []).map((o) => [o.id, o.name]))
    const pilot = context.pilotId
      ? await readPilot(deps.store, who.principal, context.pilotId).catch((e: unknown) => {
          if (e instanceof ProblemError) return undefined
          throw e
        })
      : undefined
    const known: Record<string, KnownChoices> = {}
    for (const type of Object.keys(machines.ontwikkelteam.events))
      known[type] = await teamKnown(deps, who, directory, view, type)
    return html(
      c,
      <TeamPage
        who={who}
        path={c.req.path}
        def={machines.ontwikkelteam}
        view={view}
        events={events}
        names={{ organisations, people }}
        known={known}
        pilot={pilot ? { id: pilot.id, name: pilot.name } : undefined}
        failed={failed}
        notice={notice}
        wholeHistory={c.req.query('geschiedenis') === 'alles'}
      />,
      failed?.status ?? 200,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/teams/:id',
      page((c, who) => {
        const done = c.req.query('gedaan')
        const known = done && Object.hasOwn(machines.ontwikkelteam.events, done) ? done : undefined
        return render(c, who, param(c, 'id'), undefined, teamNotice(known))
      }),
    )
    .post(
      '/teams/:id/events',
      page(async (c, who) => {
        const id = param(c, 'id')
        const directory = new Directory(deps.store, who.principal)
        const outcome = await submitEvent(
          deps,
          c,
          who.principal,
          id,
          'ontwikkelteam',
          (view, type) => teamKnown(deps, who, directory, view, type),
        )
        if (outcome.ok)
          return c.redirect(`/teams/${id}?gedaan=${encodeURIComponent(outcome.type)}#inhoud`, 303)
        return render(c, who, id, outcome.failed)
      }),
    )
}
