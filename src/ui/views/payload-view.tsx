import { fieldLabel, formatDate, valueLabel } from '../labels.ts'
import type { Names } from './names.ts'
import { organisationName, personName } from './names.ts'

const DATE_KEYS = new Set(['date', 'startDate'])

function Value({
  type,
  keyName,
  value,
  names,
}: {
  type: string
  keyName: string
  value: unknown
  names: Names
}) {
  if (value === null || value === undefined) return <>—</>
  if (typeof value === 'boolean') return <>{value ? 'ja' : 'nee'}</>
  if (typeof value === 'number') return <>{String(value)}</>
  if (typeof value === 'string') {
    if (keyName === 'organisationId') return <>{organisationName(names, value)}</>
    if (keyName === 'personId') return <>{personName(names, value)}</>
    if (DATE_KEYS.has(keyName)) return <>{formatDate(value)}</>
    return <>{valueLabel(value)}</>
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>
    if (keyName === 'organisationIds')
      return <>{value.map((v) => organisationName(names, String(v))).join(', ')}</>
    if (value.every((v) => typeof v === 'string'))
      return <>{value.map((v) => valueLabel(String(v))).join(', ')}</>
    if (keyName === 'organisations') {
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
            <Value type={type} keyName="" value={item} names={names} />
          </li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'object')
    return <PayloadView type={type} payload={value as Record<string, unknown>} names={names} />
  return <>{String(value)}</>
}

/** What an event recorded, as a list of labelled values. */
export function PayloadView({
  type,
  payload,
  names,
}: {
  type: string
  payload: unknown
  names: Names
}) {
  if (typeof payload !== 'object' || payload === null) return null
  const entries = Object.entries(payload as Record<string, unknown>)
  if (entries.length === 0) return null
  return (
    <dl class="payload">
      {entries.map(([key, value]) => (
        <div>
          <dt>{fieldLabel(type, key)}</dt>
          <dd>
            <Value type={type} keyName={key} value={value} names={names} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
