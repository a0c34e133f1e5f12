import { assign, setup } from 'xstate'
import { eventDay } from './fields.ts'
import { registry, toXStateGuards } from './guards.ts'
import * as a from './ontwikkelteam.v2.actions.ts'
import {
  OntwikkelteamV2Context,
  OntwikkelteamV2Input,
  initialContextV2,
  type OntwikkelteamV2Context as Context,
} from './ontwikkelteam.v2.context.ts'
import { ontwikkelteamV2Events } from './ontwikkelteam.v2.events.ts'
import type { OntwikkelteamV2EventType } from './ontwikkelteam.v2.events.ts'
import { ontwikkelteamV2Guards, startPhases } from './ontwikkelteam.v2.guards.ts'
import { ontwikkelteamV2Rules } from './ontwikkelteam.v2.rules.ts'
import {
  ontwikkelteamOrganisationName,
  ontwikkelteamParties,
  ontwikkelteamRepresentedBy,
} from './ontwikkelteam.rules.ts'
import type { InstanceStatus, MachineDefinition, MachineEvent, StoredSnapshot } from './types.ts'
import { type Phase, phases } from './vocabulary.ts'

type Input = OntwikkelteamV2Input & { at: string; effectiveDate?: string | null }

/**
 * Version 2 of the ontwikkelteam: the seven phases as in version 1, with governance per
 * organisation form, participants and places, a budget, evaluation with who evaluated, renewal
 * with other partners or from a later phase, and a stop that beheer can undo.
 */
