import type { InstanceListQuery } from '../../engine/instance-list.ts'
import type { OrganisationView } from '../../engine/organisations.service.ts'
import { InstanceQuery } from '../../http/instance-query.ts'
import { valueLabel } from '../labels.ts'

// The query of the transitions list: how the URL names it, what the form offers, and how it
// becomes a query of the facts (listInstancesWithOverview), with a Dutch message for what is not.

export const PAGE_SIZE = 50

/** The list's query as the URL carries it; an empty string is no filter. */
export interface TransitionFilters {
  q: string
  status: string
  fase: string
  /** An open question: toegang, ondersteuning, facilitering, erkenning. */
  vraag: string
  organisatie: string
  /** `ja`, `nee` or empty. */
  stil: string
  wacht: string
  /** A column of SORTABLE, `-` before it for descending. */
  sortering: string
  aantal: string
}

export const NO_FILTERS: TransitionFilters = {
  q: '',
  status: '',
  fase: '',
  vraag: '',
  organisatie: '',
  stil: '',
  wacht: '',
  sortering: '',
  aantal: '',
}

/** What was wrong with the query: a message beside each field, the rest on top. */
export interface FilterProblems {
  byName: Partial<Record<keyof TransitionFilters, string>>
  general: string[]
}

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const options = (values: string[]): [string, string][] =>
  values.map((v) => [v, capital(valueLabel(v))])

export const STATUS_OPTIONS = options(['actief', 'afgerond', 'afgewezen', 'ingetrokken'])
export const FASE_OPTIONS = options([
  'aangevraagd',
  'lopend',
  'afgerond',
  'afgewezen',
  'ingetrokken',
])
export const VRAAG_OPTIONS: [string, string][] = [
  ['toegang', 'Toegang'],
  ['ondersteuning', 'Ondersteuning'],
  ['facilitering', 'Facilitering'],
  ['erkenning', 'Erkenning'],
]
export const STIL_OPTIONS: [string, string][] = [
  ['ja', 'Alleen stilgevallen (30 dagen niets gebeurd)'],
  ['nee', 'Niet stilgevallen'],
]
export const waitOptions = (teacher: boolean): [string, string][] => [
  ['hr', 'HR'],
  ['leraar', teacher ? 'U (de leraar)' : 'De leraar'],
]
/** The columns the list sorts by (the API's sort keys). */
export const SORTABLE = ['titel', 'fase', 'status', 'begonnen', 'laatst'] as const

/** The list with these filters, from its first page or after `na`. */
export function transitionsHref(filters: Partial<TransitionFilters>, na?: string): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value)
  if (na) query.set('na', na)
  const search = query.toString()
  return search ? `/transitions?${search}` : '/transitions'
}

const validSort = (sort: string) => SORTABLE.some((key) => sort === key || sort === `-${key}`)
const validLimit = (limit: string) => /^\d{1,3}$/.test(limit) && +limit >= 1 && +limit <= 100

const offered = (choices: [string, string][], value: string) =>
  !value || choices.some(([v]) => v === value)

/**
 * The filters as a query of listInstancesWithOverview, or what is wrong with them: each message
 * beside its field, the sort, page size and a field the form does not show on top.
 */
export function listQueryOf(
  f: TransitionFilters,
  teacher: boolean,
  organisations: { id: string }[],
): { query: InstanceListQuery } | { problems: FilterProblems } {
  const byName: FilterProblems['byName'] = {}
  const general: string[] = []
  const q = f.q ? InstanceQuery.shape.q.safeParse(f.q) : undefined
  if (q && !q.success) byName.q = q.error.issues[0]?.message ?? 'Zoek op ten hoogste 100 tekens.'
  if (!offered(STATUS_OPTIONS, f.status)) byName.status = 'Kies een status uit de lijst.'
  if (!offered(FASE_OPTIONS, f.fase)) byName.fase = 'Kies een fase of toestand uit de lijst.'
  if (!offered(VRAAG_OPTIONS, f.vraag)) byName.vraag = 'Kies een vraag uit de lijst.'
  if (f.organisatie && !organisations.some((o) => o.id === f.organisatie)) {
    const message = 'Kies een organisatie uit de lijst.'
    if (organisations.length > 1) byName.organisatie = message
    else general.push(`Onbekende organisatie. ${message}`)
  }
  if (!offered(STIL_OPTIONS, f.stil))
    byName.stil = 'Kies of u alleen stilgevallen rolovergangen ziet.'
  if (!offered(waitOptions(teacher), f.wacht)) byName.wacht = 'Kies op wie de rolovergang wacht.'
  if (f.sortering && !validSort(f.sortering))
    general.push('Onbekende sortering: kies een kolomkop om op te sorteren.')
  if (f.aantal && !validLimit(f.aantal))
    general.push('Vraag 1 tot en met 100 rolovergangen per pagina.')
  if (Object.keys(byName).length > 0 || general.length > 0) return { problems: { byName, general } }
  const stalled = f.stil === 'ja' ? true : f.stil === 'nee' ? false : undefined
  const query: InstanceListQuery = {
    machine: 'rolovergang',
    q: q?.success ? q.data : undefined,
    status: f.status || undefined,
    state: f.fase || undefined,
    openQuestion: f.vraag || undefined,
    organisationId: f.organisatie || undefined,
    stalled,
    waitingOn: f.wacht || undefined,
    sort: f.sortering || undefined,
    limit: f.aantal ? Number(f.aantal) : PAGE_SIZE,
  }
  return { query }
}

