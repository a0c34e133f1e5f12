import type { Child } from 'hono/jsx'
import type { z } from 'zod'
import type { FieldError } from '../../errors.ts'
import type { Who } from '../env.ts'
import { Csrf } from '../layout.tsx'
import type { FormValues } from './decode.ts'
import { dutchError } from './dutch-errors.ts'
import type { Field } from './fields.ts'
import { fieldName } from './fields.ts'
import { FieldView } from './field-view.tsx'

/** A form as it comes back after a failed POST: what was typed and what was wrong. */
export interface FormState {
  values: FormValues
  /** Form name → message, shown next to the field. */
  errors: Record<string, string>
  /** What went wrong as a whole (shown above the fields). */
  problem?: string | undefined
  /** The Dutch reasons an event is not possible now. */
  reasons?: string[] | undefined
}

export const emptyState = (): FormState => ({ values: {}, errors: {} })

/** Every form name of a list of fields, so an error finds the field it belongs to. */
function names(fields: Field[], path: (string | number)[] = []): string[] {
  return fields.flatMap((f) => {
    const here = [...path, f.key]
    if (f.kind === 'group') return [fieldName(here), ...names(f.fields, here)]
    if (f.kind === 'rows') {
      return [
        fieldName(here),
        ...Array.from({ length: f.rows }, (_, i) => names(f.fields, [...here, i])).flat(),
      ]
    }
    return [fieldName(here)]
  })
}

/**
 * Puts each error next to the deepest field its path falls under (`payload.forms.1` → the
 * `payload.forms` checkboxes); errors no field owns go to the top of the form.
 */
export function placeErrors(
  fields: Field[],
  errors: FieldError[],
  extraNames: string[] = [],
): { byName: Record<string, string>; general: string[] } {
  const known = [...names(fields), ...extraNames].sort((a, b) => b.length - a.length)
  const byName: Record<string, string> = {}
  const general: string[] = []
  for (const error of errors) {
    const owner = known.find((n) => error.path === n || error.path.startsWith(`${n}.`))
    if (owner && !byName[owner]) byName[owner] = error.message
    else if (!owner) general.push(error.message)
  }
  return { byName, general }
}

/** Checks a value with a schema, in Dutch; the errors are named as the form names its fields. */
export function dutchErrors(
  schema: z.ZodType,
  value: unknown,
  nameOf: (path: string) => string = (p) => p,
  prefix = 'payload',
): FieldError[] {
  const result = schema.safeParse(value, { error: dutchError })
  if (result.success) return []
  return result.error.issues.map((issue) => ({
    path: nameOf([prefix, ...issue.path.map(String)].join('.')),
    message: issue.message,
  }))
}

export interface SchemaFormProps {
  id: string
  action: string
  who: Who
  fields: Field[]
  labelOf: (key: string) => string
  state?: FormState | undefined
  submit: string
  hidden?: Record<string, string> | undefined
  /** Fields that are not part of the payload (a reason), rendered after the payload's. */
  extra?: Child
  /** Rendered above the fields, e.g. why this step is not possible yet. */
  intro?: Child
  danger?: boolean
  /** The form sends a file: multipart/form-data instead of the default encoding. */
  upload?: boolean
}

/** A POST form whose fields come from a schema; errors sit next to their fields. */
export function SchemaForm(props: SchemaFormProps) {
  const state = props.state ?? emptyState()
  const failed = Boolean(state.problem || state.reasons?.length || Object.keys(state.errors).length)
  const firstError = names(props.fields).find((n) => state.errors[n])
  const ctx = {
    formId: props.id,
    values: state.values,
    errors: state.errors,
    labelOf: props.labelOf,
    focus: firstError,
  }
  return (
    <form
      method="post"
      action={props.action}
      class={`schema-form${failed ? ' failed' : ''}`}
      id={props.id}
      enctype={props.upload ? 'multipart/form-data' : undefined}
    >
      <Csrf who={props.who} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {failed && (
        <div
          class="form-problem"
          role="alert"
          id={`${props.id}-probleem`}
          tabindex={-1}
          autofocus={firstError ? undefined : true}
        >
          <p class="form-problem-title">
            {state.problem ?? 'Controleer wat hieronder is ingevuld.'}
          </p>
          {state.reasons && state.reasons.length > 0 && (
            <ul class="reasons">
              {state.reasons.map((r) => (
                <li>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.intro}
      {props.fields.map((f) => (
        <FieldView field={f} path={[f.key]} ctx={ctx} htmlRequired={true} />
      ))}
      {props.extra}
      <div class="form-actions">
        <button type="submit" class={props.danger ? 'button danger' : 'button'}>
          {props.submit}
        </button>
      </div>
    </form>
  )
}
