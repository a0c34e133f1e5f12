import { stringField } from './fields.ts'
import { alle, opsomming } from './guards.ts'
import type { OntwikkelteamContext as Context } from './ontwikkelteam.context.ts'
import type { GuardCheck } from './types.ts'
import { evaluationLevels, partners } from './vocabulary.ts'

// The named guards of an ontwikkelteam. Each returns the Dutch reasons it fails (empty = passes);
// the machine's XState guards are derived from these, so the explanation is the guard.

type Check = GuardCheck<Context>

function naam(context: Context, organisationId: string): string {
  return context.organisations.find((o) => o.id === organisationId)?.name ?? organisationId
}

/** Names of the participating organisations for which `done` does not hold. */
function ontbrekend(context: Context, done: (organisationId: string) => boolean): string[] {
  return context.organisationIds.filter((o) => !done(o)).map((o) => naam(context, o))
}

const inDezeCyclus = <T extends { cycle: number }>(context: Context, records: T[]): T[] =>
  records.filter((r) => r.cycle === context.cycle)

const nietGepauzeerdCheck: Check = (context) =>
  context.pauze === null
    ? []
    : [`Het team is gepauzeerd (reden: ${context.pauze.reason}); hervat eerst.`]

const heeftLeden: Check = (context) =>
  context.members.length > 0 ? [] : ['Het team heeft nog geen leden.']

/** The payload's organisation takes part (only checked when a payload is given). */
const organisatieInPayloadNeemtDeel: Check = (context, payload) => {
  const org = stringField(payload, 'organisationId')
  if (org === undefined || context.organisationIds.includes(org)) return []
  return [`De organisatie ‘${org}’ neemt niet deel aan dit ontwikkelteam.`]
}

const persoonNietInTeam: Check = (context, payload) => {
  const person = stringField(payload, 'personId')
  if (person === undefined || !context.members.some((m) => m.personId === person)) return []
  return [`Persoon ‘${person}’ is al lid van het team.`]
}

const persoonInTeam: Check = (context, payload) => {
  const person = stringField(payload, 'personId')
  if (person === undefined || context.members.some((m) => m.personId === person)) return []
  return [`Persoon ‘${person}’ is geen lid van het team.`]
}

const gedeeldeAmbitieBestaat: Check = (context) =>
  context.gedeeldeAmbitie === null ? ['Er is nog geen gedeelde ambitie geformuleerd.'] : []

const nogNietOnderschreven: Check = (context, payload) => {
  const ambitie = context.gedeeldeAmbitie
  if (ambitie === null) return []
  const open = ontbrekend(context, (o) => ambitie.onderschrevenDoor.includes(o))
  if (open.length === 0)
    return ['Alle deelnemende organisaties hebben de gedeelde ambitie al onderschreven.']
  const org = stringField(payload, 'organisationId')
  if (org === undefined || !ambitie.onderschrevenDoor.includes(org)) return []
  return [`${naam(context, org)} heeft de gedeelde ambitie al onderschreven.`]
}

const ontwerpBestaat: Check = (context) =>
  context.ontwerp === null ? ['Er is nog geen ontwerp vastgelegd.'] : []

const nogGeenAkkoord: Check = (context, payload) => {
  const ontwerp = context.ontwerp
  if (ontwerp === null) return []
  const open = ontbrekend(context, (o) => ontwerp.akkoorden.includes(o))
  if (open.length === 0)
    return ['Alle deelnemende organisaties hebben al akkoord gegeven op het ontwerp.']
  const org = stringField(payload, 'organisationId')
  if (org === undefined || !ontwerp.akkoorden.includes(org)) return []
  return [`${naam(context, org)} heeft al akkoord gegeven op het ontwerp.`]
}

const ambitiesEnBelangenCompleet: Check = (context) => {
  const reasons: string[] = []
  const ambities = inDezeCyclus(context, context.ambities)
  const zonderAmbitie = ontbrekend(context, (o) => ambities.some((a) => a.organisationId === o))
  if (zonderAmbitie.length > 0) {
    reasons.push(
      `Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: ${opsomming(zonderAmbitie)}.`,
    )
  }
  const belangen = inDezeCyclus(context, context.belangen)
  const zonderBelang = ontbrekend(context, (o) => belangen.some((b) => b.organisationId === o))
  if (zonderBelang.length > 0) {
    reasons.push(
      `Nog niet alle deelnemende organisaties hebben een belang vastgelegd: ${opsomming(zonderBelang)}.`,
    )
  }
  return reasons
}

