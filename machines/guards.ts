import { eventDay } from './fields.ts'
import type { GuardCheck, MachineEvent } from './types.ts'

/** A list of names as the reasons show it: "A, B, C". */
export function opsomming(items: readonly string[]): string {
  return items.join(', ')
}

/** Combine checks into one guard: it fails with the reasons of every check that fails. */
export function alle<C>(...checks: GuardCheck<C>[]): GuardCheck<C> {
  return (context, payload, event) => checks.flatMap((check) => check(context, payload, event))
}

type XStateGuard<C> = (args: { context: C; event: MachineEvent }) => boolean

/**
 * The XState guards of a machine, derived from its checks: a guard passes when its check
 * returns no reasons. One source of truth for the machine and for the explanations.
 */
export function toXStateGuards<C, K extends string>(
  checks: Record<K, GuardCheck<C>>,
): Record<K, XStateGuard<C>> {
  const guards = {} as Record<K, XStateGuard<C>>
  for (const name of Object.keys(checks) as K[]) {
    const check = checks[name]
    guards[name] = ({ context, event }) =>
      check(context, event.payload, { day: eventDay(event), reason: event.reason }).length === 0
  }
  return guards
}

/** Widen a machine's typed checks to the registry the runtime uses. */
export function registry<C>(checks: Record<string, GuardCheck<C>>): Record<string, GuardCheck> {
  // The runtime only calls a check with a context that passed the machine's context schema.
  return checks as unknown as Record<string, GuardCheck>
}
