/** Reads `<form>`s from simple server-rendered HTML, the way a browser would submit them. */

export interface HtmlForm {
  method: 'GET' | 'POST'
  /** Absolute URL, resolved against the page's URL. */
  action: string
  /** Successful controls in document order, as [name, value]. */
  fields: Array<[string, string]>
}

// A tag's attributes, with `>` allowed inside quoted values.
const ATTRIBUTES = String.raw`((?:[^>"']|"[^"]*"|'[^']*')*)`
const FORM = new RegExp(String.raw`<form\b${ATTRIBUTES}>([\s\S]*?)<\/form\s*>`, 'gi')
const CONTROL = new RegExp(
  String.raw`<(input|button|textarea|select)\b${ATTRIBUTES}>(?:([\s\S]*?)<\/\1\s*>)?`,
  'gi',
)
const OPTION = new RegExp(String.raw`<option\b${ATTRIBUTES}>([^<]*)`, 'gi')
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the character references that appear in attribute values and text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return String.fromCodePoint(code)
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>()
  for (const [, name = '', double, single, bare] of source.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase()
    if (!attributes.has(key)) attributes.set(key, decodeEntities(double ?? single ?? bare ?? ''))
  }
  return attributes
}

function selectedOption(content: string): string | undefined {
  const options = [...content.matchAll(OPTION)].map(([, attrs = '', text = '']) => {
    const attributes = parseAttributes(attrs)
    const value = attributes.get('value') ?? decodeEntities(text).trim()
    return { value, selected: attributes.has('selected') }
  })
  return (options.find((o) => o.selected) ?? options[0])?.value
}

const NOT_SUBMITTED = new Set(['reset', 'file', 'button'])

function controlsOf(body: string): Array<[string, string]> {
  const fields: Array<[string, string]> = []
  let submitterSeen = false
  for (const [, tag = '', attrs = '', content = ''] of body.matchAll(CONTROL)) {
    const attributes = parseAttributes(attrs)
    const name = attributes.get('name')
    const kind = tag.toLowerCase()
    const type = (attributes.get('type') ?? (kind === 'button' ? 'submit' : 'text')).toLowerCase()
    if (attributes.has('disabled')) continue
    if (type === 'submit' || type === 'image') {
      // Only the first submit button counts, as when it is clicked or Enter is pressed.
      if (!submitterSeen && name) fields.push([name, attributes.get('value') ?? ''])
      submitterSeen = true
      continue
    }
    if (!name || NOT_SUBMITTED.has(type)) continue
    if ((type === 'checkbox' || type === 'radio') && !attributes.has('checked')) continue
    if (kind === 'textarea') fields.push([name, decodeEntities(content)])
    else if (kind === 'select') {
      const value = selectedOption(content)
      if (value !== undefined) fields.push([name, value])
    } else fields.push([name, attributes.get('value') ?? (type === 'checkbox' ? 'on' : '')])
  }
  return fields
}

/** Every `<form>` in `html`, with its action resolved against `baseUrl`. */
export function parseForms(html: string, baseUrl: string): HtmlForm[] {
  return [...html.matchAll(FORM)].map(([, attrs = '', body = '']) => {
    const attributes = parseAttributes(attrs)
    const method = attributes.get('method')?.toUpperCase() === 'POST' ? 'POST' : 'GET'
    const action = new URL(attributes.get('action') || baseUrl, baseUrl).href
    return { method, action, fields: controlsOf(body) }
  })
}

/** Replaces fields by name where they stand in the form, and adds the ones it lacks. */
export function withOverrides(
  fields: Array<[string, string]>,
  overrides: Record<string, string>,
): Array<[string, string]> {
  const result: Array<[string, string]> = []
  const placed = new Set<string>()
  for (const [name, value] of fields) {
    const override = Object.hasOwn(overrides, name) ? overrides[name] : undefined
    if (override === undefined) result.push([name, value])
    else if (!placed.has(name)) {
      result.push([name, override])
      placed.add(name)
    }
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (!placed.has(name)) result.push([name, value])
  }
  return result
}
