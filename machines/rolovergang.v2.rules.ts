import type { RolovergangV2EventType } from './rolovergang.v2.events.ts'
import type { EventRule } from './types.ts'

export { rolovergangParties as rolovergangV2Parties } from './rolovergang.rules.ts'

const hr: EventRule = { action: 'rolovergang.event' }
/** The teacher's own word: their motives and leervraag, their agreement to an afspraak. */
const leraar: EventRule = { action: 'rolovergang.leraar' }

/**
 * Who may send each event of version 2: HR of the organisation where the new role is handles it;
 * the teacher, who owns their development, records their own input, agrees to each afspraak, and
 * may withdraw. Who a transition concerns is as in version 1.
 */
export const rolovergangV2Rules = {
  'behandeling.starten': hr,
  'inbreng.vastleggen': leraar,
  'startniveau.vastleggen': hr,
  'toegang.orientatie-starten': hr,
  'toegang.toelaten': hr,
  'toegang.afwijzen': hr,
  'ondersteuning.afspreken': hr,
  'ondersteuning.instemmen': leraar,
  'ondersteuning.afronden': hr,
  'facilitering.afspreken': hr,
  'facilitering.instemmen': leraar,
  'erkenning.afspreken': hr,
  'erkenning.instemmen': leraar,
  'erkenning.verlenen': hr,
  'rol.starten': hr,
  'niveau.vastleggen': hr,
  'rol.beeindigen': hr,
  'overgang.afronden': hr,
  'overgang.intrekken': { action: 'rolovergang.intrekken' },
} as const satisfies Record<RolovergangV2EventType, EventRule>
