import type { Question } from '../../engine/questions.ts'
import { QUESTIONS, REGIONS, regionStates } from '../../engine/questions.ts'
import { isSettledV2 } from '../../engine/questions-v2.ts'

/** The afspraken of a running rolovergang that wait for the teacher's agreement. */
export function waitingForTeacher(state: unknown): Question[] {
  const regions = regionStates(state)
  return QUESTIONS.filter((q) => regions[q] === 'afgesproken')
}

const FINAL_TEXT: Record<string, string> = {
  afgerond: 'afgerond',
  afgewezen: 'afgewezen',
  ingetrokken: 'ingetrokken',
}

/**
 * Where a rolovergang of version 2 stands, in a few plain words: "aangevraagd, nog niet in
 * behandeling", "wacht op instemming van de leraar (ondersteuning, erkenning)", "rol actief"…
 */
export function stateSummaryV2(state: unknown): string {
  if (typeof state === 'string') {
    if (state === 'aangevraagd') return 'aangevraagd, nog niet in behandeling'
    return FINAL_TEXT[state] ?? state
  }
  const regions = regionStates(state)
  if (regions['rol'] === 'beeindigd')
    return 'de rol is beëindigd; de rolovergang kan worden afgerond'
  if (regions['rol'] === 'actief') return 'de leraar werkt in de nieuwe rol'
  const waiting = waitingForTeacher(state)
  if (waiting.length > 0) return `wacht op instemming van de leraar (${waiting.join(', ')})`
  const open = REGIONS.filter((r) => r !== 'rol' && !isSettledV2(r, regions[r] ?? ''))
  if (open.length > 0) return `in behandeling; nog te regelen: ${open.join(', ')}`
  return 'alles is geregeld; de rol kan beginnen'
}