export const ontwikkelteamV2Machine = setup({
  types: { context: {} as Context, events: {} as MachineEvent, input: {} as Input },
  guards: toXStateGuards(ontwikkelteamV2Guards),
  actions: {
    naarFase: assign(({ context, event }, params: { to: Phase }) =>
      a.naarFase(context, event, params.to),
    ),
    legTerugstapVast: assign(({ context, event }, step: { from: Phase; to: Phase }) =>
      a.legTerugstapVast(context, event, step),
    ),
    voegLidToe: assign(({ context, event }) => a.voegLidToe(context, event)),
    verwijderLid: assign(({ context, event }) => a.verwijderLid(context, event)),
    schrijfIn: assign(({ context, event }) => a.schrijfIn(context, event)),
    trekTerug: assign(({ context, event }) => a.trekTerug(context, event)),
    rondDeelnemerAf: assign(({ context, event }) => a.rondDeelnemerAf(context, event)),
    stelPlaatsenVast: assign(({ context, event }) => a.stelPlaatsenVast(context, event)),
    boekUitgave: assign(({ context, event }) => a.boekUitgave(context, event)),
    legAmbitieVast: assign(({ context, event }) => a.legAmbitieVast(context, event)),
    legBelangVast: assign(({ context, event }) => a.legBelangVast(context, event)),
    legRelatieVast: assign(({ context, event }) => a.legRelatieVast(context, event)),
    formuleerGedeeldeAmbitie: assign(({ context, event }) =>
      a.formuleerGedeeldeAmbitie(context, event),
    ),
    legRaadplegingVast: assign(({ context, event }) => a.legRaadplegingVast(context, event)),
    onderschrijfGedeeldeAmbitie: assign(({ context, event }) =>
      a.onderschrijfGedeeldeAmbitie(context, event),
    ),
    legOplossingVast: assign(({ context, event }) => a.legOplossingVast(context, event)),
    legOntwerpVast: assign(({ context, event }) => a.legOntwerpVast(context, event)),
    geefAkkoordOpOntwerp: assign(({ context, event }) => a.geefAkkoordOpOntwerp(context, event)),
    legActiviteitVast: assign(({ context, event }) => a.legActiviteitVast(context, event)),
    legEvaluatieVast: assign(({ context, event }) => a.legEvaluatieVast(context, event)),
    deelResultaat: assign(({ context, event }) => a.deelResultaat(context, event)),
    pauzeer: assign(({ context, event }) => a.pauzeer(context, event)),
    hervat: assign(({ context, event }) => a.hervat(context, event)),
    stop: assign(({ context, event }) => a.stop(context, event)),
    heropen: assign(({ context, event }) => a.heropen(context, event)),
    rondAf: assign(({ context, event }) => a.rondAf(context, event)),
    vernieuwCyclus: assign(({ context, event }) => a.vernieuwCyclus(context, event)),
  },
}).createMachine({
  id: 'ontwikkelteam',
  context: ({ input }) => initialContextV2(input, input.at, eventDay(input)),
  initial: 'verkennen',
  // Every open phase handles the team-wide events too (`...open`); afgerond handles none.
  states: {
    verkennen: {
      on: {
        ...open(),
        'ambitie.vastleggen': { guard: 'organisatieNeemtDeel', actions: 'legAmbitieVast' },
        'belang.vastleggen': { guard: 'organisatieNeemtDeel', actions: 'legBelangVast' },
        'relatie.vastleggen': { guard: 'nietGepauzeerd', actions: 'legRelatieVast' },
        'fase.volgende': volgende('delen', 'verkenningCompleet'),
      },
    },
    delen: {
      on: {
        ...open(),
        'gedeelde-ambitie.formuleren': {
          guard: 'nietGepauzeerd',
          actions: 'formuleerGedeeldeAmbitie',
        },
        'raadpleging.vastleggen': {
          guard: 'raadplegingAmbitieMogelijk',
          actions: 'legRaadplegingVast',
        },
        'gedeelde-ambitie.onderschrijven': {
          guard: 'gedeeldeAmbitieOnderschrijfbaar',
          actions: 'onderschrijfGedeeldeAmbitie',
        },
        'fase.volgende': volgende('overeenkomen', 'gedeeldeAmbitieOnderschreven'),
        'fase.terug': terug('delen', 'verkennen'),
      },
    },
    overeenkomen: {
      on: {
        ...open(),
        'oplossing.vastleggen': { guard: 'nietGepauzeerd', actions: 'legOplossingVast' },
        'fase.volgende': volgende('vormgeven', 'oplossingenOvereengekomen'),
        'fase.terug': terug('overeenkomen', 'delen'),
      },
    },
    vormgeven: {
      on: {
        ...open(),
        'ontwerp.vastleggen': { guard: 'nietGepauzeerd', actions: 'legOntwerpVast' },
        'raadpleging.vastleggen': {
          guard: 'raadplegingOntwerpMogelijk',
          actions: 'legRaadplegingVast',
        },
        'ontwerp.akkoord': { guard: 'ontwerpAkkoordMogelijk', actions: 'geefAkkoordOpOntwerp' },
        'fase.volgende': volgende('uitvoeren', 'ontwerpGoedgekeurd'),
        'fase.terug': terug('vormgeven', 'overeenkomen'),
      },
    },
    uitvoeren: {
      on: {
        ...open(),
        ...afronden(),
        'activiteit.vastleggen': { guard: 'activiteitMogelijk', actions: 'legActiviteitVast' },
        'fase.volgende': volgende('evalueren', 'activiteitUitgevoerd'),
        'fase.terug': terug('uitvoeren', 'vormgeven'),
      },
    },
    evalueren: {
      on: {
        ...open(),
        ...afronden(),
        'evaluatie.vastleggen': { guard: 'evaluatieMogelijk', actions: 'legEvaluatieVast' },
        'fase.volgende': volgende('dissemineren', 'evaluatieCompleet'),
        'fase.terug': terug('evalueren', 'uitvoeren'),
      },
    },
    dissemineren: {
      on: {
        ...open(),
        ...afronden(),
        'resultaat.delen': { guard: 'nietGepauzeerd', actions: 'deelResultaat' },
        'fase.terug': terug('dissemineren', 'evalueren'),
        'cyclus.vernieuwen': startPhases.map((to) => ({
          target: to,
          guard: `vernieuwenNaar_${to}` as const,
          actions: 'vernieuwCyclus',
        })),
        'cyclus.afronden': { target: 'afgerond', guard: 'resultatenGedeeld', actions: 'rondAf' },
      },
    },
    afgerond: { type: 'final' },
    // Not final: beheer may reopen a team stopped by mistake, in the phase it stopped in.
    gestopt: {
      on: {
        heropenen: phases.map((to) => ({
          target: to,
          guard: `gestoptIn_${to}` as const,
          actions: 'heropen',
        })),
      },
    },
  },
})