interface FieldProps {
  id: keyof TransitionFilters
  label: string
  value: string
  problems: FilterProblems | undefined
  choices?: [string, string][] | undefined
  any?: string
}

/** A filter with its label and, after a bad request, its message (a select, or the search box). */
function Field({ id, label, value, problems, choices, any = 'Alle' }: FieldProps) {
  const error = problems?.byName[id]
  const attributes = {
    id,
    name: id,
    'aria-describedby': error ? `${id}-fout` : undefined,
    'aria-invalid': error ? 'true' : undefined,
  }
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {error && (
        <p class="field-error" id={`${id}-fout`}>
          <span class="visually-hidden">Fout: </span>
          {error}
        </p>
      )}
      {choices ? (
        <select {...attributes}>
          {[['', any] as [string, string], ...choices].map(([v, text]) => (
            <option value={v} selected={v === value}>
              {text}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" value={value} maxlength={100} {...attributes} />
      )}
    </div>
  )
}

/** Each bestuur followed by its own schools, so that a bestuur reads as the whole of them. */
function organisationOptions(organisations: OrganisationView[]): [string, string][] {
  const byName = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl'))
  const known = new Set(byName.map((o) => o.id))
  return byName
    .filter((o) => o.parentId === null || !known.has(o.parentId))
    .flatMap((top) => [
      [top.id, top.name] as [string, string],
      ...byName
        .filter((o) => o.parentId === top.id)
        .map((o): [string, string] => [o.id, `${o.name} (${top.name})`]),
    ])
}

export interface FilterFormProps {
  filters: TransitionFilters
  problems?: FilterProblems | undefined
  organisations: OrganisationView[]
  teacher: boolean
}

/** The GET form over the list: search, filters, and the sort and page size it keeps. */
export function TransitionFilterForm(props: FilterFormProps) {
  const { filters, problems, teacher } = props
  const common = { problems }
  return (
    <>
      {problems && (
        <div class="form-problem" role="alert">
          <p class="form-problem-title">Controleer de filters hieronder.</p>
          {problems.general.length > 0 && (
            <ul class="reasons">
              {problems.general.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form method="get" action="/transitions" class="filters" aria-label="Zoeken en filteren">
        <Field id="q" label="Zoek op rol of naam" value={filters.q} {...common} />
        <Field
          id="status"
          label="Status"
          value={filters.status}
          choices={STATUS_OPTIONS}
          {...common}
        />
        <Field
          id="fase"
          label="Fase/toestand"
          value={filters.fase}
          choices={FASE_OPTIONS}
          {...common}
        />
        <Field
          id="vraag"
          label="Open vraag"
          value={filters.vraag}
          choices={VRAAG_OPTIONS}
          {...common}
        />
        {props.organisations.length > 1 && (
          <Field
            id="organisatie"
            label="Organisatie"
            value={filters.organisatie}
            choices={organisationOptions(props.organisations)}
            {...common}
          />
        )}
        <Field
          id="stil"
          label="Stilgevallen"
          value={filters.stil}
          choices={STIL_OPTIONS}
          any="Maakt niet uit"
          {...common}
        />
        <Field
          id="wacht"
          label="Wacht op"
          value={filters.wacht}
          choices={waitOptions(teacher)}
          any="Maakt niet uit"
          {...common}
        />
        {validSort(filters.sortering) && (
          <input type="hidden" name="sortering" value={filters.sortering} />
        )}
        {validLimit(filters.aantal) && <input type="hidden" name="aantal" value={filters.aantal} />}
        <button type="submit" class="button secondary">
          Zoeken
        </button>
      </form>
    </>
  )
}
