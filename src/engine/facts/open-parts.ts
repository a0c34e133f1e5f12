import { isSettled, QUESTIONS } from '../questions.ts'
import { phases } from '../../../machines/vocabulary.ts'

/** The parts whose lead time reports measure: the seven phases, and a rolovergang's steps. */
export const TEAM_PARTS: readonly string[] = phases
/** `aangevraagd`: from the request until HR starts; then each question until it is settled. */
export const TRANSITION_PARTS: readonly string[] = ['aangevraagd', ...QUESTIONS]

/**
 * What is open in a state: for a team its phase, for a rolovergang the request (before
 * behandeling) or each question not yet settled by the rules of its version.
 */
export function openParts(machineId: string, version: number, value: unknown): string[] {
  if (machineId === 'ontwikkelteam') {
    return typeof value === 'string' && TEAM_PARTS.includes(value) ? [value] : []
  }
  if (value === 'aangevraagd') return ['aangevraagd']
  if (typeof value !== 'object' || value === null || !('lopend' in value)) return []
  const lopend = (value as { lopend: Record<string, unknown> }).lopend
  return QUESTIONS.filter((q) => {
    const state = lopend[q]
    return typeof state === 'string' && !isSettled(q, state, version)
  })
}

/** The top-level state: the phase, or aangevraagd/lopend/afgerond/… */
export function phaseOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) return Object.keys(value)[0] ?? 'onbekend'
  return 'onbekend'
}
