import type { TokenView } from '../../engine/tokens.service.ts'
import type { Who } from '../env.ts'
import type { Field } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { SchemaForm } from '../forms/schema-form.tsx'
import { ROLE_LABELS, formatDate } from '../labels.ts'
import { Csrf, Notice, Page } from '../layout.tsx'
import { ADMIN_CRUMBS, labelOf } from './admin-pages.tsx'

export interface TokensPageProps {
  who: Who
  path: string
  fields: Field[]
  state?: FormState | undefined
  list: TokenView[]
  orgNames: Map<string, string>
  people: Map<string, string>
  revoked: boolean
  /** A token just made: its secret is shown this once. */
  created?: { id: string; token: string } | undefined
}

/** Beheer: who may do what (tokens), revoke one, make one. */
export function TokensPage({
  who,
  path,
  fields,
  state,
  list,
  orgNames,
  people,
  revoked,
  created,
}: TokensPageProps) {
  return (
    <Page
      title="Tokens"
      who={who}
      path={path}
      crumbs={ADMIN_CRUMBS}
      lead="Wie mag wat: elk token heeft één rol en een bereik. Een ingetrokken token werkt meteen niet meer."
    >
      <Notice text={revoked ? 'Het token is ingetrokken.' : undefined} />
      {created && (
        <div class="token-once" role="status">
          <p>
            <strong>Het nieuwe token wordt maar één keer getoond.</strong> Geef het veilig door aan
            de gebruiker:
          </p>
          <p>
            <code id="nieuw-token">{created.token}</code>
          </p>
        </div>
      )}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Tokens</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Rol</th>
              <th scope="col">Bereik</th>
              <th scope="col">Aangemaakt</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((t) => (
              <tr>
                <th scope="row">{t.name}</th>
                <td>{ROLE_LABELS[t.role] ?? t.role}</td>
                <td>
                  {t.personId
                    ? (people.get(t.personId) ?? t.personId)
                    : t.organisationIds
                      ? t.organisationIds.map((id) => orgNames.get(id) ?? id).join(', ')
                      : 'alles'}
                </td>
                <td>{formatDate(t.createdAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `ingetrokken op ${formatDate(t.revokedAt)}`
                  ) : (
                    <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="inline-form">
                      <Csrf who={who} />
                      <button
                        type="submit"
                        class="button danger"
                        aria-label={`Token ${t.name} intrekken`}
                      >
                        Intrekken
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="nieuw-token-titel">
        <h2 id="nieuw-token-titel">Nieuw token</h2>
        <p class="hint">
          HR en auditor horen bij organisaties (een auditor zonder organisaties ziet alles); teamlid
          en leraar bij een persoon.
        </p>
        <SchemaForm
          id="form-token"
          action="/admin/tokens"
          who={who}
          fields={fields}
          labelOf={labelOf}
          state={state}
          submit="Token aanmaken"
        />
      </section>
    </Page>
  )
}
