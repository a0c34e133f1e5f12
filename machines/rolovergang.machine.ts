import { assign, setup } from 'xstate'
import { registry, toXStateGuards } from './guards.ts'
import * as a from './rolovergang.actions.ts'
import {
  RolovergangContext,
  RolovergangInput,
  initialContext,
  type RolovergangContext as Context,
} from './rolovergang.context.ts'
import { rolovergangEvents } from './rolovergang.events.ts'
import type { RolovergangEventType } from './rolovergang.events.ts'
import { rolovergangParties, rolovergangRules } from './rolovergang.rules.ts'
import { rolovergangGuards } from './rolovergang.guards.ts'
import { stateLabel } from './state-label.ts'
import type { InstanceStatus, MachineDefinition, MachineEvent, StoredSnapshot } from './types.ts'

const afwijzen = { target: '#rolovergang.afgewezen', actions: 'wijsAf' } as const

/**
 * The rolovergang: a teacher moving into a new role. Once in behandeling, the four questions
 * (toegang, ondersteuning, facilitering, erkenning) and the role itself move in parallel.
 */
export const rolovergangMachine = setup({
  types: {
    context: {} as Context,
    events: {} as MachineEvent,
    input: {} as RolovergangInput & { at: string },
  },
  guards: toXStateGuards(rolovergangGuards),
  actions: {
    startBehandeling: assign(({ context, event }) => a.startBehandeling(context, event)),
    startOrientatie: assign(({ context, event }) => a.startOrientatie(context, event)),
    laatToe: assign(({ context, event }) => a.laatToe(context, event)),
    wijsAf: assign(({ context, event }) => a.wijsAf(context, event)),
    spreekOndersteuningAf: assign(({ context, event }) => a.spreekOndersteuningAf(context, event)),
    rondOndersteuningAf: assign(({ context, event }) => a.rondOndersteuningAf(context, event)),
    spreekFaciliteringAf: assign(({ context, event }) => a.spreekFaciliteringAf(context, event)),
    spreekErkenningAf: assign(({ context, event }) => a.spreekErkenningAf(context, event)),
    verleenErkenning: assign(({ context, event }) => a.verleenErkenning(context, event)),
    startRol: assign(({ context, event }) => a.startRol(context, event)),
    rondAf: assign(({ context, event }) => a.rondAf(context, event)),
    trekIn: assign(({ context, event }) => a.trekIn(context, event)),
  },
}).createMachine({
  id: 'rolovergang',
  context: ({ input }) => initialContext(input, input.at),
  initial: 'aangevraagd',
  states: {
    aangevraagd: {
      on: {
        'behandeling.starten': { target: 'lopend', actions: 'startBehandeling' },
        'toegang.afwijzen': afwijzen,
        'overgang.intrekken': { target: 'ingetrokken', actions: 'trekIn' },
      },
    },
    lopend: {
      type: 'parallel',
      on: {
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
                'toegang.toelaten': { target: 'toegelaten', actions: 'laatToe' },
                'toegang.afwijzen': afwijzen,
              },
            },
            orientatie: {
              on: {
                'toegang.toelaten': { target: 'toegelaten', actions: 'laatToe' },
                'toegang.afwijzen': afwijzen,
              },
            },
            toegelaten: {},
          },
        },
        ondersteuning: {
          initial: 'open',
          states: {
            open: {
              on: {
                'ondersteuning.afspreken': {
                  target: 'afgesproken',
                  actions: 'spreekOndersteuningAf',
                },
              },
            },
            afgesproken: {
              on: {
                // A revised agreement replaces the previous one.
                'ondersteuning.afspreken': { actions: 'spreekOndersteuningAf' },
                'ondersteuning.afronden': { target: 'afgerond', actions: 'rondOndersteuningAf' },
              },
            },
            afgerond: {},
          },
        },
        facilitering: {
          initial: 'open',
          states: {
            open: {
              on: {
                'facilitering.afspreken': {
                  target: 'afgesproken',
                  actions: 'spreekFaciliteringAf',
                },
              },
            },
            afgesproken: {
              on: { 'facilitering.afspreken': { actions: 'spreekFaciliteringAf' } },
            },
          },
        },
        erkenning: {
          initial: 'open',
          states: {
            open: {
              on: {
                'erkenning.afspreken': { target: 'afgesproken', actions: 'spreekErkenningAf' },
              },
            },
            afgesproken: {
              on: {
                'erkenning.afspreken': { actions: 'spreekErkenningAf' },
                'erkenning.verlenen': {
                  target: 'verleend',
                  guard: 'rolActief',
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
                'rol.starten': { target: 'actief', guard: 'rolKanStarten', actions: 'startRol' },
              },
            },
            actief: {},
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

/** The rolovergang machine as the engine uses it. */
export const rolovergang: MachineDefinition<RolovergangInput, RolovergangEventType> = {
  id: 'rolovergang',
  version: 1,
  machine: rolovergangMachine,
  events: rolovergangEvents,
  rules: rolovergangRules,
  parties: rolovergangParties,
  // A teacher acts for themself, HR for its organisation: nobody represents one in a transition.
  representedBy: () => [],
  organisationName: (_context, organisationId) => organisationId,
  input: RolovergangInput,
  context: RolovergangContext,
  guards: registry(rolovergangGuards),
  statusOf,
  describeState,
}
