import type { Context } from 'hono'
import { Hono } from 'hono'
import { getMachine, machines, versionsOf } from '../../../machines/index.ts'
import { readCycles } from '../../engine/cycles.service.ts'
import { readPilot } from '../../engine/pilots.service.ts'
import { readInstance } from '../../engine/read-instances.ts'
import { ProblemError, notFound } from '../../errors.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import type { FailedForm } from '../events/submit-event.ts'
import { submitEvent } from '../events/submit-event.ts'
import type { KnownChoices } from '../forms/fields.ts'
import { historyOf } from '../history.ts'
import { TeamPage, shownChoices, teamNotice } from '../pages/team-page.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import { choicesFor } from '../views/choices.ts'
import { isStilgevallen } from '../../engine/questions.ts'
import { TeamPeople, teamKnown } from './team-known.ts'

/** What a read gives, or undefined when the caller may not read it (a 4xx problem). */
const orNothing = (e: unknown) => {
  if (e instanceof ProblemError && e.status < 500) return undefined
  throw e
}

interface TeamContext {
  organisations?: { id: string; name: string }[]
  pilotId?: string
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
    // Each team runs its own version of the machine: its forms and diagram are that version's.
    const def = getMachine(view.machine.id, view.machine.version) ?? machines.ontwikkelteam
    const context = view.context as TeamContext
    const directory = new Directory(deps.store, who.principal)
    const people = new TeamPeople(deps, who, directory)
    const events = await historyOf(deps.store, who.principal, id)
    // Choices only for the forms the page shows: reading people's names is access-logged.
    const known: Record<string, KnownChoices> = {}
    for (const { type } of shownChoices(choicesFor(def, view)))
      known[type] = await teamKnown(deps, who, people, view, type)
    const names = await directory.namesIn(
      view.context,
      events,
      new Map([...(await directory.teamMemberNames(id)), ...(await people.namesOf(id))]),
    )
    const organisations = new Map((context.organisations ?? []).map((o) => [o.id, o.name]))
    const pilot = context.pilotId
      ? await readPilot(deps.store, who.principal, context.pilotId).catch(orNothing)
      : undefined
    const now = deps.now()
    const cycles = await readCycles(deps.store, who.principal, id, now).catch(orNothing)
    return html(
      c,
      <TeamPage
        who={who}
        path={c.req.path}
        def={def}
        view={view}
        events={events}
        names={{ organisations, people: names }}
        known={known}
        pilot={pilot ? { id: pilot.id, name: pilot.name } : undefined}
        failed={failed}
        notice={notice}
        wholeHistory={c.req.query('geschiedenis') === 'alles'}
        stil={isStilgevallen(view.status, view.moments.last, now)}
        cycles={cycles}
        documentMaxBytes={deps.documentMaxBytes}
      />,
      failed?.status ?? 200,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/teams/:id',
      page((c, who) => {
        const done = c.req.query('gedaan')
        // An event of any version of the team: its title is the same in every version.
        const known =
          done && versionsOf('ontwikkelteam').some((d) => Object.hasOwn(d.events, done))
            ? done
            : undefined
        return render(c, who, param(c, 'id'), undefined, teamNotice(known))
      }),
    )
    .post(
      '/teams/:id/events',
      page(async (c, who) => {
        const id = param(c, 'id')
        const people = new TeamPeople(deps, who, new Directory(deps.store, who.principal))
        const outcome = await submitEvent(
          deps,
          c,
          who.principal,
          id,
          'ontwikkelteam',
          (view, type) => teamKnown(deps, who, people, view, type),
        )
        if (outcome.ok)
          return c.redirect(`/teams/${id}?gedaan=${encodeURIComponent(outcome.type)}#inhoud`, 303)
        return render(c, who, id, outcome.failed)
      }),
    )
}
