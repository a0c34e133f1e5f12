import { assign, setup } from 'xstate'
import { registry, toXStateGuards } from './guards.ts'
import * as a from './rolovergang.v2.actions.ts'
import {
  RolovergangV2Context,
  RolovergangV2Input,
  initialContextV2,
  type RolovergangV2Context as Context,
} from './rolovergang.v2.context.ts'
import { rolovergangV2Events, type RolovergangV2EventType } from './rolovergang.v2.events.ts'
import { rolovergangV2Guards } from './rolovergang.v2.guards.ts'
import { rolovergangV2Parties, rolovergangV2Rules } from './rolovergang.v2.rules.ts'
import { stateLabel } from './state-label.ts'
import type { InstanceStatus, MachineDefinition, MachineEvent, StoredSnapshot } from './types.ts'

const afwijzen = { target: '#rolovergang.afgewezen', actions: 'wijsAf' } as const
const inbreng = { actions: 'legInbrengVast' } as const
const startniveau = { actions: 'legStartniveauVast' } as const

// Each afspraak moves open → afgesproken (HR made it) → ingestemd (the teacher agreed). A revised
// afspraak goes back to afgesproken: it waits for the teacher's agreement again.
const ondersteuningAfspreken = { target: 'afgesproken', actions: 'spreekOndersteuningAf' } as const
const faciliteringAfspreken = {
  target: 'afgesproken',
  guard: 'faciliteringOnderbouwd',
  actions: 'spreekFaciliteringAf',
} as const
const erkenningAfspreken = { target: 'afgesproken', actions: 'spreekErkenningAf' } as const

/**
 * Version 2 of the rolovergang. As in version 1, once in behandeling the four questions and the
 * role move in parallel; now the teacher agrees to each afspraak before the role starts,
 * admission follows an orientation (or a recorded reason to skip it), the role can end apart
 * from withdrawal, and closing records what the teacher did next.
 */
