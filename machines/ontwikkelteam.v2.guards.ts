import { stringField } from './fields.ts'
import { alle } from './guards.ts'
import {
  type Check,
  bezettePlaatsen,
  euro,
  gepauzeerd,
  heeftLeden,
  huidigeFase,
  inDezeCyclus,
  inschrijvingVan,
  lijst,
  naam,
  nietGepauzeerd,
  ontbrekend,
  organisatieNeemtDeel,
  persoonInTeam,
  persoonNietInTeam,
} from './ontwikkelteam.v2.checks.ts'
import type { OntwikkelteamV2Context as Context } from './ontwikkelteam.v2.context.ts'
import { governanceGuards } from './ontwikkelteam.v2.governance.ts'
import { plannedBudgetCents } from './ontwikkelteam.v2.vocabulary.ts'
import { type Phase, evaluationLevels, partners, phases } from './vocabulary.ts'

// The named guards of an ontwikkelteam of version 2; the machine's XState guards are derived
// from these, so the explanation is the guard. Governance (who endorses and agrees) is in
// ontwikkelteam.v2.governance.ts.

/** The balance of this cycle: the planned budget minus what is booked, in cents. */
export function saldoCents(context: Context): number {
  const booked = inDezeCyclus(context, context.uitgaven).reduce((sum, u) => sum + u.amountCents, 0)
  return plannedBudgetCents(context.places) - booked
}

const plaatsVrij: Check = (context) => {
  const taken = bezettePlaatsen(context).length
  if (taken < context.places) return []
  return [
    `Alle ${String(context.places)} plaatsen zijn bezet; stel eerst meer plaatsen vast of laat iemand zich terugtrekken.`,
  ]
}

const nogNietIngeschreven: Check = (context, payload) =>
  inschrijvingVan(context, payload) === undefined
    ? []
    : ['Deze persoon is in deze cyclus al ingeschreven.']

const ingeschreven: Check = (context, payload) => {
  if (payload === undefined) {
    return bezettePlaatsen(context).some((d) => d.status === 'ingeschreven')
      ? []
      : ['Er is in deze cyclus nog niemand ingeschreven.']
  }
  const found = inschrijvingVan(context, payload)
  if (found?.status === 'ingeschreven') return []
  if (found?.status === 'afgerond') return ['Deze deelnemer heeft het traject al afgerond.']
  return ['Deze persoon is in deze cyclus niet ingeschreven.']
}

const plaatsenPassen: Check = (context, payload) => {
  const places = payload?.['places']
  if (typeof places !== 'number') return []
  const taken = bezettePlaatsen(context).length
  if (places >= taken) return []
  return [
    `Er zijn al ${String(taken)} deelnemers ingeschreven; er kunnen niet minder plaatsen zijn dan dat.`,
  ]
}

/** Not in the future, and not before the phase began (dates as the event takes effect). */
function binnenFase(wat: string): Check {
  return (context, payload, event) => {
    const date = stringField(payload, 'date')
    if (date === undefined || event === undefined) return []
    if (date > event.day) return [`De datum van ${wat} (${date}) ligt in de toekomst.`]
    const { phase, from } = huidigeFase(context)
    if (date < from) {
      return [`De datum van ${wat} (${date}) ligt vóór het begin van de fase ${phase} (${from}).`]
    }
    return []
  }
}

const nietInDeToekomst: Check = (_context, payload, event) => {
  const date = stringField(payload, 'date')
  if (date === undefined || event === undefined || date <= event.day) return []
  return [`De datum van de uitgave (${date}) ligt in de toekomst.`]
}

/** A booking that takes the balance below zero needs a reason. */
const saldoToereikend: Check = (context, payload, event) => {
  const amount = payload?.['amountCents']
  if (typeof amount !== 'number' || event === undefined) return []
  const after = saldoCents(context) - amount
  if (after >= 0 || event.reason !== null) return []
  return [
    `Deze uitgave brengt het saldo op ${euro(after)} (begroot ${euro(plannedBudgetCents(context.places))}); geef een reden om haar toch te boeken.`,
  ]
}

const activiteitUitgevoerd: Check = (context) =>
  inDezeCyclus(context, context.activiteiten).length > 0
    ? []
    : ['Er is nog geen activiteit vastgelegd.']

const evaluatorenInTeam: Check = (context, payload) => {
  const ids = payload?.['evaluatorIds']
  if (!Array.isArray(ids)) return []
  const outside = ids.filter((p) => !context.members.some((m) => m.personId === p))
  return outside.length === 0
    ? []
    : [
        `Wie evalueerde namens het team is lid van het team: ${lijst(outside.map(String))} is het niet.`,
      ]
}

const alleNiveausGeevalueerd: Check = (context) => {
  const done = new Set(inDezeCyclus(context, context.evaluaties).map((e) => e.level))
  const open = evaluationLevels.filter((l) => !done.has(l))
  return open.length === 0 ? [] : [`Nog niet alle niveaus zijn geëvalueerd: ${lijst(open)}.`]
}

const metAllePartnersGedeeld: Check = (context) => {
  const done = new Set(inDezeCyclus(context, context.resultaten).map((r) => r.partner))
  const open = partners.filter((p) => !done.has(p))
  return open.length === 0 ? [] : [`De resultaten zijn nog niet gedeeld met: ${lijst(open)}.`]
}

const ambitiesEnBelangenCompleet: Check = (context) => {
  const reasons: string[] = []
  const ambities = inDezeCyclus(context, context.ambities)
  const zonderAmbitie = ontbrekend(context, (o) => ambities.some((a) => a.organisationId === o))
  if (zonderAmbitie.length > 0) {
    reasons.push(
      `Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: ${lijst(zonderAmbitie)}.`,
    )
  }
  const belangen = inDezeCyclus(context, context.belangen)
  const zonderBelang = ontbrekend(context, (o) => belangen.some((b) => b.organisationId === o))
  if (zonderBelang.length > 0) {
    reasons.push(
      `Nog niet alle deelnemende organisaties hebben een belang vastgelegd: ${lijst(zonderBelang)}.`,
    )
  }
  return reasons
}

