/** Names the page could resolve for ids (organisations, people). */
export interface Names {
  organisations: ReadonlyMap<string, string>
  people: ReadonlyMap<string, string>
}

export const noNames: Names = { organisations: new Map(), people: new Map() }

export function organisationName(names: Names, id: string): string {
  return names.organisations.get(id) ?? id
}

/**
 * An organisation's name where the page names the place of a rolovergang: one outside the
 * caller's organisations (a teacher moving to another bestuur) is said to be so, not shown by id.
 */
export function placeName(names: Names, id: string): string {
  return names.organisations.get(id) ?? 'Een organisatie buiten uw eigen organisaties'
}

/**
 * A person's name, or (when the caller's role may not read it) a short mark from the id, enough
 * to tell people apart without showing personal data.
 */
export function personName(names: Names, id: string): string {
  return names.people.get(id) ?? `persoon …${id.slice(-5)} (naam afgeschermd)`
}

/** Every string under these keys, anywhere in a value (to resolve names before rendering). */
export function idsUnder(
  value: unknown,
  keys: readonly string[],
  out = new Set<string>(),
): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsUnder(item, keys, out)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (keys.includes(key) && typeof inner === 'string') out.add(inner)
      else idsUnder(inner, keys, out)
    }
  }
  return out
}

/** How an instance is named in lists: a team by its title, a rolovergang by role and teacher. */
export function instanceTitle(
  view: { machine: { id: string }; title: string; context: Record<string, unknown> },
  names: Names,
): string {
  if (view.machine.id !== 'rolovergang') return view.title
  const person = typeof view.context['personId'] === 'string' ? view.context['personId'] : ''
  return `Rolovergang naar ${view.title} — ${personName(names, person)}`
}
