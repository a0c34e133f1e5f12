import type { OrganisationView } from '../../engine/organisations.service.ts'
import type { ListedWithOverview } from '../../engine/instance-list.ts'
import { REGIONS, isSettled, regionStates } from '../../engine/questions.ts'
import { V2, regionStateTextV2 } from '../../engine/questions-v2.ts'
import type { Who } from '../env.ts'
import { formatDate, valueLabel } from '../labels.ts'
import { Page } from '../layout.tsx'
import { MomentText } from '../views/moment-text.tsx'
import type { Names } from '../views/names.ts'
import { personName, placeName } from '../views/names.ts'
import { stateSummaryV2 } from '../views/state-summary-v2.ts'
import { TransitionFilterForm, capital, transitionsHref } from '../views/transition-filters.tsx'
import type { FilterProblems, TransitionFilters } from '../views/transition-filters.tsx'

export interface TransitionListProps {
  who: Who
  path: string
  items: ListedWithOverview[]
  names: Names
  filters: TransitionFilters
  next: string | null
  /** True on a page after the first. */
  paged: boolean
  mayRequest: boolean
  organisations: OrganisationView[]
  problems?: FilterProblems | undefined
}

/** A region's state as its badge says it, in the words of the instance's version. */
const regionText = (state: string, version: number) =>
  version >= V2 ? regionStateTextV2(state) : valueLabel(state)

/** A column header that sorts the list by `key`: ascending first, then the other way. */
function SortHeader({
  filters,
  sortKey,
  label,
}: {
  filters: TransitionFilters
  sortKey: string
  label: string
}) {
  const current =
    filters.sortering === sortKey
      ? 'ascending'
      : filters.sortering === `-${sortKey}`
        ? 'descending'
        : undefined
  const next = current === 'ascending' ? `-${sortKey}` : sortKey
  const how = current === 'ascending' ? 'aflopend' : 'oplopend'
  return (
    <th scope="col" aria-sort={current}>
      <a href={transitionsHref({ ...filters, sortering: next })}>
        {label}
        <span class="visually-hidden"> (sorteer {how})</span>
        {current && <span aria-hidden="true">{current === 'ascending' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  )
}

function Row({ v, names, teacher }: { v: ListedWithOverview; names: Names; teacher: boolean }) {
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
      <td>{capital(valueLabel(v.overview.phase))}</td>
      <td>
        <span class={`badge status-${v.status}`}>{valueLabel(v.status)}</span>
        {version >= V2 && v.status === 'actief' && (
          <div class="small">{stateSummaryV2(v.state)}</div>
        )}
        {version < V2 && <div class="muted small">procesversie 1 (de eerdere regels)</div>}
        {v.overview.stalled && <span class="badge stil">stilgevallen</span>}
      </td>
      <td>
        <time datetime={v.overview.startedOn}>{formatDate(v.overview.startedOn)}</time>
      </td>
      <td>
        <MomentText moment={v.moments.last} />
      </td>
      {REGIONS.map((r) => {
        const s = regions[r]
        if (!s) return <td>—</td>
        const settled = isSettled(r, s, version)
        return (
          <td>
            <span class={`badge ${settled ? 'q-done' : 'q-open'}`}>{regionText(s, version)}</span>
          </td>
        )
      })}
    </tr>
  )
}

/** The role transitions in reach: searched, filtered and sorted on the server, page by page. */
export function TransitionList(props: TransitionListProps) {
  const { who, items, names, filters } = props
  const teacher = who.principal.role === 'teacher'
  const stilCount = items.filter((v) => v.overview.stalled).length
  const counted = items.length === 1 ? '1 rolovergang' : `${items.length} rolovergangen`
  const sort = (key: string, label: string) => (
    <SortHeader filters={filters} sortKey={key} label={label} />
  )
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
      <TransitionFilterForm
        filters={filters}
        problems={props.problems}
        organisations={props.organisations}
        teacher={teacher}
      />
      {!props.problems && (
        <p role="status">
          {props.paged || props.next ? `${counted} op deze pagina` : counted}
          {stilCount > 0 && `, waarvan ${stilCount} stilgevallen`}.
        </p>
      )}
      {items.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">
              Rolovergangen met de stand van de vier vragen en de rol; kies een kolomkop om te
              sorteren
            </caption>
            <thead>
              <tr>
                {teacher ? sort('titel', 'Nieuwe rol') : <th scope="col">Leraar</th>}
                {!teacher && sort('titel', 'Nieuwe rol')}
                {sort('fase', 'Fase/toestand')}
                {sort('status', 'Status')}
                {sort('begonnen', 'Begonnen')}
                {sort('laatst', 'Laatste stap')}
                {REGIONS.map((r) => (
                  <th scope="col">{valueLabel(r)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <Row v={v} names={names} teacher={teacher} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(props.next || props.paged) && (
        <p class="actions-row">
          {props.next && <a href={transitionsHref(filters, props.next)}>Volgende pagina</a>}
          {props.paged && <a href={transitionsHref(filters)}>Naar de eerste pagina</a>}
        </p>
      )}
    </Page>
  )
}
