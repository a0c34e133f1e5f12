import type { Field } from './fields.ts'
import { fieldName } from './fields.ts'

/** A submitted form as strings: one value per name, or several for checkboxes. */
export type FormValues = Record<string, string | string[]>

/** The submitted fields, without files (no form here uploads any). */
export function formValues(body: Record<string, unknown>): FormValues {
  // Names are the client's: a field called `__proto__` must stay a field, not a prototype.
  const values = Object.create(null) as FormValues
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') values[name] = value
    else if (Array.isArray(value)) values[name] = value.filter((v) => typeof v === 'string')
  }
  return values
}

/** The single value of a field ('' when absent; the last one when sent twice). */
export function one(values: FormValues, name: string): string {
  const value = values[name]
  if (Array.isArray(value)) return value[value.length - 1] ?? ''
  return value ?? ''
}

/** Every value of a field (checkboxes). */
export function all(values: FormValues, name: string): string[] {
  const value = values[name]
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

export interface Decoded {
  payload: Record<string, unknown>
  /** The form name for a path in the payload (rows left empty are skipped in the payload). */
  nameOf(payloadPath: string): string
}

/**
 * Builds the payload from a form. Empty optional fields are left out and numbers are parsed;
 * whatever does not fit is passed on as typed, so the schema, not this, decides what is wrong.
 */
export function decodePayload(fields: Field[], values: FormValues): Decoded {
  const moved = new Map<string, string>()
  const payload = decodeObject(fields, [], values, moved)
  return {
    payload,
    nameOf(path) {
      const parts = path.split('.')
      for (let i = parts.length; i > 0; i--) {
        const renamed = moved.get(parts.slice(0, i).join('.'))
        if (renamed) return [renamed, ...parts.slice(i)].join('.')
      }
      return path
    },
  }
}

function decodeObject(
  fields: Field[],
  path: (string | number)[],
  values: FormValues,
  moved: Map<string, string>,
): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const field of fields) {
    const value = decodeField(field, [...path, field.key], values, moved)
    if (value !== undefined) object[field.key] = value
  }
  return object
}

/** Nothing typed, chosen or ticked under these fields. */
function blank(fields: Field[], path: (string | number)[], values: FormValues): boolean {
  return fields.every((f) => {
    const here = [...path, f.key]
    if (f.kind === 'group') return blank(f.fields, here, values)
    if (f.kind === 'rows') {
      return Array.from({ length: f.rows }, (_, i) => i).every((i) =>
        blank(f.fields, [...here, i], values),
      )
    }
    return all(values, fieldName(here)).every((v) => v.trim() === '')
  })
}

function decodeField(
  field: Field,
  path: (string | number)[],
  values: FormValues,
  moved: Map<string, string>,
): unknown {
  const name = fieldName(path)
  switch (field.kind) {
    case 'text': {
      const text = one(values, name)
      return text.trim() === '' && !field.required ? undefined : text
    }
    case 'choice':
    case 'date': {
      const text = one(values, name)
      return text === '' ? undefined : text
    }
    case 'choices': {
      const chosen = all(values, name).filter((v) => v !== '')
      return chosen.length === 0 && !field.required ? undefined : chosen
    }
    case 'number': {
      const text = one(values, name).trim()
      if (text === '') return undefined
      const number = Number(text.replace(',', '.'))
      return Number.isFinite(number) ? number : text
    }
    case 'flag': {
      const text = one(values, name)
      return text === 'on' || text === 'true' ? true : undefined
    }
    case 'group': {
      const object = decodeObject(field.fields, path, values, moved)
      return Object.keys(object).length === 0 && !field.required ? undefined : object
    }
    case 'rows': {
      const rows: Record<string, unknown>[] = []
      for (let i = 0; i < field.rows; i++) {
        // A row left blank is not there; a row with anything in it is checked in full.
        if (blank(field.fields, [...path, i], values)) continue
        const row = decodeObject(field.fields, [...path, i], values, moved)
        moved.set(fieldName([...path, rows.length]), fieldName([...path, i]))
        rows.push(row)
      }
      // As with a group: an optional list with every row blank is left out, not sent empty.
      return rows.length === 0 && !field.required ? undefined : rows
    }
  }
}
