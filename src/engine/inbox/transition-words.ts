import type { StoredSnapshot } from '../../../machines/types.ts'
import { QUESTIONS, isOpen } from '../questions.ts'

const QUESTION_WORDS: Record<string, string> = {
  toegang: 'de toegang',
  ondersteuning: 'de ondersteuning',
  facilitering: 'de facilitering',
  erkenning: 'de erkenning',
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`

/**
 * A rolovergang's status in plain words, for the teacher it concerns: who it waits on and for what.
 * `waitingOn` is the facts' 'hr' or 'leraar'.
 */
export function transitionWords(
  snapshot: StoredSnapshot,
  version: number,
  status: string,
  forTeacher: boolean,
): string {
  const you = forTeacher ? 'u' : 'de leraar'
  if (status === 'afgerond') return 'Afgerond.'
  if (status === 'afgewezen') return 'Afgewezen.'
  if (status === 'ingetrokken') return 'Ingetrokken.'
  if (snapshot.value === 'aangevraagd') {
    return forTeacher
      ? 'Wacht op HR: uw aanvraag is nog niet in behandeling genomen.'
      : 'Nieuwe aanvraag: nog niet in behandeling genomen.'
  }
  const lopend = (snapshot.value as { lopend?: Record<string, string> }).lopend ?? {}
  const proposed = QUESTIONS.filter((q) => version >= 2 && lopend[q] === 'afgesproken')
  if (proposed.length > 0) {
    return `Wacht op ${you}: instemmen met de afspraak over ${list(proposed.map((q) => QUESTION_WORDS[q] ?? q))}.`
  }
  const open = QUESTIONS.filter((q) => isOpen(snapshot.value, q, version))
  if (open.length > 0)
    return `Wacht op HR: ${list(open.map((q) => QUESTION_WORDS[q] ?? q))} nog te regelen.`
  return lopend['rol'] === 'voorbereiding'
    ? 'Wacht op HR: alles is geregeld, de rol kan beginnen.'
    : 'De rol loopt.'
}
