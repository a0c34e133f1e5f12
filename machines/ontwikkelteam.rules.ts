import type { OntwikkelteamContext } from './ontwikkelteam.context.ts'
import type { OntwikkelteamEventType } from './ontwikkelteam.events.ts'
import type { EventRule, InstanceParties } from './types.ts'

const event: EventRule = { action: 'ontwikkelteam.event' }
/** The organisation named in the payload speaks: only its representatives (or its HR). */
const namens: EventRule = { action: 'ontwikkelteam.event', namens: 'organisationId' }

/**
 * Who may send each event of an ontwikkelteam. Ambition, interest, endorsement and akkoord are an
 * organisation's own (seed 002: "recht doen aan ieders belangen"); the rest is the team's work.
 */
export const ontwikkelteamRules = {
  'lid.toevoegen': {
    action: 'ontwikkelteam.lid',
    affiliated: { person: 'personId', organisation: 'organisationId' },
  },
  'lid.verwijderen': { action: 'ontwikkelteam.lid' },
  'ambitie.vastleggen': namens,
  'belang.vastleggen': namens,
  'relatie.vastleggen': event,
  'gedeelde-ambitie.formuleren': event,
  'gedeelde-ambitie.onderschrijven': namens,
  'oplossing.vastleggen': event,
  'ontwerp.vastleggen': event,
  'ontwerp.akkoord': namens,
  'activiteit.vastleggen': event,
  'evaluatie.vastleggen': event,
  'resultaat.delen': event,
  'fase.volgende': event,
  'fase.terug': event,
  'cyclus.vernieuwen': event,
  'cyclus.afronden': event,
  pauzeren: event,
  hervatten: event,
  stoppen: event,
} as const satisfies Record<OntwikkelteamEventType, EventRule>

type Context = Pick<OntwikkelteamContext, 'members' | 'organisations'>
const team = (context: Record<string, unknown>) => context as unknown as Context

/** A team concerns its members; its coordinators manage who is in it; HR of every party handles it. */
export function ontwikkelteamParties(context: Record<string, unknown>): InstanceParties {
  const { members } = team(context)
  return {
    people: members.map((m) => m.personId),
    coordinators: members.filter((m) => m.role === 'coordinator').map((m) => m.personId),
    handledBy: null,
  }
}

/** The organisations a member represents in the team. */
export function ontwikkelteamRepresentedBy(
  context: Record<string, unknown>,
  personId: string,
): string[] {
  return team(context)
    .members.filter((m) => m.personId === personId)
    .map((m) => m.organisationId)
}

export function ontwikkelteamOrganisationName(
  context: Record<string, unknown>,
  organisationId: string,
): string {
  return team(context).organisations.find((o) => o.id === organisationId)?.name ?? organisationId
}
