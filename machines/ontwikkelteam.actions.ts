import type { OntwikkelteamContext as Context } from './ontwikkelteam.context.ts'
import {
  ActiviteitVastleggen,
  EvaluatieVastleggen,
  LidToevoegen,
  LidVerwijderen,
  OntwerpVastleggen,
  OplossingVastleggen,
  Organisatie,
  OrganisatieTekst,
  ResultaatDelen,
  Tekst,
} from './ontwikkelteam.events.ts'
import type { MachineEvent } from './types.ts'
import type { Phase } from './vocabulary.ts'

// What each event records, as pure context updates. Payloads are parsed again here so the
// context only ever holds validated, trimmed values (parsing a parsed payload changes nothing).

type Update = (context: Context, event: MachineEvent) => Partial<Context>

const reden = (event: MachineEvent): string => event.reason?.trim() ?? ''

export const voegLidToe: Update = (context, event) => {
  const p = LidToevoegen.parse(event.payload)
  return { members: [...context.members, { ...p, since: event.at }] }
}

export const verwijderLid: Update = (context, event) => {
  const { personId } = LidVerwijderen.parse(event.payload)
  return { members: context.members.filter((m) => m.personId !== personId) }
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

/** A new formulation replaces the old one, so earlier endorsements lapse. */
export const formuleerGedeeldeAmbitie: Update = (context, event) => {
  const { text } = Tekst.parse(event.payload)
  return { gedeeldeAmbitie: { text, onderschrevenDoor: [], cycle: context.cycle, at: event.at } }
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
  const p = OplossingVastleggen.parse(event.payload)
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

/** A new design replaces the old one, so earlier akkoorden lapse. */
export const legOntwerpVast: Update = (context, event) => {
  const p = OntwerpVastleggen.parse(event.payload)
  return { ontwerp: { ...p, akkoorden: [], cycle: context.cycle, at: event.at } }
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
  const p = EvaluatieVastleggen.parse(event.payload)
  const evaluatie = {
    level: p.level,
    judgement: p.judgement,
    scores: p.scores ?? null,
    cycle: context.cycle,
    at: event.at,
  }
  return { evaluaties: [...context.evaluaties, evaluatie] }
}

export const deelResultaat: Update = (context, event) => {
  const p = ResultaatDelen.parse(event.payload)
  return { resultaten: [...context.resultaten, { ...p, cycle: context.cycle, at: event.at }] }
}

export function legTerugstapVast(
  context: Context,
  event: MachineEvent,
  step: { from: Phase; to: Phase },
): Partial<Context> {
  const terugstap = { ...step, reason: reden(event), cycle: context.cycle, at: event.at }
  return { terugstappen: [...context.terugstappen, terugstap] }
}

export const pauzeer: Update = (_context, event) => ({
  pauze: { reason: reden(event), at: event.at },
})

export const hervat: Update = () => ({ pauze: null })

export const stop: Update = (_context, event) => ({
  gestopt: { reason: reden(event), at: event.at },
})

export const rondAf: Update = (_context, event) => ({ afgerondAt: event.at })

/** Close the cycle: keep its gedeelde ambitie and ontwerp, start over at verkennen. */
export const vernieuwCyclus: Update = (context, event) => ({
  vorigeCycli: [
    ...context.vorigeCycli,
    {
      cycle: context.cycle,
      gedeeldeAmbitie: context.gedeeldeAmbitie,
      ontwerp: context.ontwerp,
      vernieuwdAt: event.at,
    },
  ],
  cycle: context.cycle + 1,
  gedeeldeAmbitie: null,
  ontwerp: null,
})
