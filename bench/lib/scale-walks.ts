import { outcomes } from '../../machines/rolovergang.v2.vocabulary.ts'
import { apply, start } from '../../machines/runtime.ts'
import { sampleEvents } from '../../machines/samples.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'

// Histories for the scale store: random walks through the real machines with their sample
// payloads, so that every state value, payload and snapshot is one the machine produces. Each
// instance of the store is a prefix of one walk, with its own people, organisations and dates.

export const DAY = 86_400_000
export const RUNNING: readonly string[] = ['actief', 'gepauzeerd']
/** The people a walk's teams take in; each team maps them onto people of the store. */
export const PLACEHOLDER_PEOPLE = Array.from({ length: 24 }, (_, i) => `persoon-${i + 1}`)

/** A seeded generator: the same knobs give the same store, apart from the ids. */
export function generator(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T }
}
export type Rng = ReturnType<typeof generator>

/** One event of a walk, with the snapshot after it. */
export interface Step {
  type: string
  payload: Record<string, unknown>
  reason: string | null
  before: unknown
  after: unknown
  snapshot: StoredSnapshot
}

// How likely each event is where the machine takes it (1 when not listed): forward steps more
// than revisions and side records, an early end now and then.
const TRANSITION_WEIGHTS: Record<string, number> = {
  'overgang.afronden': 20,
  'overgang.intrekken': 0.015,
  'toegang.afwijzen': 0.015,
  'inbreng.vastleggen': 0.3,
  'startniveau.vastleggen': 0.2,
  'niveau.vastleggen': 0.3,
}
const TEAM_WEIGHTS: Record<string, number> = {
  'fase.volgende': 12,
  'cyclus.afronden': 20,
  'cyclus.vernieuwen': 0.5,
  hervatten: 5,
  pauzeren: 0.01,
  stoppen: 0.004,
  'fase.terug': 0.004,
  heropenen: 0,
  'lid.toevoegen': 0.4,
  'lid.verwijderen': 0.05,
  'deelnemer.inschrijven': 0.5,
  'deelnemer.terugtrekken': 0.1,
  'deelnemer.afronden': 0.5,
  'uitgave.boeken': 0.3,
  'plaatsen.vaststellen': 0.1,
}

/** Varies what the samples fix: scores, amounts, outcomes. */
function varied(payload: Record<string, unknown>, rng: Rng): Record<string, unknown> {
  const out = { ...payload }
  if (out['scores']) {
    const keys = Object.keys(out['scores'] as object)
    out['scores'] = Object.fromEntries(keys.map((k) => [k, 1 + rng.int(5)]))
  }
  if (typeof out['amountCents'] === 'number') out['amountCents'] = 5000 + rng.int(150_000)
  if (typeof out['outcome'] === 'string') out['outcome'] = rng.pick(outcomes)
  return out
}

/**
 * One random walk from creation until the instance ends (or has `max` events): at each step one
 * of the events the machine takes there, an event already taken in this phase less likely.
 */
export function walk(
  def: MachineDefinition,
  input: Record<string, unknown>,
  rng: Rng,
  max: number,
): Step[] {
  const weights = def.id === 'ontwikkelteam' ? TEAM_WEIGHTS : TRANSITION_WEIGHTS
  let at = Date.parse('2025-01-06T09:00:00.000Z')
  let snapshot = start(def, input, new Date(at).toISOString())
  const first = { type: 'aangemaakt', payload: input, reason: null, before: null }
  const steps: Step[] = [{ ...first, after: snapshot.value, snapshot }]
  let done = new Map<string, number>()
  while (steps.length < max && RUNNING.includes(def.statusOf(snapshot))) {
    at += 3 * DAY
    const options = sampleEvents(def, snapshot, {
      at: new Date(at).toISOString(),
      personIds: PLACEHOLDER_PEOPLE,
    })
    const weight = options.map((e) => (weights[e.type] ?? 1) / (1 + 4 * (done.get(e.type) ?? 0)))
    let r = rng.next() * weight.reduce((sum, w) => sum + w, 0)
    const chosen = options.find((_, i) => (r -= weight[i] ?? 0) < 0)
    if (!chosen) break
    const event = { ...chosen, payload: varied(chosen.payload, rng) }
    const next = apply(def, snapshot, event)
    steps.push({ ...event, before: snapshot.value, after: next.value, snapshot: next })
    if (typeof next.value === 'string' && next.value !== snapshot.value) done = new Map()
    done.set(event.type, (done.get(event.type) ?? 0) + 1)
    snapshot = next
  }
  return steps
}

/**
 * The times (ms) of `count` events `gapDays` apart on average, within the last two years: a
 * running instance last moved a few weeks ago at most (some have stalled), a finished one may
 * have ended any time.
 */
export function timesOf(
  count: number,
  running: boolean,
  gapDays: number,
  now: number,
  rng: Rng,
): number[] {
  const gaps = Array.from(
    { length: count - 1 },
    () => 60_000 - Math.log(1 - rng.next()) * gapDays * DAY,
  )
  const room = 720 * DAY
  const total = gaps.reduce((sum, g) => sum + g, 0)
  const scale = total > room ? room / total : 1
  const span = total * scale
  const first = running
    ? now + Math.log(1 - rng.next()) * 20 * DAY - span
    : now - 730 * DAY + rng.next() * (room - span)
  const times = [Math.max(first, now - 730 * DAY)]
  for (const gap of gaps) times.push((times[times.length - 1] ?? first) + gap * scale)
  return times.map(Math.round)
}

/**
 * How many events each instance gets: its whole walk for a share `whole` of them (they have
 * ended, or reached the walk's end), else drawn evenly from 1 to twice a mean and short of the
 * walk's end, with the mean chosen so that all add up to `target` where the walks allow it.
 */
export function lengths(
  walkLengths: readonly number[],
  draws: Float64Array,
  target: number,
  whole: number,
): number[] {
  const at = (mean: number) =>
    walkLengths.map((len, i) => {
      const u = draws[i] ?? 0
      if (u < whole) return len
      const part = 1 + Math.floor(((u - whole) / (1 - whole)) * (2 * mean - 1))
      return Math.min(Math.max(1, len - 1), part)
    })
  let [low, high] = [1, 500]
  for (let round = 0; round < 40; round++) {
    const mean = (low + high) / 2
    if (at(mean).reduce((sum, n) => sum + n, 0) < target) low = mean
    else high = mean
  }
  return at(high)
}
