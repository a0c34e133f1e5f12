import type { OrganisationView } from '../../engine/organisations.service.ts'
import type { PersonView } from '../../engine/people.service.ts'
import type { Who } from '../env.ts'
import type { Field } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { SchemaForm } from '../forms/schema-form.tsx'
import { fieldLabel, formatDate, valueLabel } from '../labels.ts'
import { Notice, Page } from '../layout.tsx'

export const ADMIN_CRUMBS = [{ href: '/admin', label: 'Beheer' }]

/** Labels of the admin forms' fields. */
export const labelOf = (key: string) =>
  key === 'name'
    ? 'Naam'
    : key === 'role'
      ? 'Rol'
      : key === 'personId'
        ? 'Persoon (voor teamlid en leraar)'
        : fieldLabel('', key)

interface AdminPageProps {
  who: Who
  path: string
  fields: Field[]
  state?: FormState | undefined
  /** Shown after a redirect that followed a successful form. */
  done: boolean
}

/** Beheer: the organisations, and a form for a new one. */
export function OrganisationsPage({
  who,
  path,
  fields,
  state,
  done,
  list,
  mayCreate,
}: AdminPageProps & { list: OrganisationView[]; mayCreate: boolean }) {
  return (
    <Page title="Organisaties" who={who} path={path} crumbs={ADMIN_CRUMBS}>
      <Notice text={done ? 'Gelukt: de organisatie is aangemaakt.' : undefined} />
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Organisaties</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">Id</th>
              <th scope="col">Aangemaakt</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => (
              <tr>
                <th scope="row">{o.name}</th>
                <td>{valueLabel(o.kind)}</td>
                <td>
                  <code>{o.id}</code>
                </td>
                <td>{formatDate(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayCreate && (
        <section aria-labelledby="nieuwe-organisatie">
          <h2 id="nieuwe-organisatie">Nieuwe organisatie</h2>
          <SchemaForm
            id="form-organisatie"
            action="/admin/organisations"
            who={who}
            fields={fields}
            labelOf={labelOf}
            state={state}
            submit="Organisatie aanmaken"
          />
        </section>
      )}
    </Page>
  )
}

/** Beheer: the people (as far as the beheer history names them), and a form for a new one. */
export function PeoplePage({
  who,
  path,
  fields,
  state,
  done,
  everyone,
  orgNames,
}: AdminPageProps & { everyone: PersonView[]; orgNames: Map<string, string> }) {
  return (
    <Page
      title="Personen"
      who={who}
      path={path}
      crumbs={ADMIN_CRUMBS}
      lead="Leraren, teamleden en anderen om wie het in de processen gaat. Alleen wat nodig is: naam, e-mail en organisatie."
    >
      <Notice text={done ? 'Gelukt: de persoon is aangemaakt.' : undefined} />
      {everyone.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Personen</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">E-mail</th>
                <th scope="col">Organisatie</th>
                <th scope="col">Id</th>
              </tr>
            </thead>
            <tbody>
              {everyone.map((p) => (
                <tr>
                  <th scope="row">{p.name ?? '(gewist)'}</th>
                  <td>{p.email ?? '—'}</td>
                  <td>{orgNames.get(p.organisationId) ?? p.organisationId}</td>
                  <td>
                    <code>{p.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="nieuwe-persoon">
        <h2 id="nieuwe-persoon">Nieuwe persoon</h2>
        <SchemaForm
          id="form-persoon"
          action="/admin/people"
          who={who}
          fields={fields}
          labelOf={labelOf}
          state={state}
          submit="Persoon aanmaken"
        />
      </section>
    </Page>
  )
}
