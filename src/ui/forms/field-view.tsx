import type { Field } from './fields.ts'
import { fieldName } from './fields.ts'
import type { FormValues } from './decode.ts'
import { all, one } from './decode.ts'

export interface FieldContext {
  /** Unique per form, so several forms on a page never share an id. */
  formId: string
  values: FormValues
  errors: Record<string, string>
  labelOf: (key: string) => string
  /** The form name of the field that gets the focus (the first one with an error). */
  focus?: string | undefined
}

const idOf = (formId: string, path: (string | number)[]) =>
  `${formId}-${path.join('-')}`.replace(/[^a-zA-Z0-9_-]/g, '-')

function Optional({ required }: { required: boolean }) {
  return required ? null : <span class="optional"> (niet verplicht)</span>
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null
  return (
    <p class="field-error" id={id}>
      <span class="visually-hidden">Fout: </span>
      {text}
    </p>
  )
}

/** A small whole-number range (scores 1–5) reads better as a choice than as a number box. */
function smallRange(field: Extract<Field, { kind: 'number' }>): number[] | undefined {
  if (!field.integer || field.min === undefined || field.max === undefined) return undefined
  if (field.max - field.min > 10) return undefined
  return Array.from({ length: field.max - field.min + 1 }, (_, i) => (field.min ?? 0) + i)
}

/**
 * One field and its label, hint and error. `required` in HTML only where the whole path is
 * required: a field inside an optional group or a list row may stay empty.
 */
export function FieldView({
  field,
  path,
  ctx,
  htmlRequired,
}: {
  field: Field
  path: (string | number)[]
  ctx: FieldContext
  htmlRequired: boolean
}) {
  const name = fieldName(path)
  const id = idOf(ctx.formId, path)
  const error = ctx.errors[name]
  const errorId = `${id}-fout`
  const required = htmlRequired && field.required
  const autofocus = ctx.focus === name ? true : undefined
  const invalid = error ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}
  const label = ctx.labelOf(String(field.key))
  const wrap = (children: unknown, extra = '') => (
    <div class={`field${error ? ' has-error' : ''}${extra}`}>{children}</div>
  )
  switch (field.kind) {
    case 'text': {
      const value = one(ctx.values, name)
      return wrap(
        <>
          <label for={id}>
            {label}
            <Optional required={field.required} />
          </label>
          <ErrorText id={errorId} text={error} />
          {field.multiline ? (
            <textarea
              id={id}
              name={name}
              rows={3}
              required={required}
              maxlength={field.maxLength}
              autofocus={autofocus}
              {...invalid}
            >
              {value}
            </textarea>
          ) : (
            <input
              id={id}
              name={name}
              type="text"
              value={value}
              required={required}
              maxlength={field.maxLength}
              autofocus={autofocus}
              {...invalid}
            />
          )}
        </>,
      )
    }
    case 'date':
      return wrap(
        <>
          <label for={id}>
            {label}
            <Optional required={field.required} />
          </label>
          <ErrorText id={errorId} text={error} />
          <input
            id={id}
            name={name}
            type="date"
            value={one(ctx.values, name)}
            required={required}
            autofocus={autofocus}
            {...invalid}
          />
        </>,
      )
    case 'number': {
      const range = smallRange(field)
      const value = one(ctx.values, name)
      return wrap(
        <>
          <label for={id}>
            {label}
            <Optional required={field.required} />
          </label>
          <ErrorText id={errorId} text={error} />
          {range ? (
            <select id={id} name={name} required={required} autofocus={autofocus} {...invalid}>
              <option value="">— kies —</option>
              {range.map((n) => (
                <option value={String(n)} selected={value === String(n)}>
                  {String(n)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              name={name}
              type="number"
              inputmode={field.integer ? 'numeric' : 'decimal'}
              step={field.integer ? '1' : 'any'}
              min={field.min}
              max={field.max}
              value={value}
              required={required}
              autofocus={autofocus}
              class="input-short"
              {...invalid}
            />
          )}
        </>,
        ' field-short',
      )
    }
    case 'choice': {
      const value = one(ctx.values, name)
      return wrap(
        <>
          <label for={id}>
            {label}
            <Optional required={field.required} />
          </label>
          <ErrorText id={errorId} text={error} />
          <select id={id} name={name} required={required} autofocus={autofocus} {...invalid}>
            <option value="">— kies —</option>
            {field.options.map((o) => (
              <option value={o.value} selected={value === o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </>,
      )
    }
    case 'flag':
      return wrap(
        <>
          <ErrorText id={errorId} text={error} />
          <input
            id={id}
            name={name}
            type="checkbox"
            checked={one(ctx.values, name) === 'on'}
            autofocus={autofocus}
            {...invalid}
          />
          <label for={id}>{label}</label>
        </>,
        ' field-check',
      )
    case 'choices': {
      const chosen = new Set(all(ctx.values, name))
      return (
        <fieldset
          class={`field${error ? ' has-error' : ''}`}
          aria-describedby={error ? errorId : undefined}
        >
          <legend>
            {label}
            <Optional required={field.required} />
          </legend>
          <ErrorText id={errorId} text={error} />
          <div class="checks">
            {field.options.map((o, i) => (
              <div class="field-check">
                <input
                  id={`${id}-${i}`}
                  name={name}
                  type="checkbox"
                  value={o.value}
                  checked={chosen.has(o.value)}
                  autofocus={i === 0 ? autofocus : undefined}
                />
                <label for={`${id}-${i}`}>{o.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )
    }
    case 'group':
      return (
        <fieldset
          class={`field group${error ? ' has-error' : ''}`}
          aria-describedby={error ? errorId : undefined}
        >
          <legend>
            {label}
            <Optional required={field.required} />
          </legend>
          <ErrorText id={errorId} text={error} />
          <div class="group-fields">
            {field.fields.map((f) => (
              <FieldView field={f} path={[...path, f.key]} ctx={ctx} htmlRequired={required} />
            ))}
          </div>
        </fieldset>
      )
    case 'rows':
      return (
        <fieldset
          class={`field rows${error ? ' has-error' : ''}`}
          aria-describedby={error ? errorId : undefined}
        >
          <legend>
            {label}
            <Optional required={field.min > 0} />
          </legend>
          <ErrorText id={errorId} text={error} />
          {/* A fixed number of rows, so the list works without JavaScript; the first `min` rows
              must be filled in, the others may stay empty. */}
          {Array.from({ length: field.rows }, (_, i) => (
            <fieldset class="row">
              <legend>
                {`${label} ${i + 1}`}
                {field.min > 0 && <Optional required={i < field.min} />}
              </legend>
              {field.fields.map((f) => (
                <FieldView
                  field={f}
                  path={[...path, i, f.key]}
                  ctx={ctx}
                  htmlRequired={required && i < field.min}
                />
              ))}
            </fieldset>
          ))}
        </fieldset>
      )
  }
}
