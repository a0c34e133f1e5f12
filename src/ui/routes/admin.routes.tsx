import type { Context } from 'hono'
import { Hono } from 'hono'
import type { z } from 'zod'
import { ROLES, ruleFor } from '../../access/policy.ts'
import { createOrganisation } from '../../engine/organisations.service.ts'
import { createPerson } from '../../engine/people.service.ts'
import { createToken, listAllTokens, revokeTokenAsPrincipal } from '../../engine/tokens.service.ts'
import { ProblemError } from '../../errors.ts'
import type { FieldError } from '../../errors.ts'
import { OrganisationInput, PersonInput, TokenInput } from '../../http/schemas.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { decodePayload, formValues } from '../forms/decode.ts'
import type { Field } from '../forms/fields.ts'
import { fieldsOf } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { dutchErrors, placeErrors } from '../forms/schema-form.tsx'
import { ROLE_LABELS } from '../labels.ts'
import { Page } from '../layout.tsx'
import { OrganisationsPage, PeoplePage } from '../pages/admin-pages.tsx'
import { TokensPage } from '../pages/admin-tokens-page.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import { readForm } from '../forms/read-form.ts'

type Status = 200 | 201 | 400 | 422

/** Validates a form against the API's own input schema, then runs the service; errors come back in place. */
async function submit<T>(
  c: Context<UiEnv>,
  schema: z.ZodType<T>,
  fields: Field[],
  run: (input: T) => Promise<Response>,
  again: (state: FormState, status: Status) => Promise<Response>,
): Promise<Response> {
  const values = formValues(await readForm(c))
  const decoded = decodePayload(fields, values)
  const errors = dutchErrors(schema, decoded.payload, decoded.nameOf)
  if (errors.length > 0) return again({ values, errors: placeErrors(fields, errors).byName }, 400)
  try {
    return await run(schema.parse(decoded.payload))
  } catch (error) {
    if (!(error instanceof ProblemError) || ![400, 422].includes(error.status)) throw error
    const fromService = ((error.extra['errors'] as FieldError[] | undefined) ?? []).map((e) => ({
      ...e,
      path: `payload.${e.path}`,
    }))
    const placed = placeErrors(fields, fromService)
    return again(
      { values, errors: placed.byName, problem: error.detail },
      error.status === 400 ? 400 : 422,
    )
  }
}

