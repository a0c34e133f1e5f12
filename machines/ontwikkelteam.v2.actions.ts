import { eventDay } from './fields.ts'
import {
  ActiviteitVastleggen,
  LidToevoegen,
  LidVerwijderen,
  Organisatie,
  OrganisatieTekst,
  Tekst,
} from './ontwikkelteam.events.ts'
import { huidigeFase } from './ontwikkelteam.v2.checks.ts'
import type { OntwikkelteamV2Context as Context } from './ontwikkelteam.v2.context.ts'
import {
  CyclusVernieuwen,
  Deelnemer,
  DeelnemerInschrijven,
  EvaluatieVastleggenV2,
  OntwerpVastleggenV2,
  OplossingVastleggenV2,
  PlaatsenVaststellen,
  RaadplegingVastleggen,
  ResultaatDelenV2,
  UitgaveBoeken,
} from './ontwikkelteam.v2.events.ts'
import type { ConsultationSubject, EnrolmentStatus } from './ontwikkelteam.v2.vocabulary.ts'
import type { MachineEvent } from './types.ts'
import { type Phase, phases } from './vocabulary.ts'

// What each event of an ontwikkelteam of version 2 records, as pure context updates. Payloads
// are parsed again so the context only holds validated, trimmed values.

type Update = (context: Context, event: MachineEvent) => Partial<Context>

const reden = (event: MachineEvent): string => event.reason?.trim() ?? ''

/** The phase periods after moving to `to` on the event's day (the open period closes). */
function fasenNaar(
  context: Context,
  to: Phase,
  day: string,
  cycle = context.cycle,
): Context['fasen'] {
  const closed = context.fasen.map((f) => (f.to === null ? { ...f, to: day } : f))
  return [...closed, { phase: to, cycle, from: day, to: null }]
}

export function naarFase(context: Context, event: MachineEvent, to: Phase): Partial<Context> {
  return { fasen: fasenNaar(context, to, eventDay(event)) }
}

export function legTerugstapVast(
  context: Context,
  event: MachineEvent,
  step: { from: Phase; to: Phase },
): Partial<Context> {
  const terugstap = { ...step, reason: reden(event), cycle: context.cycle, at: event.at }
  return {
    terugstappen: [...context.terugstappen, terugstap],
    fasen: fasenNaar(context, step.to, eventDay(event)),
  }
}

export const voegLidToe: Update = (context, event) => {
  const p = LidToevoegen.parse(event.payload)
  return { members: [...context.members, { ...p, since: event.at }] }
}

export const verwijderLid: Update = (context, event) => {
  const { personId } = LidVerwijderen.parse(event.payload)
  return { members: context.members.filter((m) => m.personId !== personId) }
}

export const schrijfIn: Update = (context, event) => {
  const p = DeelnemerInschrijven.parse(event.payload)
  const deelnemer = {
    ...p,
    status: 'ingeschreven' as const,
    cycle: context.cycle,
    since: event.at,
    reason: null,
    until: null,
  }
  return { deelnemers: [...context.deelnemers, deelnemer] }
}

function zetDeelnemer(status: EnrolmentStatus, withReason: boolean): Update {
  return (context, event) => {
    const { personId } = Deelnemer.parse(event.payload)
    return {
      deelnemers: context.deelnemers.map((d) =>
        d.personId === personId && d.cycle === context.cycle && d.status === 'ingeschreven'
          ? { ...d, status, until: event.at, reason: withReason ? reden(event) : null }
          : d,
      ),
    }
  }
}

export const trekTerug = zetDeelnemer('teruggetrokken', true)
export const rondDeelnemerAf = zetDeelnemer('afgerond', false)

export const stelPlaatsenVast: Update = (_context, event) => ({
  places: PlaatsenVaststellen.parse(event.payload).places,
})

