import type { EventView } from '../../engine/read-instances.ts'
import { ROLE_LABELS, valueLabel } from '../labels.ts'

interface Member {
  personId: string
  role: string
}

/**
 * Who did it, in Dutch: "Ilse Vermeulen, coördinator, namens Opleidingsschool Noord-West". The
 * function is the person's role in the team when they are in it, else the token's role. An erased
 * person shows as "persoon gewist"; an event from before people were named, or from a service
 * token, by its role alone.
 */
export function actorLabel(actor: EventView['actor'], context?: Record<string, unknown>): string {
  const members = (Array.isArray(context?.['members']) ? context['members'] : []) as Member[]
  const teamRole = members.find((m) => m.personId === actor.personId)?.role
  const role = teamRole ? valueLabel(teamRole) : (ROLE_LABELS[actor.role] ?? actor.role)
  const who = actor.erased ? 'persoon gewist' : actor.name
  const namens = actor.organisationName ? `, namens ${actor.organisationName}` : ''
  if (!who) return `${role}${namens}`
  return `${who}, ${role.toLowerCase()}${namens}`
}
