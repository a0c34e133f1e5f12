import type { Context } from 'hono'
import { Hono } from 'hono'
import { getMachine, machines } from '../../../machines/index.ts'
import { ruleFor } from '../../access/policy.ts'
import { readPerson } from '../../engine/people.service.ts'
import { listInstancesWithOverview } from '../../engine/instance-list.ts'
import type { ListedWithOverview } from '../../engine/instance-list.ts'
import type { Page as ListPage } from '../../engine/paging.ts'
import { readInstance } from '../../engine/read-instances.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import { createTransition } from '../../engine/transitions.service.ts'
import { ProblemError, notFound } from '../../errors.ts'
import { TransitionInput } from '../../http/schemas.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import type { FailedForm } from '../events/submit-event.ts'
import { submitEvent } from '../events/submit-event.ts'
import { decodePayload, formValues } from '../forms/decode.ts'
import type { Field, KnownChoices } from '../forms/fields.ts'
import { fieldsOf } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { SchemaForm, dutchErrors, placeErrors } from '../forms/schema-form.tsx'
import { historyOf } from '../history.ts'
import { eventTitle, fieldLabel } from '../labels.ts'
import { Page } from '../layout.tsx'
import { TransitionList } from '../pages/transition-list.tsx'
import { NO_FILTERS, listQueryOf } from '../views/transition-filters.tsx'
import type { TransitionFilters } from '../views/transition-filters.tsx'
import { TransitionPage } from '../pages/transition-page.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import { readForm } from '../forms/read-form.ts'

/** The list's query as sent, trimmed; a name the URL lacks is no filter. */
function listFiltersOf(c: Context): TransitionFilters {
  const filters = { ...NO_FILTERS }
  for (const name of Object.keys(NO_FILTERS) as (keyof TransitionFilters)[])
    filters[name] = (c.req.query(name) ?? '').trim()
  return filters
}

/** The new-transition form: a teacher asks for themself, HR and admin choose the person. */
async function requestFields(directory: Directory, who: Who): Promise<Field[]> {
  const known: KnownChoices = {}
  const organisations = await directory.organisations()
  if (organisations.length > 0)
    known['organisationId'] = organisations.map((o) => ({ value: o.id, label: o.name }))
  const people = await directory.everyone()
  if (people.length > 0)
    known['personId'] = people.map((p) => ({ value: p.id, label: p.name ?? p.id }))
  const fields = fieldsOf(TransitionInput, known)
  if (who.principal.role === 'teacher')
    return fields.filter((f) => f.key !== 'personId' && f.key !== 'organisationId')
  return fields
}

/**
 * Names for the ids a transition's forms ask for: who agreed to the facilitering is picked from
 * the people of the organisation where the role is, and only when the caller gets that form (the
 * list is a read of personal data).
 */
async function formChoicesOf(
  directory: Directory,
  view: CallerInstanceView,
): Promise<KnownChoices> {
  const lopend = typeof view.state === 'object' && view.state !== null
  if (!lopend || !view.allowed.some((a) => a.type === 'facilitering.afspreken')) return {}
  const def = getMachine('rolovergang', view.machine.version)
  const schema = def?.events['facilitering.afspreken']?.payload
  if (!schema || !fieldsOf(schema).some((f) => f.key === 'agreedByPersonId')) return {}
  const people = await directory.peopleAt(String(view.context['organisationId'] ?? ''))
  const named = people.flatMap((p) => (p.name ? [{ value: p.id, label: p.name }] : []))
  return named.length > 0 ? { agreedByPersonId: named } : {}
}

