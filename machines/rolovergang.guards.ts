import { alle } from './guards.ts'
import type { RolovergangContext as Context } from './rolovergang.context.ts'
import type { GuardCheck } from './types.ts'

// The named guards of a rolovergang. The regions of `lopend` move only by the events that also
// record their agreement in the context, so the guards read the context: `toegang` set means
// toegelaten, `rol` set means the role is actief, and so on.

type Check = GuardCheck<Context>

const toegelaten: Check = (context) =>
  context.toegang === null
    ? ['De toegang is nog niet geregeld: de leraar is nog niet toegelaten.']
    : []

const faciliteringAfgesproken: Check = (context) =>
  context.facilitering === null ? ['De facilitering is nog niet afgesproken.'] : []

const ondersteuningAfgesproken: Check = (context) =>
  context.ondersteuning === null ? ['De ondersteuning is nog niet afgesproken.'] : []

const ondersteuningAfgerond: Check = (context) =>
  context.ondersteuning?.afgerondAt == null ? ['De ondersteuning is nog niet afgerond.'] : []

const erkenningVerleend: Check = (context) =>
  context.erkenning?.verleend == null ? ['De erkenning is nog niet verleend.'] : []

const rolActief: Check = (context) =>
  context.rol === null
    ? [`De leraar is nog niet begonnen in de nieuwe rol (${context.newRole}).`]
    : []

/** Guard name → check. The names are the ones the machine refers to. */
export const rolovergangGuards = {
  rolKanStarten: alle(toegelaten, faciliteringAfgesproken, ondersteuningAfgesproken),
  rolActief,
  overgangAfrondbaar: alle(rolActief, ondersteuningAfgerond, erkenningVerleend),
} satisfies Record<string, Check>

export type RolovergangGuard = keyof typeof rolovergangGuards