/** The events every open phase handles. */
function open() {
  return {
    'lid.toevoegen': { guard: 'persoonNogGeenLid', actions: 'voegLidToe' },
    'lid.verwijderen': { guard: 'persoonIsLid', actions: 'verwijderLid' },
    'deelnemer.inschrijven': { guard: 'inschrijvingMogelijk', actions: 'schrijfIn' },
    'deelnemer.terugtrekken': { guard: 'deelnemerIngeschreven', actions: 'trekTerug' },
    'plaatsen.vaststellen': { guard: 'plaatsenMogelijk', actions: 'stelPlaatsenVast' },
    'uitgave.boeken': { guard: 'uitgaveMogelijk', actions: 'boekUitgave' },
    pauzeren: { guard: 'nietGepauzeerd', actions: 'pauzeer' },
    hervatten: { guard: 'gepauzeerd', actions: 'hervat' },
    // Stopping is possible while paused: it is one of the two ways out of a pause.
    stoppen: { target: '#ontwikkelteam.gestopt', actions: 'stop' },
  } as const
}

/** Completing a participant's traject: from uitvoeren on. */
function afronden() {
  return {
    'deelnemer.afronden': { guard: 'deelnemerIngeschreven', actions: 'rondDeelnemerAf' },
  } as const
}

type Guard = keyof typeof ontwikkelteamV2Guards

function volgende(to: Phase, guard: Guard) {
  return { target: to, guard, actions: { type: 'naarFase', params: { to } } } as const
}

function terug(from: Phase, to: Phase) {
  return {
    target: to,
    guard: 'nietGepauzeerd',
    actions: { type: 'legTerugstapVast', params: { from, to } },
  } as const
}

function statusOf(snapshot: StoredSnapshot): InstanceStatus {
  if (snapshot.value === 'afgerond') return 'afgerond'
  if (snapshot.value === 'gestopt') return 'gestopt'
  return snapshot.context.pauze == null ? 'actief' : 'gepauzeerd'
}

function describeState(snapshot: StoredSnapshot): string {
  if (snapshot.value === 'afgerond' || snapshot.value === 'gestopt') {
    return `het team is ${snapshot.value}`
  }
  const pauze = snapshot.context.pauze == null ? '' : ' (gepauzeerd)'
  return `het team is nu in fase ${String(snapshot.value)}${pauze}`
}

const team = (context: Record<string, unknown>) => context as unknown as Context

/** Version 2 of the ontwikkelteam machine as the engine uses it. */
export const ontwikkelteamV2: MachineDefinition<OntwikkelteamV2Input, OntwikkelteamV2EventType> = {
  id: 'ontwikkelteam',
  version: 2,
  machine: ontwikkelteamV2Machine,
  events: ontwikkelteamV2Events,
  rules: ontwikkelteamV2Rules,
  parties: ontwikkelteamParties,
  representedBy: ontwikkelteamRepresentedBy,
  organisationName: ontwikkelteamOrganisationName,
  input: OntwikkelteamV2Input,
  context: OntwikkelteamV2Context,
  guards: registry(ontwikkelteamV2Guards),
  statusOf,
  describeState,
  leadOrganisation: (context) => team(context).leadOrganisationId,
  organisationsOf: (context) => [...team(context).organisationIds],
}
