import { DEFAULT_DOCUMENT_MAX_BYTES, sizeLabel } from '../../engine/documents/document-upload.ts'
import type { InstanceView } from '../../engine/instance-view.ts'
import type { Who } from '../env.ts'
import type { KnownChoices } from '../forms/fields.ts'
import { fieldsOf } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { SchemaForm } from '../forms/schema-form.tsx'
import { eventTitle, fieldLabel } from '../labels.ts'
import { newSecret } from '../session/csrf.ts'
import type { Choice } from '../views/choices.ts'

const DANGER = new Set(['stoppen', 'toegang.afwijzen', 'overgang.intrekken', 'lid.verwijderen'])

export const formIdOf = (type: string) => `form-${type.replace(/[^a-z0-9]/gi, '-')}`

export interface EventFormProps {
  who: Who
  view: InstanceView
  /** `/teams` or `/transitions`: the form posts to `${base}/${id}/events`. */
  base: string
  choice: Choice
  known: KnownChoices
  state?: FormState | undefined
  /**
   * Payload fields the form leaves out because they cannot apply now (a reason to skip an
   * orientation that has begun); they stay optional in the schema, which still decides.
   */
  omit?: readonly string[] | undefined
  /** Most bytes of a document, for the upload field's hint (default 10 MiB). */
  documentMaxBytes?: number | undefined
}

/** What the file input offers to choose; the server decides by the content, not by this. */
const ACCEPT = [
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.odg',
].join(',')

/** The file field of an event that takes a document; after a failed POST it must be chosen again. */
function DocumentField(props: { formId: string; state?: FormState | undefined; maxBytes: number }) {
  const id = `${props.formId}-document`
  const error = props.state?.errors['document']
  const hintId = `${id}-hint`
  const describedBy = [hintId, error ? `${id}-fout` : ''].filter(Boolean).join(' ')
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        Document (pdf, Word, Excel, PowerPoint of OpenDocument, ten hoogste{' '}
        {sizeLabel(props.maxBytes)})
      </label>
      <p class="hint" id={hintId}>
        Niet verplicht.
        {props.state ? ' Kies het bestand opnieuw: de browser onthoudt het niet na een fout.' : ''}
      </p>
      {error && (
        <p class="field-error" id={`${id}-fout`}>
          <span class="visually-hidden">Fout: </span>
          {error}
        </p>
      )}
      <input
        type="file"
        id={id}
        name="document"
        accept={ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  )
}

/** The form for one event, built from its payload schema, with a reason where one may be asked. */
export function EventForm(props: EventFormProps) {
  const { who, view, base, choice, known, state, omit } = props
  const { type, definition } = choice
  const formId = formIdOf(type)
  const reasonError = state?.errors['reason']
  const reasonId = `${formId}-reason`
  // A reason always asked for, or one asked only in some cases (then optional, with its hint).
  const hint = definition.reasonRequired ? undefined : definition.reasonWhen
  const reason =
    definition.reasonRequired || hint ? (
      <div class={`field${reasonError ? ' has-error' : ''}`}>
        <label for={reasonId}>{hint ? 'Reden (als dat nodig is)' : 'Reden'}</label>
        {hint && (
          <p class="hint" id={`${reasonId}-uitleg`}>
            {hint}
          </p>
        )}
        {reasonError && (
          <p class="field-error" id={`${reasonId}-fout`}>
            <span class="visually-hidden">Fout: </span>
            {reasonError}
          </p>
        )}
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          required={definition.reasonRequired}
          maxlength={2000}
          aria-invalid={reasonError ? 'true' : undefined}
          aria-describedby={
            [reasonError ? `${reasonId}-fout` : '', hint ? `${reasonId}-uitleg` : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
        >
          {typeof state?.values['reason'] === 'string' ? state.values['reason'] : ''}
        </textarea>
      </div>
    ) : null
  const upload = definition.attachment === true
  const document = upload ? (
    <DocumentField
      formId={formId}
      state={state}
      maxBytes={props.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES}
    />
  ) : null
  const intro =
    !choice.possible && !state ? (
      <p class="not-yet">Dit kan nu nog niet. Hierboven staat waarom; u kunt het toch proberen.</p>
    ) : null
  return (
    <section
      class={`card event-card${choice.possible ? '' : ' blocked'}`}
      aria-labelledby={`${formId}-titel`}
    >
      <h3 id={`${formId}-titel`}>{eventTitle(type)}</h3>
      <p class="hint">{definition.label}</p>
      <SchemaForm
        id={formId}
        action={`${base}/${view.id}/events`}
        who={who}
        fields={fieldsOf(definition.payload, known).filter(
          (f) => !omit?.includes(f.key) && !(upload && f.key === 'document'),
        )}
        labelOf={(key) => fieldLabel(type, key, view.machine.version)}
        state={state}
        submit={eventTitle(type)}
        hidden={{ type, version: String(view.version), key: newSecret() }}
        extra={
          <>
            {document}
            {reason}
          </>
        }
        upload={upload}
        intro={intro}
        danger={DANGER.has(type)}
      />
    </section>
  )
}
