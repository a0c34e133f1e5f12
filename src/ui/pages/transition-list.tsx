import type { ListedInstanceView } from '../../engine/read-instances.ts'
import type { Who } from '../env.ts'
import { valueLabel } from '../labels.ts'
import { Page } from '../layout.tsx'
import { MomentText } from '../views/moment-text.tsx'
import type { Names } from '../views/names.ts'
import { personName, placeName } from '../views/names.ts'
import {
  QUESTIONS,
  REGIONS,
  isSettled,
  isStilgevallen,
  regionStates,
} from '../../engine/questions.ts'
import { V2, regionStateTextV2 } from '../../engine/questions-v2.ts'
import { stateSummaryV2 } from '../views/state-summary-v2.ts'

export interface TransitionFilters {
  status: string
  vraag: string
  stil: boolean
  organisatie: string
}

export interface TransitionListProps {
  who: Who
  path: string
  items: ListedInstanceView[]
  names: Names
  filters: TransitionFilters
  now: Date
  nextHref: string | null
  mayRequest: boolean
  organisations: { id: string; name: string }[]
}

const STATUSES = ['actief', 'afgerond', 'afgewezen', 'ingetrokken']

/** A region's state as its badge says it, in the words of the instance's version. */
const regionText = (state: string, version: number) =>
  version >= V2 ? regionStateTextV2(state) : valueLabel(state)

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string
  label: string
  value: string
  options: [string, string][]
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The role transitions in scope: filter by status, by open question, and stilgevallen. */
export function TransitionList(props: TransitionListProps) {
  const { who, items, names, filters, now } = props
  const teacher = who.principal.role === 'teacher'
  const stil = (v: ListedInstanceView) => isStilgevallen(v.status, v.moments.last, now)
  const stilCount = items.filter(stil).length
  return (
    <Page
      title={teacher ? 'Mijn rolovergangen' : 'Rolovergangen'}
      who={who}
      path={props.path}
      lead={
        teacher
          ? 'U bent eigenaar van uw eigen ontwikkeling: hier ziet u uw rolovergangen en vraagt u een nieuwe aan.'
          : 'De rolovergangen van uw organisaties en waar ze staan op de vier vragen.'
      }
    >
      {props.mayRequest && (
        <p class="actions-row">
          <a class="button" href="/transitions/new">
            {teacher ? 'Nieuwe rolovergang aanvragen' : 'Nieuwe rolovergang openen'}
          </a>
        </p>
      )}
      {!teacher && (
        <form method="get" action="/transitions" class="filters" aria-label="Filters">
          <Select
            id="status"
            label="Status"
            value={filters.status}
            options={[['', 'Alle'], ...STATUSES.map((s): [string, string] => [s, s])]}
          />
          <Select
            id="vraag"
            label="Open vraag"
            value={filters.vraag}
            options={[
              ['', 'Maakt niet uit'],
              ...QUESTIONS.map((q): [string, string] => [q, `${valueLabel(q)} is open`]),
            ]}
          />
          {props.organisations.length > 1 && (
            <Select
              id="organisatie"
              label="Organisatie"
              value={filters.organisatie}
              options={[
                ['', 'Alle'],
                ...props.organisations.map((o): [string, string] => [o.id, o.name]),
              ]}
            />
          )}
          <div class="field field-check">
            <input id="stil" name="stil" type="checkbox" value="ja" checked={filters.stil} />
            <label for="stil">Alleen stilgevallen (30 dagen of langer niets gebeurd)</label>
          </div>
          <button type="submit" class="button secondary">
            Filter
          </button>
        </form>
      )}
      <p role="status">
        {items.length === 1 ? '1 rolovergang' : `${items.length} rolovergangen`}
        {!teacher && stilCount > 0 && `, waarvan ${stilCount} stilgevallen`}.
      </p>
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              Rolovergangen met de stand van de vier vragen en de rol
            </caption>
            <thead>
              <tr>
                <th scope="col">{teacher ? 'Nieuwe rol' : 'Leraar'}</th>
                {!teacher && <th scope="col">Nieuwe rol</th>}
                <th scope="col">Status</th>
                {REGIONS.map((r) => (
                  <th scope="col">{valueLabel(r)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((v) => {
                const regions = regionStates(v.state)
                const version = v.machine.version
                const role = String(v.context['newRole'] ?? v.title)
                const person = personName(names, String(v.context['personId'] ?? ''))
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/transitions/${v.id}`}>{teacher ? role : person}</a>
                      {!teacher && (
                        <div class="muted small">
                          {placeName(names, String(v.context['organisationId'] ?? ''))}
                        </div>
                      )}
                    </th>
                    {!teacher && <td>{role}</td>}
                    <td>
                      <span class={`badge status-${v.status}`}>{v.status}</span>
                      {version >= V2 && v.status === 'actief' && (
                        <div class="small">{stateSummaryV2(v.state)}</div>
                      )}
                      <div class="muted small">
                        sinds <MomentText moment={v.moments.last} />
                      </div>
                      {version < V2 && (
                        <div class="muted small">procesversie 1 (de eerdere regels)</div>
                      )}
                      {stil(v) && <span class="badge stil">stilgevallen</span>}
                    </td>
                    {REGIONS.map((r) => {
                      const s = regions[r] ?? '—'
                      return (
                        <td>
                          {s === '—' ? (
                            '—'
                          ) : (
                            <span class={`badge ${isSettled(r, s, version) ? 'q-done' : 'q-open'}`}>
                              {regionText(s, version)}
                            </span>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.nextHref && (
        <p>
          <a href={props.nextHref}>Volgende rolovergangen</a>
        </p>
      )}
    </Page>
  )
}