export const boekUitgave: Update = (context, event) => {
  const p = UitgaveBoeken.parse(event.payload)
  const uitgave = {
    ...p,
    overspendReason: event.reason?.trim() || null,
    cycle: context.cycle,
    at: event.at,
  }
  return { uitgaven: [...context.uitgaven, uitgave] }
}

export const legAmbitieVast: Update = (context, event) => {
  const p = OrganisatieTekst.parse(event.payload)
  return { ambities: [...context.ambities, { ...p, cycle: context.cycle, at: event.at }] }
}

export const legBelangVast: Update = (context, event) => {
  const p = OrganisatieTekst.parse(event.payload)
  return { belangen: [...context.belangen, { ...p, cycle: context.cycle, at: event.at }] }
}

export const legRelatieVast: Update = (context, event) => {
  const { text } = Tekst.parse(event.payload)
  return { relaties: [...context.relaties, { text, cycle: context.cycle, at: event.at }] }
}

/** Consultations on an earlier text of `subject` no longer count for the current one. */
function vervallen(context: Context, subject: ConsultationSubject): Context['raadplegingen'] {
  return context.raadplegingen.map((r) => (r.subject === subject ? { ...r, current: false } : r))
}

/** A new formulation replaces the old one: endorsements and consultations on it lapse. */
export const formuleerGedeeldeAmbitie: Update = (context, event) => {
  const { text } = Tekst.parse(event.payload)
  return {
    gedeeldeAmbitie: { text, onderschrevenDoor: [], cycle: context.cycle, at: event.at },
    raadplegingen: vervallen(context, 'gedeelde-ambitie'),
  }
}

export const legRaadplegingVast: Update = (context, event) => {
  const p = RaadplegingVastleggen.parse(event.payload)
  // A later consultation of the same organisation on the same text replaces the earlier one.
  const earlier = context.raadplegingen.map((r) =>
    r.subject === p.subject && r.organisationId === p.organisationId ? { ...r, current: false } : r,
  )
  return {
    raadplegingen: [...earlier, { ...p, current: true, cycle: context.cycle, at: event.at }],
  }
}

export const onderschrijfGedeeldeAmbitie: Update = (context, event) => {
  const { organisationId } = Organisatie.parse(event.payload)
  const ambitie = context.gedeeldeAmbitie
  if (ambitie === null) return {}
  return {
    gedeeldeAmbitie: {
      ...ambitie,
      onderschrevenDoor: [...ambitie.onderschrevenDoor, organisationId],
    },
  }
}

export const legOplossingVast: Update = (context, event) => {
  const p = OplossingVastleggenV2.parse(event.payload)
  const expertise = p.expertise.map((e) => ({
    organisationId: e.organisationId ?? null,
    external: e.external ?? false,
    description: e.description,
  }))
  return {
    oplossingen: [
      ...context.oplossingen,
      { text: p.text, expertise, cycle: context.cycle, at: event.at },
    ],
  }
}

/** A new design replaces the old one: akkoorden and consultations on it lapse. */
export const legOntwerpVast: Update = (context, event) => {
  const p = OntwerpVastleggenV2.parse(event.payload)
  return {
    ontwerp: {
      text: p.text,
      collaboration: p.collaboration,
      quality: p.quality,
      akkoorden: [],
      document: p.document ?? null,
      cycle: context.cycle,
      at: event.at,
    },
    raadplegingen: vervallen(context, 'ontwerp'),
  }
}

export const geefAkkoordOpOntwerp: Update = (context, event) => {
  const { organisationId } = Organisatie.parse(event.payload)
  const ontwerp = context.ontwerp
  if (ontwerp === null) return {}
  return { ontwerp: { ...ontwerp, akkoorden: [...ontwerp.akkoorden, organisationId] } }
}

export const legActiviteitVast: Update = (context, event) => {
  const p = ActiviteitVastleggen.parse(event.payload)
  return { activiteiten: [...context.activiteiten, { ...p, cycle: context.cycle, at: event.at }] }
}

