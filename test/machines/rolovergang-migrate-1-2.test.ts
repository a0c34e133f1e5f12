import { type AnyMachineSnapshot } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import type { MigrationOutcome } from '../../machines/migration-types.ts'
import { rolovergangV1toV2 as migration } from '../../machines/rolovergang.migrate-1-2.ts'
import { rolovergang as v1 } from '../../machines/rolovergang.machine.ts'
import { rolovergangV2 as v2 } from '../../machines/rolovergang.v2.machine.ts'
import { apply, explain, restore } from '../../machines/runtime.ts'
import { sampleEvents, sampleInput } from '../../machines/samples.ts'
import type { StoredSnapshot } from '../../machines/types.ts'
import { T0, begin, blockedReasons, ev, run } from './helpers.ts'

// The declared migration of the rolovergang from version 1 to 2: every snapshot version 1 can
// reach either moves to a snapshot version 2 accepts (and can finish), or stays with Dutch reasons.

const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

/**
 * Every snapshot the v1 graph walk reaches: one per state and explanation, and per whether an
 * orientation came first (v1 admits with or without one, and that decides the migration).
 */
function reachableV1(): StoredSnapshot[] {
  const adjacency = getAdjacencyMap(v1.machine, {
    input: { ...sampleInput(v1), at: T0 },
    events: (s: AnyMachineSnapshot) => sampleEvents(v1, stored(s)),
    serializeState: (s: AnyMachineSnapshot) =>
      JSON.stringify([
        s.value,
        s.context.orientatie !== null,
        s.status === 'done' ? [] : explain(v1, stored(s)),
      ]),
  })
  return Object.values(adjacency).map(({ state }) => JSON.parse(JSON.stringify(stored(state))))
}

type Region = 'toegang' | 'ondersteuning' | 'facilitering' | 'erkenning' | 'rol'
const region = (s: StoredSnapshot, name: Region): string | undefined =>
  typeof s.value === 'string' ? undefined : (s.value['lopend'] as Record<Region, string>)[name]

// The order that brings a v2 rolovergang forward; an afspraak is made only while it is open.
const forward = [
  'overgang.afronden',
  'erkenning.verlenen',
  'ondersteuning.afronden',
  'rol.starten',
  'ondersteuning.instemmen',
  'facilitering.instemmen',
  'erkenning.instemmen',
  'toegang.toelaten',
  'behandeling.starten',
  'ondersteuning.afspreken',
  'facilitering.afspreken',
  'erkenning.afspreken',
]

/** Drives a v2 snapshot with sample events until it is closed; the types it took. */
function finish(start: StoredSnapshot): { end: StoredSnapshot; types: string[] } {
  let s = start
  const types: string[] = []
  for (let i = 0; i < 30 && v2.statusOf(s) === 'actief'; i++) {
    const events = sampleEvents(v2, s)
    const next = forward
      .map((type) => events.find((e) => e.type === type))
      .find((e) => {
        if (!e) return false
        const [name, verb] = e.type.split('.') as [Region, string]
        return verb !== 'afspreken' || region(s, name) === 'open'
      })
    if (!next) break
    types.push(next.type)
    s = apply(v2, s, next)
  }
  return { end: s, types }
}

const input = {
  personId: 'p-lisa',
  organisationId: 'org-esprit',
  newRole: 'schoolopleider',
  domain: 'leren-van-collegas',
  careerPath: 'andere-taken-en-rollen',
}
const e = {
  starten: ev('behandeling.starten'),
  orientatie: ev('toegang.orientatie-starten', { note: 'Meelopen.' }),
  toelaten: ev('toegang.toelaten', { method: 'selectie', note: 'Gesprek gevoerd.' }),
  ondersteuning: ev('ondersteuning.afspreken', { forms: ['coaching'], note: 'Coach.' }),
  ondersteuningKlaar: ev('ondersteuning.afronden'),
  facilitering: ev('facilitering.afspreken', { hoursPerYear: 80, compensation: 'Taakuren' }),
  nulUur: ev('facilitering.afspreken', { hoursPerYear: 0, compensation: 'Geen' }),
  erkenning: ev('erkenning.afspreken', { form: 'formeel', note: 'VELON.' }),
  rol: ev('rol.starten', { startDate: '2025-08-25' }),
}
const lopend = (): StoredSnapshot => apply(v1, begin(v1, input), e.starten)

