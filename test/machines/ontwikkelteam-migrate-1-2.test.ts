import { type AnyMachineSnapshot } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { ontwikkelteamV1toV2 as migration } from '../../machines/ontwikkelteam.migrate-1-2.ts'
import { ontwikkelteam as v1 } from '../../machines/ontwikkelteam.machine.ts'
import { ontwikkelteamV2 as v2 } from '../../machines/ontwikkelteam.v2.machine.ts'
import { apply, explain, restore } from '../../machines/runtime.ts'
import { sampleEvents, sampleInput } from '../../machines/samples.ts'
import type { StoredSnapshot } from '../../machines/types.ts'
import { T0 } from './helpers.ts'

// The declared migration of the ontwikkelteam from version 1 to 2: every snapshot version 1 can
// reach either moves to a snapshot version 2 accepts (and can go on with), or stays with Dutch
// reasons; the governance of a moved team is the netwerk's, as it was.

const stored = (s: AnyMachineSnapshot): StoredSnapshot => ({ value: s.value, context: s.context })

function reachableV1(teamName: string): StoredSnapshot[] {
  const adjacency = getAdjacencyMap(v1.machine, {
    input: { ...sampleInput(v1), teamName, at: T0 },
    events: (s: AnyMachineSnapshot) => sampleEvents(v1, stored(s)),
    serializeState: (s: AnyMachineSnapshot) =>
      JSON.stringify([
        s.value,
        s.context.cycle > 1,
        (s.context.evaluaties as unknown[]).length > 0,
        s.status === 'done' ? [] : explain(v1, stored(s)),
      ]),
  })
  return Object.values(adjacency).map(({ state }) => JSON.parse(JSON.stringify(stored(state))))
}

describe('ontwikkelteam 1 → 2', () => {
  const snapshots = reachableV1('Ontwikkelteam')

  it('moves every open team without evaluations, and the moved team goes on under version 2', () => {
    let moved = 0
    for (const snapshot of snapshots) {
      const outcome = migration.migrate(snapshot)
      const open = !['afgerond', 'gestopt'].includes(String(snapshot.value))
      const evaluated = (snapshot.context['evaluaties'] as unknown[]).length > 0
      expect(outcome.ok, JSON.stringify(snapshot.value)).toBe(open && !evaluated)
      if (!outcome.ok) {
        expect(outcome.reasons.at(-1)).toBe(
          'Dit team blijft op versie 1 en loopt daar gewoon verder.',
        )
        continue
      }
      moved++
      const next = restore(v2, outcome.next)
      expect(next.value).toBe(snapshot.value)
      expect(next.context['organisationForm']).toBe('zelfregulerend-netwerk')
      expect(outcome.changes.length).toBeGreaterThan(0)
      // What was possible stays possible, but for what v2 adds or asks anew.
      const before = explain(v1, snapshot).possible
      const after = explain(v2, outcome.next).possible
      for (const type of before.filter(
        (t) => !['evaluatie.vastleggen', 'cyclus.vernieuwen'].includes(t),
      )) {
        expect(after, `${String(snapshot.value)}: ${type}`).toContain(type)
      }
      // And the team can take a next step under version 2.
      const [step] = sampleEvents(v2, outcome.next, { at: T0 })
      if (step) expect(() => apply(v2, outcome.next, step)).not.toThrow()
    }
    expect(moved).toBeGreaterThan(5)
  })

  it('is pure: the same snapshot gives the same outcome', () => {
    for (const snapshot of snapshots.slice(0, 20)) {
      expect(migration.migrate(snapshot)).toEqual(migration.migrate(snapshot))
    }
  })

  it('keeps a werkgroep on version 1: its lead was never recorded', () => {
    const [werkgroep] = reachableV1('Werkgroep')
    const outcome = migration.migrate(werkgroep!)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.reasons[0]).toContain('leidende organisatie')
  })
})
