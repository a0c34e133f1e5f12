// How the regions of a rolovergang of version 2 read. In version 2 an afspraak HR made still
// waits for the teacher's agreement, so `afgesproken` is open and `ingestemd` settles it; in
// version 1 `afgesproken` settled a question (questions.ts).

/** The machine version from which these rules apply. */
export const V2 = 2

const SETTLED_V2: Record<string, readonly string[]> = {
  toegang: ['toegelaten'],
  ondersteuning: ['ingestemd', 'afgerond'],
  facilitering: ['ingestemd'],
  erkenning: ['ingestemd', 'verleend'],
  rol: ['actief', 'beeindigd'],
}

/** A region's state in words, as a badge shows it. */
const REGION_STATE_V2: Record<string, string> = {
  open: 'open',
  orientatie: 'in oriëntatie',
  toegelaten: 'toegelaten',
  afgesproken: 'wacht op instemming van de leraar',
  ingestemd: 'de leraar heeft ingestemd',
  afgerond: 'afgerond',
  verleend: 'verleend',
  voorbereiding: 'in voorbereiding',
  actief: 'actief',
  beeindigd: 'beëindigd',
}

export function isSettledV2(region: string, state: string): boolean {
  return (SETTLED_V2[region] ?? []).includes(state)
}

export function regionStateTextV2(state: string): string {
  return REGION_STATE_V2[state] ?? state
}
