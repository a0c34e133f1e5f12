import type { Context } from 'hono'
import { eventDefinition, getMachine } from '../../../machines/index.ts'
import type { Principal } from '../../access/principal.ts'
import { inspectDocument } from '../../engine/documents/document-upload.ts'
import type { Attachment } from '../../engine/documents/document-upload.ts'
import { DEFAULT_DOCUMENT_MAX_BYTES } from '../../engine/documents/document-upload.ts'
import { sha256Hex } from '../../engine/hash.ts'
import { postEvent } from '../../engine/post-event.ts'
import { readInstance } from '../../engine/read-instances.ts'
import type { CallerInstanceView } from '../../engine/read-instances.ts'
import { ProblemError, notFound } from '../../errors.ts'
import type { FieldError } from '../../errors.ts'
import type { UiDeps } from '../env.ts'
import { decodePayload, formValues, one } from '../forms/decode.ts'
import type { KnownChoices } from '../forms/fields.ts'
import { fieldsOf } from '../forms/fields.ts'
import type { FormState } from '../forms/schema-form.tsx'
import { dutchErrors, placeErrors } from '../forms/schema-form.tsx'
import { eventTitle } from '../labels.ts'
import { readForm } from '../forms/read-form.ts'

/** A form that failed, to render again in place: which event, and what came back. */
export interface FailedForm {
  type: string
  state: FormState
  status: 400 | 409 | 412 | 413 | 415 | 422
}

export type SubmitOutcome = { ok: true; type: string } | { ok: false; failed: FailedForm }

/** The file of a form's `document` field; a field left empty (no name, no bytes) is none. */
function chosenFile(value: unknown): File | undefined {
  const file = Array.isArray(value) ? (value as unknown[]).find((v) => v instanceof File) : value
  if (!(file instanceof File)) return undefined
  return file.size === 0 && file.name === '' ? undefined : file
}

/**
 * Sends an event from a form through the same postEvent as the API, with the document the form
 * uploaded, if any. An unknown event, bad input, a refused document, a blocked step, a stale
 * version come back as a failed form with Dutch messages; not found and forbidden throw (they
 * become error pages).
 */
export async function submitEvent(
  deps: UiDeps,
  c: Context,
  principal: Principal,
  instanceId: string,
  machineId: string,
  known: (view: CallerInstanceView, type: string) => Promise<KnownChoices>,
): Promise<SubmitOutcome> {
  const form = await readForm(c)
  const values = formValues(form)
  const view = await readInstance(deps.store, principal, instanceId)
  if (view.machine.id !== machineId) throw notFound('Proces', instanceId)
  const def = getMachine(machineId, view.machine.version)
  const type = one(values, 'type')
  // `type` is the client's: only the machine's own events count, never an object's prototype keys.
  const definition = def ? eventDefinition(def, type) : undefined
  if (!definition) {
    const problem = `Onbekende gebeurtenis ‘${type}’.`
    return { ok: false, failed: { type, status: 400, state: { values, errors: {}, problem } } }
  }
  // The document is the file field's: its reference is never typed into the form.
  const fields = fieldsOf(definition.payload, await known(view, type)).filter(
    (f) => !(definition.attachment && f.key === 'document'),
  )
  const file = chosenFile(form['document'])
  let attachment: Attachment | undefined
  try {
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : undefined
    const max = deps.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES
    attachment = bytes ? inspectDocument(bytes, max) : undefined
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error
    const status = error.status === 413 || error.status === 415 ? error.status : 400
    return {
      ok: false,
      failed: {
        type,
        status,
        state: { values, errors: { document: error.detail }, problem: 'Controleer het document.' },
      },
    }
  }
  const decoded = decodePayload(fields, values)
  const reason = one(values, 'reason')
  const version = Number(one(values, 'version'))
  const key = one(values, 'key')
  const request = { type, payload: decoded.payload, reason: reason || undefined }
  try {
    const sent = ['ui', instanceId, request, ...(attachment ? [attachment.ref.sha256] : [])]
    await postEvent(deps.store, principal, instanceId, request, {
      ifMatch: Number.isInteger(version) && one(values, 'version') !== '' ? version : undefined,
      idempotency: key
        ? { key: `ui:${key}`, fingerprint: sha256Hex(JSON.stringify(sent)) }
        : undefined,
      attachment,
    })
    return { ok: true, type }
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error
    const failed = (status: FailedForm['status'], state: Partial<FormState>): SubmitOutcome => ({
      ok: false,
      failed: { type, status, state: { values, errors: {}, ...state } },
    })
    if (error.status === 400) {
      const dutch = dutchErrors(definition.payload, decoded.payload, decoded.nameOf)
      const fromService = ((error.extra['errors'] as FieldError[] | undefined) ?? []).map((e) => ({
        ...e,
        path: decoded.nameOf(e.path),
      }))
      const errors = dutch.length > 0 ? dutch : fromService
      if (definition.reasonRequired && !reason.trim() && !errors.some((e) => e.path === 'reason')) {
        errors.push({ path: 'reason', message: 'Geef een reden op.' })
      }
      const placed = placeErrors(fields, errors, ['reason', 'document'])
      return failed(400, {
        errors: placed.byName,
        problem:
          placed.general.length > 0
            ? placed.general.join(' ')
            : 'Controleer wat hieronder is ingevuld.',
      })
    }
    if (error.status === 422) {
      const blocked = error.extra['blocked'] as { reasons?: string[] } | undefined
      return failed(422, {
        problem: `${eventTitle(type)} kan nu niet:`,
        reasons: blocked?.reasons ?? [error.detail],
      })
    }
    if (error.status === 412) {
      return failed(412, {
        problem:
          'Iemand anders heeft intussen iets vastgelegd. Hieronder staat de nieuwe stand; controleer het formulier en verstuur het opnieuw.',
      })
    }
    if (error.status === 409) return failed(409, { problem: error.detail })
    throw error
  }
}
