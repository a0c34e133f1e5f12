import { assign, setup } from 'xstate'
import { registry, toXStateGuards } from './guards.ts'
import * as a from './ontwikkelteam.actions.ts'
import {
  OntwikkelteamContext,
  OntwikkelteamInput,
  initialContext,
  type OntwikkelteamContext as Context,
} from './ontwikkelteam.context.ts'
import { ontwikkelteamEvents } from './ontwikkelteam.events.ts'
import type { OntwikkelteamEventType } from './ontwikkelteam.events.ts'
import {
  ontwikkelteamOrganisationName,
  ontwikkelteamParties,
  ontwikkelteamRepresentedBy,
  ontwikkelteamRules,
} from './ontwikkelteam.rules.ts'
import { ontwikkelteamGuards } from './ontwikkelteam.guards.ts'
import type { InstanceStatus, MachineDefinition, MachineEvent, StoredSnapshot } from './types.ts'
import type { Phase } from './vocabulary.ts'

/** The ontwikkelteam: a team of several organisations through the seven phases, in cycles. */
export const ontwikkelteamMachine = setup({
  types: {
    context: {} as Context,
    events: {} as MachineEvent,
    input: {} as OntwikkelteamInput & { at: string },
  },
  guards: toXStateGuards(ontwikkelteamGuards),
  actions: {
    voegLidToe: assign(({ context, event }) => a.voegLidToe(context, event)),
    verwijderLid: assign(({ context, event }) => a.verwijderLid(context, event)),
    legAmbitieVast: assign(({ context, event }) => a.legAmbitieVast(context, event)),
    legBelangVast: assign(({ context, event }) => a.legBelangVast(context, event)),
    legRelatieVast: assign(({ context, event }) => a.legRelatieVast(context, event)),
    formuleerGedeeldeAmbitie: assign(({ context, event }) =>
      a.formuleerGedeeldeAmbitie(context, event),
    ),
    onderschrijfGedeeldeAmbitie: assign(({ context, event }) =>
      a.onderschrijfGedeeldeAmbitie(context, event),
    ),
    legOplossingVast: assign(({ context, event }) => a.legOplossingVast(context, event)),
    legOntwerpVast: assign(({ context, event }) => a.legOntwerpVast(context, event)),
    geefAkkoordOpOntwerp: assign(({ context, event }) => a.geefAkkoordOpOntwerp(context, event)),
    legActiviteitVast: assign(({ context, event }) => a.legActiviteitVast(context, event)),
    legEvaluatieVast: assign(({ context, event }) => a.legEvaluatieVast(context, event)),
    deelResultaat: assign(({ context, event }) => a.deelResultaat(context, event)),
    legTerugstapVast: assign(({ context, event }, step: { from: Phase; to: Phase }) =>
      a.legTerugstapVast(context, event, step),
    ),
    pauzeer: assign(({ context, event }) => a.pauzeer(context, event)),
    hervat: assign(({ context, event }) => a.hervat(context, event)),
    stop: assign(({ context, event }) => a.stop(context, event)),
    rondAf: assign(({ context, event }) => a.rondAf(context, event)),
    vernieuwCyclus: assign(({ context, event }) => a.vernieuwCyclus(context, event)),
  },
}).createMachine({
  id: 'ontwikkelteam',
  context: ({ input }) => initialContext(input, input.at),
  initial: 'verkennen',
  // Every open phase handles the team-wide events too (`...open`); the final states handle none.
  states: {
    verkennen: {
      on: {
        ...open(),
        'ambitie.vastleggen': { guard: 'organisatieNeemtDeel', actions: 'legAmbitieVast' },
        'belang.vastleggen': { guard: 'organisatieNeemtDeel', actions: 'legBelangVast' },
        'relatie.vastleggen': { guard: 'nietGepauzeerd', actions: 'legRelatieVast' },
        'fase.volgende': { target: 'delen', guard: 'verkenningCompleet' },
      },
    },
    delen: {
      on: {
        ...open(),
        'gedeelde-ambitie.formuleren': {
          guard: 'nietGepauzeerd',
          actions: 'formuleerGedeeldeAmbitie',
        },
        'gedeelde-ambitie.onderschrijven': {
          guard: 'gedeeldeAmbitieOnderschrijfbaar',
          actions: 'onderschrijfGedeeldeAmbitie',
        },
        'fase.volgende': { target: 'overeenkomen', guard: 'gedeeldeAmbitieOnderschreven' },
        'fase.terug': terug('delen', 'verkennen'),
      },
    },
    overeenkomen: {
      on: {
        ...open(),
        'oplossing.vastleggen': { guard: 'nietGepauzeerd', actions: 'legOplossingVast' },
        'fase.volgende': { target: 'vormgeven', guard: 'oplossingenOvereengekomen' },
        'fase.terug': terug('overeenkomen', 'delen'),
      },
    },
    vormgeven: {
      on: {
        ...open(),
        'ontwerp.vastleggen': { guard: 'nietGepauzeerd', actions: 'legOntwerpVast' },
        'ontwerp.akkoord': { guard: 'ontwerpAkkoordMogelijk', actions: 'geefAkkoordOpOntwerp' },
        'fase.volgende': { target: 'uitvoeren', guard: 'ontwerpGoedgekeurd' },
        'fase.terug': terug('vormgeven', 'overeenkomen'),
      },
    },
    uitvoeren: {
      on: {
        ...open(),
        'activiteit.vastleggen': { guard: 'nietGepauzeerd', actions: 'legActiviteitVast' },
        'fase.volgende': { target: 'evalueren', guard: 'activiteitUitgevoerd' },
        'fase.terug': terug('uitvoeren', 'vormgeven'),
      },
    },
    evalueren: {
      on: {
        ...open(),
        'evaluatie.vastleggen': { guard: 'nietGepauzeerd', actions: 'legEvaluatieVast' },
        'fase.volgende': { target: 'dissemineren', guard: 'evaluatieCompleet' },
        'fase.terug': terug('evalueren', 'uitvoeren'),
      },
    },
    dissemineren: {
      on: {
        ...open(),
        'resultaat.delen': { guard: 'nietGepauzeerd', actions: 'deelResultaat' },
        'fase.terug': terug('dissemineren', 'evalueren'),
        'cyclus.vernieuwen': {
          target: 'verkennen',
          guard: 'resultatenGedeeld',
          actions: 'vernieuwCyclus',
        },
        'cyclus.afronden': { target: 'afgerond', guard: 'resultatenGedeeld', actions: 'rondAf' },
      },
    },
    afgerond: { type: 'final' },
    gestopt: { type: 'final' },
  },
})

/** The events every open phase handles. */
function open() {
  return {
    'lid.toevoegen': { guard: 'persoonNogGeenLid', actions: 'voegLidToe' },
    'lid.verwijderen': { guard: 'persoonIsLid', actions: 'verwijderLid' },
    pauzeren: { guard: 'nietGepauzeerd', actions: 'pauzeer' },
    hervatten: { guard: 'gepauzeerd', actions: 'hervat' },
    // Stopping is possible while paused: it is one of the two ways out of a pause.
    stoppen: { target: '#ontwikkelteam.gestopt', actions: 'stop' },
  } as const
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

/** The ontwikkelteam machine as the engine uses it. */
export const ontwikkelteam: MachineDefinition<OntwikkelteamInput, OntwikkelteamEventType> = {
  id: 'ontwikkelteam',
  version: 1,
  machine: ontwikkelteamMachine,
  events: ontwikkelteamEvents,
  rules: ontwikkelteamRules,
  parties: ontwikkelteamParties,
  representedBy: ontwikkelteamRepresentedBy,
  organisationName: ontwikkelteamOrganisationName,
  input: OntwikkelteamInput,
  context: OntwikkelteamContext,
  guards: registry(ontwikkelteamGuards),
  statusOf,
  describeState,
}
