import { scenarios } from '../../../machines/vocabulary.ts'
import type { OrganisationView } from '../../engine/organisations.service.ts'
import type { ReportDefinition, ReportFilterName } from '../../reports/report-context.ts'
import { valueLabel } from '../labels.ts'

/** The filters as they were sent: form name → the text in the field. */
export type SentFilters = Partial<Record<ReportFilterName, string>>

/** What was wrong with the filters: a message per field, and what the field list cannot hold. */
export interface FilterErrors {
  problem: string
  byName: Partial<Record<ReportFilterName, string>>
  general: string[]
}

export const MACHINE_VERSIONS = ['1', '2'] as const

/** The filters in the order the form shows them. */
export const FILTER_ORDER: readonly ReportFilterName[] = [
  'van',
  'tot',
  'organisationId',
  'scenario',
  'machineVersion',
  'per',
]

export interface ReportFiltersProps {
  definition: ReportDefinition
  sent: SentFilters
  organisations: OrganisationView[]
  errors?: FilterErrors | undefined
}

interface FieldProps {
  name: ReportFilterName
  label: string
  errors: FilterErrors | undefined
  hint?: string | undefined
  first: ReportFilterName | undefined
  children: (attributes: Record<string, string | boolean | undefined>) => unknown
}

const idOf = (name: ReportFilterName) => `filter-${name}`

/** One filter with its label, its hint and, after a bad request, its message. */
function FilterField({ name, label, errors, hint, first, children }: FieldProps) {
  const id = idOf(name)
  const error = errors?.byName[name]
  const hintId = hint ? `${id}-uitleg` : undefined
  const errorId = error ? `${id}-fout` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">Fout: </span>
          {error}
        </p>
      )}
      {children({
        id,
        name,
        'aria-describedby': describedBy,
        'aria-invalid': error ? 'true' : undefined,
        autofocus: first === name ? true : undefined,
      })}
    </div>
  )
}

function Options({ options, value }: { options: [string, string][]; value: string | undefined }) {
  return (
    <>
      {options.map(([v, text]) => (
        <option value={v} selected={v === (value ?? '')}>
          {text}
        </option>
      ))}
    </>
  )
}

/** Each bestuur followed by its own organisations, so that a bestuur reads as the whole of them. */
function organisationOptions(organisations: OrganisationView[]): [string, string][] {
  const byName = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl'))
  const known = new Set(byName.map((o) => o.id))
  const tops = byName.filter((o) => o.parentId === null || !known.has(o.parentId))
  return tops.flatMap((top) => {
    const children = byName.filter((o) => o.parentId === top.id)
    const label = children.length > 0 ? `${top.name} (met zijn scholen)` : top.name
    return [
      [top.id, label] as [string, string],
      ...children.map((o): [string, string] => [o.id, `${o.name} (${top.name})`]),
    ]
  })
}

/** The GET form with only the filters this report takes; after a bad request, filled in as sent. */
export function ReportFilters({ definition, sent, organisations, errors }: ReportFiltersProps) {
  const takes = (name: ReportFilterName) => definition.accepts.includes(name)
  const first = FILTER_ORDER.find((n) => takes(n) && errors?.byName[n])
  const common = { errors, first }
  const per = definition.per ? Object.entries(definition.per) : []
  return (
    <form method="get" action={`/rapportages/${definition.id}`} class="report-filters">
      {errors && (
        <div class="form-problem" role="alert" tabindex={-1} autofocus={first ? undefined : true}>
          <p class="form-problem-title">{errors.problem}</p>
          {errors.general.length > 0 && (
            <ul class="reasons">
              {errors.general.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <fieldset>
        <legend>Filters</legend>
        <div class="report-filter-fields">
          {takes('van') && (
            <FilterField name="van" label="Van" {...common}>
              {(a) => <input type="date" value={sent.van ?? ''} {...a} />}
            </FilterField>
          )}
          {takes('tot') && (
            <FilterField name="tot" label="Tot en met" {...common}>
              {(a) => <input type="date" value={sent.tot ?? ''} {...a} />}
            </FilterField>
          )}
          {takes('organisationId') && organisations.length > 0 && (
            <FilterField
              name="organisationId"
              label="Organisatie"
              hint="Een bestuur telt met zijn scholen."
              {...common}
            >
              {(a) => (
                <select {...a}>
                  <Options
                    options={[['', 'Alle organisaties'], ...organisationOptions(organisations)]}
                    value={sent.organisationId}
                  />
                </select>
              )}
            </FilterField>
          )}
          {takes('scenario') && (
            <FilterField name="scenario" label="Scenario" {...common}>
              {(a) => (
                <select {...a}>
                  <Options
                    options={[
                      ['', 'Alle scenario’s'],
                      ...scenarios.map((s): [string, string] => [s, valueLabel(s)]),
                    ]}
                    value={sent.scenario}
                  />
                </select>
              )}
            </FilterField>
          )}
          {takes('machineVersion') && (
            <FilterField name="machineVersion" label="Versie van de definitie" {...common}>
              {(a) => (
                <select {...a}>
                  <Options
                    options={[
                      ['', 'Alle versies'],
                      ...MACHINE_VERSIONS.map((v): [string, string] => [v, `Versie ${v}`]),
                    ]}
                    value={sent.machineVersion}
                  />
                </select>
              )}
            </FilterField>
          )}
          {takes('per') && per.length > 0 && (
            <FilterField name="per" label="Indeling" {...common}>
              {(a) => (
                <select {...a}>
                  <Options options={per} value={sent.per ?? per[0]?.[0]} />
                </select>
              )}
            </FilterField>
          )}
        </div>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button">
          Toon
        </button>
      </div>
    </form>
  )
}
