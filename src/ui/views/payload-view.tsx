import { euro } from '../../../machines/ontwikkelteam.v2.checks.ts'
import { fieldLabel, formatDate, valueLabelFor } from '../labels.ts'
import type { Names } from './names.ts'
import { organisationName, personName } from './names.ts'

const DATE_KEYS = new Set(['date', 'startDate', 'endDate'])
/** Keys that hold a person's id: shown by name. */
const PERSON_KEYS = new Set(['personId', 'agreedByPersonId', 'leraarInAmsterdamPersonId'])
/** Lists of people's ids (evaluators): shown by name. */
const PEOPLE_KEYS = new Set(['evaluatorIds'])
/** Amounts in cents: shown in euros. */
const CENT_KEYS = new Set(['amountCents'])
/** Lists of sentences (what a migration changed): one per line, not joined by commas. */
const SENTENCE_KEYS = new Set(['changes'])

function Value({
  type,
  keyName,
  value,
  names,
  version,
}: {
  type: string
  keyName: string
  value: unknown
  names: Names
  version: number
}) {
  if (value === null || value === undefined) return <>—</>
  if (typeof value === 'boolean') return <>{value ? 'ja' : 'nee'}</>
  if (typeof value === 'number') return <>{CENT_KEYS.has(keyName) ? euro(value) : String(value)}</>
  if (typeof value === 'string') {
    if (keyName === 'organisationId') return <>{organisationName(names, value)}</>
    if (PERSON_KEYS.has(keyName)) return <>{personName(names, value)}</>
    if (DATE_KEYS.has(keyName)) return <>{formatDate(value)}</>
    return <>{valueLabelFor(keyName, value)}</>
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>
    if (keyName === 'organisationIds' || keyName === 'removeOrganisationIds')
      return <>{value.map((v) => organisationName(names, String(v))).join(', ')}</>
    if (PEOPLE_KEYS.has(keyName))
      return <>{value.map((v) => personName(names, String(v))).join(', ')}</>
    if (SENTENCE_KEYS.has(keyName)) {
      return (
        <ul class="plain">
          {value.map((v) => (
            <li>{String(v)}</li>
          ))}
        </ul>
      )
    }
    if (value.every((v) => typeof v === 'string'))
      return <>{value.map((v) => valueLabelFor(keyName, String(v))).join(', ')}</>
    if (keyName === 'organisations' || keyName === 'addOrganisations') {
      return (
        <>
          {value
            .map((v) => (v as { name?: unknown }).name)
            .filter((n) => typeof n === 'string')
            .join(', ')}
        </>
      )
    }
    return (
      <ul class="plain">
        {value.map((item) => (
          <li>
            <Value type={type} keyName="" value={item} names={names} version={version} />
          </li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'object')
    return (
      <PayloadView
        type={type}
        payload={value as Record<string, unknown>}
        names={names}
        version={version}
      />
    )
  return <>{String(value)}</>
}

/** What an event recorded, as a list of labelled values, in the words of its machine version. */
export function PayloadView({
  type,
  payload,
  names,
  version = 1,
}: {
  type: string
  payload: unknown
  names: Names
  version?: number | undefined
}) {
  if (typeof payload !== 'object' || payload === null) return null
  const entries = Object.entries(payload as Record<string, unknown>)
  if (entries.length === 0) return null
  return (
    <dl class="payload">
      {entries.map(([key, value]) => (
        <div>
          <dt>{fieldLabel(type, key, version)}</dt>
          <dd>
            <Value type={type} keyName={key} value={value} names={names} version={version} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
