import type { OntwikkelteamV2EventType } from './ontwikkelteam.v2.events.ts'
import type { EventRule } from './types.ts'

const event: EventRule = { action: 'ontwikkelteam.event' }
/** The organisation named in the payload speaks: only its representatives (or its HR). */
const namens: EventRule = { action: 'ontwikkelteam.event', namens: 'organisationId' }
/** In a leiderorganisatie the lead decides (seed 002 §3.3.3: werving, financiën, inhoud). */
const lead: EventRule = { action: 'ontwikkelteam.event', lead: true }
/** An organisation's own say in a netwerk; the lead's in a leiderorganisatie. */
const namensOfLead: EventRule = { ...namens, lead: true }

/**
 * Who may send each event of an ontwikkelteam of version 2. Ambition and interest stay each
 * organisation's own; endorsement and akkoord too in a zelfregulerend netwerk, but in a
 * leiderorganisatie they are the lead's, as are participants, places, expenses and the record of
 * consulting the others.
 */
export const ontwikkelteamV2Rules = {
  'lid.toevoegen': {
    action: 'ontwikkelteam.lid',
    affiliated: { person: 'personId', organisation: 'organisationId' },
  },
  'lid.verwijderen': { action: 'ontwikkelteam.lid' },
  'deelnemer.inschrijven': {
    ...lead,
    affiliated: { person: 'personId', organisation: 'organisationId' },
  },
  'deelnemer.terugtrekken': lead,
  'deelnemer.afronden': lead,
  'plaatsen.vaststellen': lead,
  'uitgave.boeken': lead,
  'ambitie.vastleggen': namens,
  'belang.vastleggen': namens,
  'relatie.vastleggen': event,
  'gedeelde-ambitie.formuleren': event,
  'raadpleging.vastleggen': lead,
  'gedeelde-ambitie.onderschrijven': namensOfLead,
  'oplossing.vastleggen': event,
  'ontwerp.vastleggen': event,
  'ontwerp.akkoord': namensOfLead,
  'activiteit.vastleggen': event,
  'evaluatie.vastleggen': { ...event, people: ['leraarInAmsterdamPersonId'] },
  'resultaat.delen': event,
  'fase.volgende': event,
  'fase.terug': event,
  'cyclus.vernieuwen': { ...event, organisations: 'addOrganisations' },
  'cyclus.afronden': event,
  pauzeren: event,
  hervatten: event,
  stoppen: event,
  heropenen: { action: 'ontwikkelteam.heropenen' },
} as const satisfies Record<OntwikkelteamV2EventType, EventRule>