export function adminRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function organisations(
    c: Context<UiEnv>,
    who: Who,
    state?: FormState,
    status: Status = 200,
  ) {
    const list = await new Directory(deps.store, who.principal).organisations()
    return html(
      c,
      <OrganisationsPage
        who={who}
        path={c.req.path}
        fields={fieldsOf(OrganisationInput)}
        state={state}
        done={Boolean(c.req.query('gedaan'))}
        list={list}
        mayCreate={ruleFor(who.principal.role, 'organisation.create') !== undefined}
      />,
      status,
    )
  }

  async function personFields(directory: Directory): Promise<Field[]> {
    const orgs = (await directory.organisations()).map((o) => ({ value: o.id, label: o.name }))
    return fieldsOf(PersonInput, { organisationId: orgs })
  }

  async function people(c: Context<UiEnv>, who: Who, state?: FormState, status: Status = 200) {
    const directory = new Directory(deps.store, who.principal)
    return html(
      c,
      <PeoplePage
        who={who}
        path={c.req.path}
        fields={await personFields(directory)}
        state={state}
        done={Boolean(c.req.query('gedaan'))}
        everyone={await directory.everyone()}
        orgNames={await directory.organisationNames()}
      />,
      status,
    )
  }

  async function tokenFields(directory: Directory): Promise<Field[]> {
    const orgs = (await directory.organisations()).map((o) => ({ value: o.id, label: o.name }))
    const persons = (await directory.everyone()).map((p) => ({
      value: p.id,
      label: p.name ?? p.id,
    }))
    const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))
    return fieldsOf(TokenInput, {
      role: roles,
      organisationIds: orgs,
      ...(persons.length ? { personId: persons } : {}),
    })
  }

  async function tokens(
    c: Context<UiEnv>,
    who: Who,
    state?: FormState,
    status: Status = 200,
    created?: { id: string; token: string },
  ) {
    const directory = new Directory(deps.store, who.principal)
    const list = await listAllTokens(deps.store, who.principal)
    return html(
      c,
      <TokensPage
        who={who}
        path={c.req.path}
        fields={await tokenFields(directory)}
        state={state}
        list={list}
        orgNames={await directory.organisationNames()}
        people={await directory.personNames(list.flatMap((t) => (t.personId ? [t.personId] : [])))}
        revoked={Boolean(c.req.query('ingetrokken'))}
        created={created}
      />,
      status,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/admin',
      page(async (c, who) => {
        const directory = new Directory(deps.store, who.principal)
        const counts = {
          organisations: (await directory.organisations()).length,
          people: (await directory.everyone()).length,
          tokens: (await listAllTokens(deps.store, who.principal)).filter((t) => !t.revokedAt)
            .length,
        }
        return html(
          c,
          <Page
            title="Beheer"
            who={who}
            path={c.req.path}
            lead="Organisaties, personen en toegang. Elke wijziging wordt vastgelegd in de beheerketen."
          >
            <div class="cards">
              <section class="card" aria-labelledby="b-org">
                <h2 id="b-org">
                  <a href="/admin/organisations">Organisaties</a>
                </h2>
                <p>
                  {String(counts.organisations)} organisaties: besturen, scholen, opleidingsscholen,
                  lerarenopleidingen…
                </p>
              </section>
              <section class="card" aria-labelledby="b-pers">
                <h2 id="b-pers">
                  <a href="/admin/people">Personen</a>
                </h2>
                <p>{String(counts.people)} personen.</p>
              </section>
              <section class="card" aria-labelledby="b-tok">
                <h2 id="b-tok">
                  <a href="/admin/tokens">Tokens</a>
                </h2>
                <p>{String(counts.tokens)} werkende tokens.</p>
              </section>
              <section class="card" aria-labelledby="b-def">
                <h2 id="b-def">
                  <a href="/admin/definities">Procesdefinities</a>
                </h2>
                <p>De versies van de processen, en lopende processen overzetten naar een nieuwe.</p>
              </section>
              <section class="card" aria-labelledby="b-pil">
                <h2 id="b-pil">
                  <a href="/pilots">Pilots</a>
                </h2>
                <p>Pilots aanmaken en hun ontwikkelteams volgen.</p>
              </section>
              <section class="card" aria-labelledby="b-aud">
                <h2 id="b-aud">
                  <a href="/audit/beheer">Beheerketen</a>
                </h2>
                <p>De geschiedenis van alle beheerhandelingen, met hashes.</p>
              </section>
            </div>
          </Page>,
        )
      }),
    )
    .get(
      '/admin/organisations',
      page((c, who) => organisations(c, who)),
    )
    .post(
      '/admin/organisations',
      page((c, who) =>
        submit(
          c,
          OrganisationInput,
          fieldsOf(OrganisationInput),
          async (input) => {
            await createOrganisation(deps.store, who.principal, input)
            return c.redirect('/admin/organisations?gedaan=1', 303)
          },
          (state, status) => organisations(c, who, state, status),
        ),
      ),
    )
    .get(
      '/admin/people',
      page((c, who) => people(c, who)),
    )
    .post(
      '/admin/people',
      page(async (c, who) =>
        submit(
          c,
          PersonInput,
          await personFields(new Directory(deps.store, who.principal)),
          async (input) => {
            await createPerson(deps.store, who.principal, input)
            return c.redirect('/admin/people?gedaan=1', 303)
          },
          (state, status) => people(c, who, state, status),
        ),
      ),
    )
    .get(
      '/admin/tokens',
      page((c, who) => tokens(c, who)),
    )
    .post(
      '/admin/tokens',
      page(async (c, who) =>
        submit(
          c,
          TokenInput,
          await tokenFields(new Directory(deps.store, who.principal)),
          async (input) =>
            tokens(c, who, undefined, 201, await createToken(deps.store, who.principal, input)),
          (state, status) => tokens(c, who, state, status),
        ),
      ),
    )
    .post(
      '/admin/tokens/:id/revoke',
      page(async (c, who) => {
        await revokeTokenAsPrincipal(deps.store, who.principal, param(c, 'id'))
        return c.redirect('/admin/tokens?ingetrokken=1', 303)
      }),
    )
}