function refused(outcome: MigrationOutcome): string[] {
  if (outcome.ok) throw new Error(`migrated: ${JSON.stringify(outcome.next.value)}`)
  return outcome.reasons
}
function migrated(outcome: MigrationOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reasons.join(' ')}`)
  return outcome
}
const blijft = 'Deze rolovergang blijft op versie 1 en loopt daar gewoon verder.'

describe('rolovergang migration 1 → 2', () => {
  it('is declared for the rolovergang from version 1 to 2', () => {
    expect([migration.machine, migration.from, migration.to]).toEqual(['rolovergang', 1, 2])
    expect(migration.summary).toMatch(/^Versie 2 /)
  })

  it('every reachable v1 snapshot moves to a v2 snapshot that can finish, or stays with reasons', () => {
    const all = reachableV1()
    let moved = 0
    for (const snapshot of all) {
      const before = JSON.stringify(snapshot)
      const outcome = migration.migrate(snapshot)
      // Pure: the snapshot is untouched and the same snapshot gives the same outcome.
      expect(JSON.stringify(snapshot)).toBe(before)
      expect(migration.migrate(JSON.parse(before))).toEqual(outcome)
      if (!outcome.ok) {
        expect(outcome.reasons.length).toBeGreaterThan(1)
        expect(outcome.reasons.at(-1)).toBe(blijft)
        continue
      }
      moved++
      const next = JSON.parse(JSON.stringify(outcome.next)) as StoredSnapshot
      expect(() => restore(v2, next)).not.toThrow()
      expect(next.value).toEqual(snapshot.value)
      expect(outcome.changes.length).toBeGreaterThan(0)
      const { end, types } = finish(next)
      expect(end.value, types.join(' → ')).toBe('afgerond')
    }
    // aangevraagd, and lopend with the role in voorbereiding and the ondersteuning not closed:
    // toegang open, in orientatie or admitted after one × ondersteuning, facilitering and
    // erkenning each open or afgesproken.
    expect(moved).toBe(1 + 3 * 2 * 2 * 2)
    expect(all.length - moved).toBeGreaterThan(0)
  })

  it('aangevraagd moves; the start level is not recorded under version 1', () => {
    const outcome = migrated(migration.migrate(begin(v1, input)))
    expect(outcome.next.value).toBe('aangevraagd')
    expect(outcome.next.context).toMatchObject({ startniveau: null, inbreng: null, uitkomst: null })
    expect(outcome.changes[0]).toBe(
      'Het startniveau in de nieuwe rol is onder versie 1 niet vastgelegd; HR kan het vastleggen zolang de rol niet is begonnen.',
    )
  })

  it('afspraken of a role in voorbereiding move and wait for the teacher’s agreement', () => {
    const s = run(v1, lopend(), [
      e.orientatie,
      e.toelaten,
      e.ondersteuning,
      e.facilitering,
      e.erkenning,
    ])
    const outcome = migrated(migration.migrate(s))
    const next = outcome.next
    expect(next.context).toMatchObject({
      toegang: { method: 'selectie', skipOrientationReason: null },
      ondersteuning: { forms: ['coaching'], instemming: null, afgerondAt: null },
      facilitering: {
        hoursPerYear: 80,
        budgetSource: null,
        agreedBy: null,
        compensation: 'Taakuren',
        instemming: null,
      },
      erkenning: {
        recognitions: [{ form: 'formeel', what: null, description: null }],
        note: 'VELON.',
        instemming: null,
      },
    })
    expect(outcome.changes).toContain(
      'De afspraak over facilitering wacht nu op de instemming van de leraar.',
    )
    expect(outcome.changes).toContain(
      'De facilitering van 80 uur per jaar telt nu als uren die van de lestaak af gaan; wie ze betaalt en wie akkoord ging, is onder versie 1 niet vastgelegd (de compensatie blijft bewaard: ‘Taakuren’).',
    )
    expect(blockedReasons(v2, next, 'rol.starten')).toEqual([
      'De leraar heeft nog niet ingestemd met de afspraak over ondersteuning.',
      'De leraar heeft nog niet ingestemd met de afspraak over facilitering.',
      'De leraar heeft nog niet ingestemd met de afspraak over erkenning.',
    ])
    const agreed = run(v2, next, [
      ev('ondersteuning.instemmen'),
      ev('facilitering.instemmen'),
      ev('erkenning.instemmen'),
    ])
    expect(apply(v2, agreed, e.rol).value).toMatchObject({ lopend: { rol: 'actief' } })
  })

  it('an admission without orientation stays: version 2 asks for a reason', () => {
    expect(refused(migration.migrate(apply(v1, lopend(), e.toelaten)))).toEqual([
      'De leraar is onder versie 1 toegelaten zonder oriëntatie; versie 2 vraagt daarvoor een reden, en die is achteraf niet vast te leggen.',
      blijft,
    ])
  })

  it('a facilitering of 0 hours stays: version 2 asks for a reason', () => {
    expect(refused(migration.migrate(apply(v1, lopend(), e.nulUur)))).toEqual([
      'De facilitering is onder versie 1 afgesproken op 0 uur zonder reden; versie 2 vraagt bij 0 uur een reden. Spreek onder versie 1 eerst uren af om over te kunnen gaan.',
      blijft,
    ])
    // Once hours are agreed under version 1, it moves.
    const uren = run(v1, lopend(), [e.nulUur, e.facilitering])
    expect(migration.migrate(uren).ok).toBe(true)
  })

  it('a closed ondersteuning or an active role stays: the teacher never agreed', () => {
    const afgerond = run(v1, lopend(), [e.ondersteuning, e.ondersteuningKlaar])
    expect(refused(migration.migrate(afgerond))[0]).toBe(
      'De ondersteuning is onder versie 1 afgerond zonder dat de leraar ermee kon instemmen; versie 2 vraagt die instemming voordat de rol begint.',
    )
    const actief = run(v1, lopend(), [
      e.orientatie,
      e.toelaten,
      e.ondersteuning,
      e.facilitering,
      e.rol,
    ])
    expect(refused(migration.migrate(actief))).toEqual([
      'De rol is onder versie 1 begonnen zonder dat de leraar met de afspraken kon instemmen; versie 2 laat een rol pas beginnen na die instemming.',
      blijft,
    ])
  })

  it('closed processes stay on their version; a snapshot that does not fit version 1 stays too', () => {
    const ingetrokken = apply(v1, lopend(), ev('overgang.intrekken', {}, 'Toch niet.'))
    expect(refused(migration.migrate(ingetrokken))).toEqual([
      'Deze rolovergang is ingetrokken: afgesloten processen blijven op hun versie.',
      blijft,
    ])
    const kapot = { value: 'aangevraagd', context: { personId: 'p-lisa' } }
    expect(refused(migration.migrate(kapot))[0]).toBe(
      'Het opgeslagen proces past niet bij versie 1 van de rolovergang.',
    )
  })
})
