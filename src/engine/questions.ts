import { daysSince } from './effective-moment.ts'
import type { EffectiveMoment } from './effective-moment.ts'
import { V2, isSettledV2 } from './questions-v2.ts'

/** The four questions of a rolovergang (toegang, ondersteuning, facilitering, erkenning), and the role itself. */
export const QUESTIONS = ['toegang', 'ondersteuning', 'facilitering', 'erkenning'] as const
export type Question = (typeof QUESTIONS)[number]
export const REGIONS = [...QUESTIONS, 'rol'] as const

export const QUESTION_TEXT: Record<(typeof REGIONS)[number], string> = {
  toegang: 'Hoe komt de leraar in de rol? Oriëntatie en keuze gaan vóór selectie.',
  ondersteuning: 'Hoe wordt de leraar ondersteund: inductie, begeleiding, coaching, scholing?',
  facilitering:
    'Zijn tijd, ruimte en mogelijkheden geregeld, zonder dat de rol er zomaar bij komt?',
  erkenning: 'Hoe wordt bekwaamheid in de nieuwe rol erkend: formeel, informeel of in salaris?',
  rol: 'Is de leraar begonnen in de nieuwe rol?',
}

/** States in which a region's question counts as settled (version 1; version 2: questions-v2.ts). */
const SETTLED: Record<string, string[]> = {
  toegang: ['toegelaten'],
  ondersteuning: ['afgesproken', 'afgerond'],
  facilitering: ['afgesproken'],
  erkenning: ['afgesproken', 'verleend'],
  rol: ['actief'],
}

/**
 * The state of each region: `open` for every region before behandeling starts, the region's
 * state while lopend, and the final state's name after.
 */
export function regionStates(state: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (state === 'aangevraagd') {
    for (const r of REGIONS) out[r] = r === 'rol' ? 'voorbereiding' : 'open'
    return out
  }
  if (typeof state === 'object' && state !== null && 'lopend' in state) {
    const lopend = (state as { lopend: Record<string, unknown> }).lopend
    for (const r of REGIONS) out[r] = typeof lopend[r] === 'string' ? lopend[r] : '—'
    return out
  }
  for (const r of REGIONS) out[r] = '—'
  return out
}

/** The region's question is settled in this state, by the rules of the machine version. */
export function isSettled(region: string, regionState: string, version = 1): boolean {
  if (version >= V2) return isSettledV2(region, regionState)
  return (SETTLED[region] ?? []).includes(regionState)
}

/** A question is open while the transition runs and its region is not settled. */
export function isOpen(state: unknown, question: Question, version = 1): boolean {
  const s = regionStates(state)[question]
  return s !== undefined && s !== '—' && !isSettled(question, s, version)
}

export const STIL_DAYS = 30

/**
 * No event for 30 days or more while still running: "stilgevallen". Counts from the last event's
 * ingangsdatum where it has one, else from when it was recorded.
 */
export function isStilgevallen(status: string, last: EffectiveMoment, now: Date): boolean {
  if (status !== 'actief' && status !== 'gepauzeerd') return false
  return daysSince(last, now) >= STIL_DAYS
}