export const legEvaluatieVast: Update = (context, event) => {
  const p = EvaluatieVastleggenV2.parse(event.payload)
  const evaluatie = {
    level: p.level,
    judgement: p.judgement,
    scores: p.scores ?? null,
    aims: p.aims?.map((a) => ({ aim: a.aim, outcome: a.outcome, note: a.note ?? null })) ?? null,
    evaluatorIds: p.evaluatorIds,
    leraarInAmsterdamPersonId: p.leraarInAmsterdamPersonId,
    document: p.document ?? null,
    cycle: context.cycle,
    at: event.at,
  }
  return { evaluaties: [...context.evaluaties, evaluatie] }
}

export const deelResultaat: Update = (context, event) => {
  const p = ResultaatDelenV2.parse(event.payload)
  const resultaat = {
    partner: p.partner,
    text: p.text,
    document: p.document ?? null,
    cycle: context.cycle,
    at: event.at,
  }
  return { resultaten: [...context.resultaten, resultaat] }
}

export const pauzeer: Update = (_context, event) => ({
  pauze: { reason: reden(event), at: event.at },
})

export const hervat: Update = () => ({ pauze: null })

/** Stopping keeps the phase it stopped in, so that beheer can reopen the team there. */
export const stop: Update = (context, event) => {
  const day = eventDay(event)
  return {
    gestopt: { reason: reden(event), at: event.at, phase: huidigeFase(context).phase },
    pauze: null,
    fasen: context.fasen.map((f) => (f.to === null ? { ...f, to: day } : f)),
  }
}

export const heropen: Update = (context, event) => {
  const gestopt = context.gestopt
  if (gestopt === null) return {}
  const phase = gestopt.phase
  return {
    gestopt: null,
    heropeningen: [...context.heropeningen, { reason: reden(event), at: event.at, phase }],
    fasen: [...context.fasen, { phase, cycle: context.cycle, from: eventDay(event), to: null }],
  }
}

export const rondAf: Update = (context, event) => {
  const day = eventDay(event)
  return {
    afgerondAt: event.at,
    fasen: context.fasen.map((f) => (f.to === null ? { ...f, to: day } : f)),
  }
}

/**
 * Close the cycle and begin the next: partners may join (they start at verkennen with their
 * ambitie and belang) or leave (their members leave the team); a team that starts later keeps
 * the gedeelde ambitie and, past vormgeven, the design it goes on with.
 */
export const vernieuwCyclus: Update = (context, event) => {
  const p = CyclusVernieuwen.parse(event.payload)
  const cycle = context.cycle + 1
  const start = phases.indexOf(p.startPhase)
  const remove = new Set(p.removeOrganisationIds)
  const organisations = [
    ...context.organisations.filter((o) => !remove.has(o.id)),
    ...p.addOrganisations,
  ]
  const keep = <T extends { cycle: number }>(record: T | null, after: Phase): T | null =>
    record !== null && start > phases.indexOf(after) ? { ...record, cycle } : null
  return {
    vorigeCycli: [
      ...context.vorigeCycli,
      {
        cycle: context.cycle,
        gedeeldeAmbitie: context.gedeeldeAmbitie,
        ontwerp: context.ontwerp,
        organisationIds: context.organisationIds,
        places: context.places,
        vernieuwdAt: event.at,
        added: p.addOrganisations.map((o) => o.id),
        removed: p.removeOrganisationIds,
        startPhase: p.startPhase,
        startReason: event.reason?.trim() || null,
      },
    ],
    cycle,
    organisations,
    organisationIds: organisations.map((o) => o.id),
    members: context.members.filter((m) => !remove.has(m.organisationId)),
    gedeeldeAmbitie: keep(context.gedeeldeAmbitie, 'delen'),
    ontwerp: keep(context.ontwerp, 'vormgeven'),
    fasen: fasenNaar(context, p.startPhase, eventDay(event), cycle),
  }
}