const oplossingMetExpertise: Check = (context) => {
  const oplossingen = inDezeCyclus(context, context.oplossingen)
  if (oplossingen.length === 0) return ['Er is nog geen oplossing vastgelegd.']
  if (oplossingen.some((o) => o.expertise.length > 0)) return []
  return ['Er is nog geen oplossing met een expertisebron vastgelegd.']
}

/** A renewal's partners: who joins must be new, who leaves must take part, the lead stays. */
const vernieuwingKlopt: Check = (context, payload, event) => {
  if (payload === undefined) return []
  const add = (payload['addOrganisations'] ?? []) as { id: string }[]
  const remove = (payload['removeOrganisationIds'] ?? []) as string[]
  const start = (payload['startPhase'] ?? 'verkennen') as string
  const reasons: string[] = []
  const known = add.filter((o) => context.organisationIds.includes(o.id))
  if (known.length) {
    reasons.push(`Neemt al deel: ${lijst(known.map((o) => naam(context, o.id)))}.`)
  }
  const unknown = remove.filter((id) => !context.organisationIds.includes(id))
  if (unknown.length) reasons.push(`Neemt niet deel en kan dus niet vertrekken: ${lijst(unknown)}.`)
  if (context.leadOrganisationId !== null && remove.includes(context.leadOrganisationId)) {
    reasons.push(
      `${naam(context, context.leadOrganisationId)} leidt de pilot en kan niet vertrekken.`,
    )
  }
  const left = context.organisationIds.filter((id) => !remove.includes(id)).length + add.length
  if (left < 2) reasons.push('Een ontwikkelteam houdt ten minste twee organisaties.')
  if (start !== 'verkennen') {
    if (add.length > 0) {
      reasons.push(
        'Nieuwe partners leggen hun ambitie en belang vast in verkennen: begin de nieuwe cyclus bij verkennen.',
      )
    }
    if (event !== undefined && event.reason === null) {
      reasons.push(`Zeg waarom de nieuwe cyclus bij ${start} begint en niet bij verkennen (reden).`)
    }
    if (!(startPhases as readonly string[]).includes(start)) {
      reasons.push('Een nieuwe cyclus begint uiterlijk bij uitvoeren.')
    }
  }
  return reasons
}

const vernieuwingMogelijk = alle(nietGepauzeerd, metAllePartnersGedeeld, vernieuwingKlopt)

/** Renewal starting in `phase`: one transition per phase a new cycle may start in. */
const vernieuwenNaar =
  (phase: Phase): Check =>
  (context, payload, event) => {
    const reasons = vernieuwingMogelijk(context, payload, event)
    if (reasons.length > 0 || payload === undefined) return reasons
    const start = payload['startPhase'] ?? 'verkennen'
    return start === phase ? [] : [`De nieuwe cyclus begint niet bij ${phase}.`]
  }

const gestoptIn =
  (phase: Phase): Check =>
  (context) =>
    context.gestopt?.phase === phase ? [] : [`Het team stopte niet in de fase ${phase}.`]

/** The phases a new cycle may start in: verkennen up to uitvoeren. */
export const startPhases = ['verkennen', 'delen', 'overeenkomen', 'vormgeven', 'uitvoeren'] as const

/** One guard per phase, named `${prefix}${phase}`. */
function perFase<P extends string, F extends string>(
  prefix: P,
  list: readonly F[],
  make: (phase: F) => Check,
): Record<`${P}${F}`, Check> {
  return Object.fromEntries(list.map((f) => [`${prefix}${f}`, make(f)])) as Record<
    `${P}${F}`,
    Check
  >
}

/** Guard name → check. The names are the ones the machine refers to. */
export const ontwikkelteamV2Guards = {
  nietGepauzeerd,
  gepauzeerd,
  persoonNogGeenLid: alle(nietGepauzeerd, organisatieNeemtDeel, persoonNietInTeam),
  persoonIsLid: alle(nietGepauzeerd, heeftLeden, persoonInTeam),
  organisatieNeemtDeel: alle(nietGepauzeerd, organisatieNeemtDeel),
  inschrijvingMogelijk: alle(nietGepauzeerd, organisatieNeemtDeel, plaatsVrij, nogNietIngeschreven),
  deelnemerIngeschreven: alle(nietGepauzeerd, ingeschreven),
  plaatsenMogelijk: alle(nietGepauzeerd, plaatsenPassen),
  uitgaveMogelijk: alle(nietGepauzeerd, nietInDeToekomst, saldoToereikend),
  activiteitMogelijk: alle(nietGepauzeerd, binnenFase('de activiteit')),
  evaluatieMogelijk: alle(nietGepauzeerd, heeftLeden, evaluatorenInTeam),
  verkenningCompleet: alle(nietGepauzeerd, heeftLeden, ambitiesEnBelangenCompleet),
  oplossingenOvereengekomen: alle(nietGepauzeerd, oplossingMetExpertise),
  activiteitUitgevoerd: alle(nietGepauzeerd, activiteitUitgevoerd),
  evaluatieCompleet: alle(nietGepauzeerd, alleNiveausGeevalueerd),
  resultatenGedeeld: alle(nietGepauzeerd, metAllePartnersGedeeld),
  ...governanceGuards,
  ...perFase('vernieuwenNaar_', startPhases, vernieuwenNaar),
  ...perFase('gestoptIn_', phases, gestoptIn),
} satisfies Record<string, Check>
