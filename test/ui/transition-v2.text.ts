import { RolovergangV2Context } from '../../machines/rolovergang.v2.context.ts'
import { rolovergangV2 } from '../../machines/rolovergang.v2.machine.ts'
import {
  budgetSources,
  levels,
  outcomes,
  recognitionWhats,
  roleEndings,
  supportFormsV2,
} from '../../machines/rolovergang.v2.vocabulary.ts'
import { accessMethods, careerPaths, domains } from '../../machines/vocabulary.ts'
import { fieldsOf } from '../../src/ui/forms/fields.ts'
import type { Field } from '../../src/ui/forms/fields.ts'
import { decodeEntities } from '../support/html-forms.ts'

/**
 * A page's text without markup (a block ends a word, inline markup does not), leaving out the
 * diagram: it draws the definition itself, states and event names as the machine has them.
 */
export function plain(html: string): string {
  return decodeEntities(
    html
      .replace(/<section aria-labelledby="diagram-titel">[\s\S]*?<\/section>/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<\/?(?:dl|dt|dd|p|div|li|ul|ol|h\d|td|th|tr|section|legend|option)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim()
}

function keysOf(fields: Field[]): string[] {
  return fields.flatMap((f) => [
    f.key,
    ...(f.kind === 'group' || f.kind === 'rows' ? keysOf(f.fields) : []),
  ])
}

const ids = [
  ...Object.entries(rolovergangV2.events).flatMap(([type, e]) => [
    type,
    ...keysOf(fieldsOf(e.payload)),
  ]),
  ...Object.keys(RolovergangV2Context.shape),
  ...[...levels, ...supportFormsV2, ...recognitionWhats, ...budgetSources, ...outcomes],
  ...[...roleEndings, ...accessMethods, ...domains, ...careerPaths],
]

/**
 * Words a person should never read: event types, keys and vocabulary ids that no Dutch sentence
 * has (a dot, a hyphen, camelCase, an English key), and values that leaked as they are. A single
 * lower-case id such as `startend` or `school` is a Dutch word too, so the tests check its label.
 */
const FORBIDDEN = new Set([
  ...ids.filter((id) => /[-.]|[a-z][A-Z]/.test(id)),
  ...['note', 'level', 'form', 'forms', 'what', 'method', 'ending', 'outcome', 'recognitions'],
  ...['description', 'undefined', 'null', 'NaN', 'true', 'false'],
])

/**
 * The ids, keys and raw values in a page's text: every forbidden word that stands on its own
 * (not as part of a longer word), or the shape of an id (`pers_01h…`).
 */
export function idsAndKeysIn(text: string): string[] {
  // Split on spaces and punctuation, but keep dots and hyphens inside a word (`rol.starten`).
  const words = new Set(
    text
      .split(/[\s,;:()?!‘’'"—–]+/)
      .map((w) => w.replace(/\.$/, ''))
      .filter(Boolean),
  )
  const found = [...words].filter((w) => FORBIDDEN.has(w))
  const idShaped = text.match(/\b[a-z]+_[0-9a-z]{20,}\b/g) ?? []
  const objects = text.includes('[object') ? ['[object Object]'] : []
  return [...found, ...idShaped, ...objects]
}