const gedeeldeAmbitieOnderschreven: Check = (context) => {
  const ambitie = context.gedeeldeAmbitie
  if (ambitie === null) return ['Er is nog geen gedeelde ambitie geformuleerd.']
  const open = ontbrekend(context, (o) => ambitie.onderschrevenDoor.includes(o))
  if (open.length === 0) return []
  return [
    `Nog niet alle deelnemende organisaties hebben de gedeelde ambitie onderschreven: ${opsomming(open)}.`,
  ]
}

const oplossingMetExpertise: Check = (context) => {
  const oplossingen = inDezeCyclus(context, context.oplossingen)
  if (oplossingen.length === 0) return ['Er is nog geen oplossing vastgelegd.']
  if (oplossingen.some((o) => o.expertise.length > 0)) return []
  return ['Er is nog geen oplossing met een expertisebron vastgelegd.']
}

const ontwerpGoedgekeurd: Check = (context) => {
  const ontwerp = context.ontwerp
  if (ontwerp === null) return ['Er is nog geen ontwerp vastgelegd.']
  const open = ontbrekend(context, (o) => ontwerp.akkoorden.includes(o))
  if (open.length === 0) return []
  return [
    `Nog niet alle deelnemende organisaties hebben akkoord gegeven op het ontwerp: ${opsomming(open)}.`,
  ]
}

const activiteitUitgevoerd: Check = (context) =>
  inDezeCyclus(context, context.activiteiten).length > 0
    ? []
    : ['Er is nog geen activiteit vastgelegd.']

const alleNiveausGeevalueerd: Check = (context) => {
  const done = new Set(inDezeCyclus(context, context.evaluaties).map((e) => e.level))
  const open = evaluationLevels.filter((l) => !done.has(l))
  return open.length === 0 ? [] : [`Nog niet alle niveaus zijn geëvalueerd: ${opsomming(open)}.`]
}

const metAllePartnersGedeeld: Check = (context) => {
  const done = new Set(inDezeCyclus(context, context.resultaten).map((r) => r.partner))
  const open = partners.filter((p) => !done.has(p))
  return open.length === 0 ? [] : [`De resultaten zijn nog niet gedeeld met: ${opsomming(open)}.`]
}

const gepauzeerdCheck: Check = (context) =>
  context.pauze === null ? ['Het team is niet gepauzeerd.'] : []

/** Guard name → check. The names are the ones the machine refers to. */
export const ontwikkelteamGuards = {
  nietGepauzeerd: nietGepauzeerdCheck,
  gepauzeerd: gepauzeerdCheck,
  persoonNogGeenLid: alle(nietGepauzeerdCheck, organisatieInPayloadNeemtDeel, persoonNietInTeam),
  persoonIsLid: alle(nietGepauzeerdCheck, heeftLeden, persoonInTeam),
  organisatieNeemtDeel: alle(nietGepauzeerdCheck, organisatieInPayloadNeemtDeel),
  gedeeldeAmbitieOnderschrijfbaar: alle(
    nietGepauzeerdCheck,
    gedeeldeAmbitieBestaat,
    nogNietOnderschreven,
    organisatieInPayloadNeemtDeel,
  ),
  ontwerpAkkoordMogelijk: alle(
    nietGepauzeerdCheck,
    ontwerpBestaat,
    nogGeenAkkoord,
    organisatieInPayloadNeemtDeel,
  ),
  verkenningCompleet: alle(nietGepauzeerdCheck, heeftLeden, ambitiesEnBelangenCompleet),
  gedeeldeAmbitieOnderschreven: alle(nietGepauzeerdCheck, gedeeldeAmbitieOnderschreven),
  oplossingenOvereengekomen: alle(nietGepauzeerdCheck, oplossingMetExpertise),
  ontwerpGoedgekeurd: alle(nietGepauzeerdCheck, ontwerpGoedgekeurd),
  activiteitUitgevoerd: alle(nietGepauzeerdCheck, activiteitUitgevoerd),
  evaluatieCompleet: alle(nietGepauzeerdCheck, alleNiveausGeevalueerd),
  resultatenGedeeld: alle(nietGepauzeerdCheck, metAllePartnersGedeeld),
} satisfies Record<string, Check>

export type OntwikkelteamGuard = keyof typeof ontwikkelteamGuards