export function transitionRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function detail(
    c: Context<UiEnv>,
    who: Who,
    id: string,
    failed?: FailedForm,
    notice?: string,
  ) {
    const view = await readInstance(deps.store, who.principal, id)
    if (view.machine.id !== 'rolovergang') throw notFound('Rolovergang', id)
    const directory = new Directory(deps.store, who.principal)
    const events = await historyOf(deps.store, who.principal, id)
    const people = await directory.namesIn(view.context, events)
    const organisations = await directory.organisationNames()
    // The instance runs the version it names; its forms and diagram are that version's.
    const def = getMachine('rolovergang', view.machine.version) ?? machines.rolovergang
    return html(
      c,
      <TransitionPage
        who={who}
        path={c.req.path}
        def={def}
        view={view}
        known={await formChoicesOf(directory, view)}
        events={events}
        names={{ organisations, people }}
        failed={failed}
        notice={notice}
        wholeHistory={c.req.query('geschiedenis') === 'alles'}
      />,
      failed?.status ?? 200,
    )
  }

  async function requestForm(
    c: Context<UiEnv>,
    who: Who,
    state?: FormState,
    status: 200 | 400 | 422 = 200,
  ) {
    const directory = new Directory(deps.store, who.principal)
    const fields = await requestFields(directory, who)
    const teacher = who.principal.role === 'teacher'
    return html(
      c,
      <Page
        title={teacher ? 'Nieuwe rolovergang aanvragen' : 'Nieuwe rolovergang openen'}
        who={who}
        path={c.req.path}
        crumbs={[{ href: '/transitions', label: teacher ? 'Mijn rolovergangen' : 'Rolovergangen' }]}
        lead={
          teacher
            ? 'Vraag een overstap naar een nieuwe rol aan. HR neemt de aanvraag in behandeling en regelt met u de vier vragen: toegang, ondersteuning, facilitering en erkenning.'
            : 'Open een rolovergang voor een leraar van uw organisatie.'
        }
      >
        <SchemaForm
          id="form-aanvraag"
          action="/transitions"
          who={who}
          fields={fields}
          labelOf={(key) => (key === 'personId' ? 'Leraar' : fieldLabel('', key))}
          state={state}
          submit={teacher ? 'Aanvragen' : 'Rolovergang openen'}
        />
      </Page>,
      status,
    )
  }

  /** GET /transitions: searched, filtered, sorted and paged by the facts, never in memory. */
  async function listPage(c: Context<UiEnv>, who: Who) {
    const filters = listFiltersOf(c)
    const teacher = who.principal.role === 'teacher'
    const directory = new Directory(deps.store, who.principal)
    const organisations = await directory.organisations()
    const after = c.req.query('na') || undefined
    const props = {
      who,
      path: c.req.path,
      filters,
      paged: after !== undefined,
      mayRequest: ruleFor(who.principal.role, 'transition.create') !== undefined,
      organisations,
    }
    const asked = listQueryOf(filters, teacher, organisations)
    let found: ListPage<ListedWithOverview> | undefined
    let problems = 'problems' in asked ? asked.problems : undefined
    if ('query' in asked) {
      try {
        const query = { ...asked.query, after }
        found = await listInstancesWithOverview(deps.store, who.principal, query, deps.now())
      } catch (error) {
        if (!(error instanceof ProblemError) || error.status !== 400) throw error
        problems = { byName: {}, general: [error.detail] }
      }
    }
    const items = found?.items ?? []
    const people = await directory.personNames(
      items.map((v) => String(v.context['personId'] ?? '')),
    )
    const names = { organisations: new Map(organisations.map((o) => [o.id, o.name])), people }
    return html(
      c,
      <TransitionList
        {...props}
        items={items}
        names={names}
        next={found?.next ?? null}
        problems={problems}
      />,
      problems ? 400 : 200,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/transitions',
      page((c, who) => listPage(c, who)),
    )
    .get(
      '/transitions/new',
      page((c, who) => requestForm(c, who)),
    )
    .post(
      '/transitions',
      page(async (c, who) => {
        const values = formValues(await readForm(c))
        const directory = new Directory(deps.store, who.principal)
        const fields = await requestFields(directory, who)
        const decoded = decodePayload(fields, values)
        const input: Record<string, unknown> = { ...decoded.payload }
        if (who.principal.role === 'teacher' && who.principal.personId) {
          // A teacher asks for themself, in their own organisation.
          const me = await readPerson(deps.store, who.principal, who.principal.personId)
          input['personId'] = me.id
          input['organisationId'] = me.organisationId
        }
        const errors = dutchErrors(TransitionInput, input, decoded.nameOf)
        if (errors.length > 0)
          return requestForm(c, who, { values, errors: placeErrors(fields, errors).byName }, 400)
        try {
          const created = await createTransition(
            deps.store,
            who.principal,
            TransitionInput.parse(input),
          )
          return c.redirect(`/transitions/${created.instanceId}?gedaan=aangevraagd`, 303)
        } catch (error) {
          if (error instanceof ProblemError && (error.status === 422 || error.status === 404)) {
            return requestForm(c, who, { values, errors: {}, problem: error.detail }, 422)
          }
          throw error
        }
      }),
    )
    .get(
      '/transitions/:id',
      page((c, who) => {
        const done = c.req.query('gedaan')
        const notice =
          done === 'aangevraagd'
            ? 'Gelukt: de rolovergang is aangevraagd.'
            : done && Object.hasOwn(machines.rolovergang.events, done)
              ? `Gelukt: ${eventTitle(done).toLowerCase()}.`
              : undefined
        return detail(c, who, param(c, 'id'), undefined, notice)
      }),
    )
    .post(
      '/transitions/:id/events',
      page(async (c, who) => {
        const id = param(c, 'id')
        const outcome = await submitEvent(
          deps,
          c,
          who.principal,
          id,
          'rolovergang',
          async () => ({}),
        )
        if (outcome.ok)
          return c.redirect(
            `/transitions/${id}?gedaan=${encodeURIComponent(outcome.type)}#inhoud`,
            303,
          )
        return detail(c, who, id, outcome.failed)
      }),
    )
}
