import type { RolovergangContext } from './rolovergang.context.ts'
import type { RolovergangEventType } from './rolovergang.events.ts'
import type { EventRule, InstanceParties } from './types.ts'

const hr: EventRule = { action: 'rolovergang.event' }

/**
 * Who may send each event of a rolovergang: HR of the organisation where the new role is handles
 * it; the teacher, who owns their development, may withdraw (seed 003).
 */
export const rolovergangRules = {
  'behandeling.starten': hr,
  'toegang.orientatie-starten': hr,
  'toegang.toelaten': hr,
  'toegang.afwijzen': hr,
  'ondersteuning.afspreken': hr,
  'ondersteuning.afronden': hr,
  'facilitering.afspreken': hr,
  'erkenning.afspreken': hr,
  'erkenning.verlenen': hr,
  'rol.starten': hr,
  'overgang.afronden': hr,
  'overgang.intrekken': { action: 'rolovergang.intrekken' },
} as const satisfies Record<RolovergangEventType, EventRule>

const transition = (context: Record<string, unknown>) =>
  context as unknown as Pick<RolovergangContext, 'personId' | 'organisationId'>

/**
 * A transition concerns its teacher. HR of the organisation where the new role is handles it;
 * HR of the teacher's own organisations may read it (mobility, seed 004).
 */
export function rolovergangParties(context: Record<string, unknown>): InstanceParties {
  const { personId, organisationId } = transition(context)
  return { people: [personId], coordinators: [], handledBy: [organisationId] }
}
