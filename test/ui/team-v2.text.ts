import { ontwikkelteamV2 } from '../../machines/ontwikkelteam.v2.machine.ts'
import {
  aimOutcomes,
  consultationSubjects,
  denktankAims,
  organisationForms,
} from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import { fieldsOf } from '../../src/ui/forms/fields.ts'
import type { Field } from '../../src/ui/forms/fields.ts'
import { parseForms, withOverrides } from '../support/html-forms.ts'
import { plain } from './transition-v2.text.ts'

// Reading a team page as a test: the words nobody should see, and its forms as a browser sends them.

function keysOf(fields: Field[]): string[] {
  return fields.flatMap((f) => [
    f.key,
    ...(f.kind === 'group' || f.kind === 'rows' ? keysOf(f.fields) : []),
  ])
}

/** Words nobody should read: event types, payload keys, vocabulary ids with a hyphen or capital. */
const FORBIDDEN = new Set(
  [
    ...Object.entries(ontwikkelteamV2.events).flatMap(([type, e]) => [
      type,
      ...keysOf(fieldsOf(e.payload)),
    ]),
    ...denktankAims,
    ...aimOutcomes,
    ...consultationSubjects,
    ...organisationForms,
  ].filter((w) => /[-.]|[a-z][A-Z]/.test(w)),
)
for (const w of ['coordinator', 'member', 'admin', 'undefined', 'null', 'NaN', '[object']) {
  FORBIDDEN.add(w)
}

/** The event types, keys and ids in a page's text (none should be there). */
export function idsAndKeysIn(text: string): string[] {
  const words = text
    .split(/[\s,;:()?!‘’'"—–]+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter(Boolean)
  return [
    ...new Set([
      ...words.filter((w) => FORBIDDEN.has(w)),
      ...(text.match(/\b[a-z]+_[0-9a-z]{20,}\b/g) ?? []),
    ]),
  ]
}

/** The form of `type` on a page, as a browser would submit it, with `overrides`. */
export function formOf(html: string, type: string, overrides: Record<string, string> = {}) {
  const form = parseForms(html, 'http://localhost/').find((f) =>
    f.fields.some(([name, value]) => name === 'type' && value === type),
  )
  if (!form) throw new Error(`no form for ${type}`)
  const fields: Record<string, string[]> = {}
  for (const [name, value] of withOverrides(form.fields, overrides)) {
    if (name !== '_csrf') fields[name] = [...(fields[name] ?? []), value]
  }
  return { path: new URL(form.action).pathname, fields }
}

/** The HTML of the form of `type` on a page. */
export function formHtml(html: string, type: string): string {
  const forms = html.match(/<form\b[\s\S]*?<\/form>/g) ?? []
  const found = forms.find((f) => f.includes(`name="type" value="${type}"`))
  if (!found) throw new Error(`no form for ${type}`)
  return found
}

/** The options of a select in the form of `type`, by label. */
export function optionsOf(page: string, type: string, name: string): Map<string, string> {
  const html = formHtml(page, type)
  const select = new RegExp(
    `<select[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>([\\s\\S]*?)</select>`,
  )
  const body = select.exec(html)?.[1] ?? ''
  const found = new Map<string, string>()
  for (const [, value = '', label = ''] of body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)/g)) {
    if (value) found.set(plain(label), value)
  }
  return found
}
