import { z } from 'zod'
import { valueLabelFor } from '../labels.ts'

// A form is derived from an event's zod payload schema (through its JSON schema), so a new field
// in a machine's payload shows up in the UI without touching the UI.

export interface Option {
  value: string
  label: string
}

interface Base {
  /** The key inside its parent object (`text`, `organisationId`, `0`…). */
  key: string
  required: boolean
}

export type Field =
  | (Base & { kind: 'text'; multiline: boolean; maxLength?: number | undefined })
  | (Base & { kind: 'choice'; options: Option[] })
  | (Base & { kind: 'choices'; options: Option[] })
  | (Base & { kind: 'date' })
  | (Base & {
      kind: 'number'
      min?: number | undefined
      max?: number | undefined
      integer: boolean
    })
  | (Base & { kind: 'flag' })
  | (Base & { kind: 'group'; fields: Field[] })
  | (Base & {
      kind: 'rows'
      rows: number
      /** How many rows must be filled in (`recognitions`: at least one). */
      min: number
      fields: Field[]
    })

/** Choices the page knows for a key, e.g. the team's organisations for `organisationId`. */
export type KnownChoices = Partial<Record<string, Option[]>>

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  format?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minimum?: number
  maximum?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
}

/** How many rows a list of objects gets (oplossing.expertise): enough for a first record. */
export const LIST_ROWS = 3

/** Texts longer than this get a textarea. */
const SHORT_TEXT = 200

/** The fields of an object schema (an event payload). */
export function fieldsOf(schema: z.ZodType, known: KnownChoices = {}): Field[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return objectFields(json, known)
}

function objectFields(schema: JsonSchema, known: KnownChoices): Field[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([key, property]) =>
    field(key, property, required.has(key), known),
  )
}

/** An enum's values with the words they have in this field. */
function options(key: string, values: unknown[]): Option[] {
  return values.map((v) => ({ value: String(v), label: valueLabelFor(key, String(v)) }))
}

function field(key: string, schema: JsonSchema, required: boolean, known: KnownChoices): Field {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  const choices = known[key]
  if (choices && (type === 'string' || schema.enum))
    return { kind: 'choice', key, required, options: choices }
  if (schema.enum) return { kind: 'choice', key, required, options: options(key, schema.enum) }
  if (type === 'string') {
    if (schema.format === 'date') return { kind: 'date', key, required }
    const maxLength = schema.maxLength
    return { kind: 'text', key, required, multiline: (maxLength ?? 0) > SHORT_TEXT, maxLength }
  }
  if (type === 'number' || type === 'integer') {
    return {
      kind: 'number',
      key,
      required,
      min: schema.minimum,
      max: schema.maximum,
      integer: type === 'integer',
    }
  }
  if (type === 'boolean') return { kind: 'flag', key, required }
  if (type === 'object')
    return { kind: 'group', key, required, fields: objectFields(schema, known) }
  if (type === 'array' && schema.items) {
    if (choices) return { kind: 'choices', key, required, options: choices }
    if (schema.items.enum)
      return { kind: 'choices', key, required, options: options(key, schema.items.enum) }
    // A list with a row for each value of an enum (every denktank aim once) gets all its rows.
    const perValue = Object.values(schema.items.properties ?? {}).some(
      (p) => p.enum !== undefined && p.enum.length === schema.maxItems,
    )
    const rows = perValue
      ? (schema.maxItems ?? LIST_ROWS)
      : Math.min(schema.maxItems ?? LIST_ROWS, LIST_ROWS)
    const min = Math.min(schema.minItems ?? 0, rows)
    return { kind: 'rows', key, required, rows, min, fields: objectFields(schema.items, known) }
  }
  // Anything else is typed as text; the schema still decides on the server.
  return { kind: 'text', key, required, multiline: true }
}

/** The form name of a field at a path: `payload.expertise.0.description`. */
export function fieldName(path: readonly (string | number)[]): string {
  return ['payload', ...path].join('.')
}
