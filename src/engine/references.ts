import type { Db } from '../../db/database.ts'
import { isAffiliated } from '../../db/queries/affiliations.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPerson } from '../../db/queries/people.ts'
import type { EventRule, MachineDefinition, MachineEvent } from '../../machines/types.ts'
import { blocked } from '../errors.ts'

/**
 * What a payload names that only the database knows: the machine declares it (EventRule:
 * `affiliated`, `people`, `organisations`), the engine checks it here, in the event's
 * transaction. Every reason found is given at once, in Dutch, as a 422 (`blocked`).
 */
export async function checkReferences(
  db: Db,
  def: MachineDefinition,
  event: MachineEvent,
): Promise<void> {
  const rule = Object.hasOwn(def.rules, event.type) ? def.rules[event.type] : undefined
  if (!rule) return
  const reasons = [
    ...(await peopleReasons(db, rule, event.payload)),
    ...(await affiliationReasons(db, rule, event.payload)),
    ...(await organisationReasons(db, rule, event.payload)),
  ]
  if (reasons.length > 0) throw blocked(event.type, reasons)
}

/** Each person a payload field names must exist and not be erased. */
async function peopleReasons(
  db: Db,
  rule: EventRule,
  payload: Record<string, unknown>,
): Promise<string[]> {
  const reasons: string[] = []
  for (const field of rule.people ?? []) {
    const personId = payload[field]
    if (typeof personId !== 'string') continue
    const person = await getPerson(db, personId)
    if (!person || person.erased_at) {
      reasons.push(
        `Persoon ‘${personId}’ bestaat niet of is gewist; kies een persoon die in doorlopend bekend is, of maak de persoon eerst aan.`,
      )
    }
  }
  return reasons
}

/** A person named for an organisation must work there (a member represents where they work). */
async function affiliationReasons(
  db: Db,
  rule: EventRule,
  payload: Record<string, unknown>,
): Promise<string[]> {
  if (!rule.affiliated) return []
  const personId = payload[rule.affiliated.person]
  const organisationId = payload[rule.affiliated.organisation]
  if (typeof personId !== 'string' || typeof organisationId !== 'string') return []
  const person = await getPerson(db, personId)
  if (!person || person.erased_at) {
    return [`Persoon ‘${personId}’ bestaat niet; maak de persoon eerst aan.`]
  }
  if (await isAffiliated(db, personId, organisationId)) return []
  const [organisation] = await getOrganisations(db, [organisationId])
  return [
    `Deze persoon is niet werkzaam bij ${organisation?.name ?? organisationId}: een lid vertegenwoordigt alleen een organisatie waar het werkt. Leg eerst vast dat de persoon daar werkt, of kies de organisatie waar de persoon werkt.`,
  ]
}

/** Organisations a payload adds ({id, name}) must exist, under the name doorlopend knows. */
async function organisationReasons(
  db: Db,
  rule: EventRule,
  payload: Record<string, unknown>,
): Promise<string[]> {
  if (!rule.organisations) return []
  const list = payload[rule.organisations]
  if (!Array.isArray(list)) return []
  const given = list.filter(
    (o): o is { id: string; name: string } =>
      typeof o === 'object' &&
      o !== null &&
      typeof (o as { id?: unknown }).id === 'string' &&
      typeof (o as { name?: unknown }).name === 'string',
  )
  if (given.length === 0) return []
  const found = new Map(
    (await getOrganisations(db, [...new Set(given.map((o) => o.id))])).map((o) => [o.id, o]),
  )
  const reasons: string[] = []
  for (const o of given) {
    const known = found.get(o.id)
    if (!known) {
      reasons.push(
        `Organisatie ‘${o.name}’ (${o.id}) bestaat niet in doorlopend; maak haar eerst aan bij Beheer → Organisaties en gebruik dan haar id.`,
      )
    } else if (known.name !== o.name.trim()) {
      reasons.push(
        `Organisatie ${o.id} heet in doorlopend ‘${known.name}’, niet ‘${o.name}’; geef haar naam zoals die daar staat.`,
      )
    }
  }
  return reasons
}