export const rolovergangV2Machine = setup({
  types: {
    context: {} as Context,
    events: {} as MachineEvent,
    input: {} as RolovergangV2Input & { at: string },
  },
  guards: toXStateGuards(rolovergangV2Guards),
  actions: {
    startBehandeling: assign(({ context, event }) => a.startBehandeling(context, event)),
    legInbrengVast: assign(({ context, event }) => a.legInbrengVast(context, event)),
    legStartniveauVast: assign(({ context, event }) => a.legStartniveauVast(context, event)),
    legBereiktNiveauVast: assign(({ context, event }) => a.legBereiktNiveauVast(context, event)),
    startOrientatie: assign(({ context, event }) => a.startOrientatie(context, event)),
    laatToe: assign(({ context, event }) => a.laatToe(context, event)),
    wijsAf: assign(({ context, event }) => a.wijsAf(context, event)),
    spreekOndersteuningAf: assign(({ context, event }) => a.spreekOndersteuningAf(context, event)),
    stemInMetOndersteuning: assign(({ context, event }) =>
      a.stemInMetOndersteuning(context, event),
    ),
    rondOndersteuningAf: assign(({ context, event }) => a.rondOndersteuningAf(context, event)),
    spreekFaciliteringAf: assign(({ context, event }) => a.spreekFaciliteringAf(context, event)),
    stemInMetFacilitering: assign(({ context, event }) => a.stemInMetFacilitering(context, event)),
    spreekErkenningAf: assign(({ context, event }) => a.spreekErkenningAf(context, event)),
    stemInMetErkenning: assign(({ context, event }) => a.stemInMetErkenning(context, event)),
    verleenErkenning: assign(({ context, event }) => a.verleenErkenning(context, event)),
    startRol: assign(({ context, event }) => a.startRol(context, event)),
    beeindigRol: assign(({ context, event }) => a.beeindigRol(context, event)),
    rondAf: assign(({ context, event }) => a.rondAf(context, event)),
    trekIn: assign(({ context, event }) => a.trekIn(context, event)),
  },
}).createMachine({
  id: 'rolovergang',
  context: ({ input }) => initialContextV2(input, input.at),
  initial: 'aangevraagd',
  states: {
    aangevraagd: {
      on: {
        'behandeling.starten': { target: 'lopend', actions: 'startBehandeling' },
        'inbreng.vastleggen': inbreng,
        'startniveau.vastleggen': startniveau,
        'toegang.afwijzen': afwijzen,
        'overgang.intrekken': { target: 'ingetrokken', actions: 'trekIn' },
      },
    },
    lopend: {
      type: 'parallel',
      on: {
        'inbreng.vastleggen': inbreng,
        'overgang.afronden': { target: 'afgerond', guard: 'overgangAfrondbaar', actions: 'rondAf' },
        'overgang.intrekken': { target: 'ingetrokken', actions: 'trekIn' },
      },
      states: {
        toegang: {
          initial: 'open',
          states: {
            open: {
              on: {
                'toegang.orientatie-starten': { target: 'orientatie', actions: 'startOrientatie' },
                'toegang.toelaten': {
                  target: 'toegelaten',
                  guard: 'toelatenZonderOrientatie',
                  actions: 'laatToe',
                },
                'toegang.afwijzen': afwijzen,
              },
            },
            orientatie: {
              on: {
                'toegang.toelaten': {
                  target: 'toegelaten',
                  guard: 'toelatenNaOrientatie',
                  actions: 'laatToe',
                },
                'toegang.afwijzen': afwijzen,
              },
            },
            toegelaten: {},
          },
        },
        ondersteuning: {
          initial: 'open',
          states: {
            open: { on: { 'ondersteuning.afspreken': ondersteuningAfspreken } },
            afgesproken: {
              on: {
                'ondersteuning.afspreken': ondersteuningAfspreken,
                'ondersteuning.instemmen': {
                  target: 'ingestemd',
                  actions: 'stemInMetOndersteuning',
                },
              },
            },
            ingestemd: {
              on: {
                'ondersteuning.afspreken': ondersteuningAfspreken,
                'ondersteuning.afronden': { target: 'afgerond', actions: 'rondOndersteuningAf' },
              },
            },
            afgerond: {},
          },
        },
        facilitering: {
          initial: 'open',
          states: {
            open: { on: { 'facilitering.afspreken': faciliteringAfspreken } },
            afgesproken: {
              on: {
                'facilitering.afspreken': faciliteringAfspreken,
                'facilitering.instemmen': { target: 'ingestemd', actions: 'stemInMetFacilitering' },
              },
            },
            // Conditions may change while the role runs: revising needs agreement again.
            ingestemd: { on: { 'facilitering.afspreken': faciliteringAfspreken } },
          },
        },
        erkenning: {
          initial: 'open',
          states: {
            open: { on: { 'erkenning.afspreken': erkenningAfspreken } },
            afgesproken: {
              on: {
                'erkenning.afspreken': erkenningAfspreken,
                'erkenning.instemmen': { target: 'ingestemd', actions: 'stemInMetErkenning' },
              },
            },
            ingestemd: {
              on: {
                'erkenning.afspreken': erkenningAfspreken,
                'erkenning.verlenen': {
                  target: 'verleend',
                  guard: 'rolBegonnen',
                  actions: 'verleenErkenning',
                },
              },
            },
            verleend: {},
          },
        },
        rol: {
          initial: 'voorbereiding',
          states: {
            voorbereiding: {
              on: {
                'startniveau.vastleggen': startniveau,
                'rol.starten': { target: 'actief', guard: 'rolKanStarten', actions: 'startRol' },
              },
            },
            actief: {
              on: {
                'niveau.vastleggen': { actions: 'legBereiktNiveauVast' },
                'rol.beeindigen': {
                  target: 'beeindigd',
                  guard: 'rolKanEindigen',
                  actions: 'beeindigRol',
                },
              },
            },
            // The role ended (a term ran out); the rolovergang itself is closed with its outcome.
            beeindigd: { on: { 'niveau.vastleggen': { actions: 'legBereiktNiveauVast' } } },
          },
        },
      },
    },
    afgerond: { type: 'final' },
    afgewezen: { type: 'final' },
    ingetrokken: { type: 'final' },
  },
})

const finals = ['afgerond', 'afgewezen', 'ingetrokken'] as const

function isFinal(value: unknown): value is (typeof finals)[number] {
  return typeof value === 'string' && (finals as readonly string[]).includes(value)
}

function statusOf(snapshot: StoredSnapshot): InstanceStatus {
  return isFinal(snapshot.value) ? snapshot.value : 'actief'
}

function describeState(snapshot: StoredSnapshot): string {
  if (isFinal(snapshot.value)) return `de rolovergang is ${snapshot.value}`
  return `de rolovergang is nu in toestand ${stateLabel(snapshot.value)}`
}

/** Version 2 of the rolovergang machine as the engine uses it. */
export const rolovergangV2: MachineDefinition<RolovergangV2Input, RolovergangV2EventType> = {
  id: 'rolovergang',
  version: 2,
  machine: rolovergangV2Machine,
  events: rolovergangV2Events,
  rules: rolovergangV2Rules,
  parties: rolovergangV2Parties,
  // A teacher acts for themself, HR for its organisation: nobody represents one in a transition.
  representedBy: () => [],
  organisationName: (_context, organisationId) => organisationId,
  input: RolovergangV2Input,
  context: RolovergangV2Context,
  guards: registry(rolovergangV2Guards),
  statusOf,
  describeState,
}
