import { getStateNodes } from 'xstate/graph'
import { describe, expect, it } from 'vitest'
import { getMachine, machineVersions, machines } from '../../machines/index.ts'
import { rolovergang } from '../../machines/rolovergang.machine.ts'
import {
  apply,
  evaluate,
  explain,
  EventNotPossibleError,
  InvalidSnapshotError,
  restore,
  stateLabel,
} from '../../machines/runtime.ts'
import type { MachineDefinition } from '../../machines/types.ts'
import { begin, ev, run } from './helpers.ts'
import { def, input, klaarIn, nieuwTeam, werk } from './ontwikkelteam.fixtures.ts'

describe('machines index', () => {
  it('finds machines by id, the newest unless a version is asked for', () => {
    expect(getMachine('ontwikkelteam')).toBe(machines.ontwikkelteam)
    expect(getMachine('rolovergang')).toBe(machines.rolovergang)
    expect(getMachine('rolovergang', 1)).toBe(rolovergang)
    expect(getMachine('rolovergang', 2)?.version).toBe(2)
    expect(getMachine('rolovergang', 3)).toBeUndefined()
    expect(getMachine('toString')).toBeUndefined()
    expect(getMachine('nope')).toBeUndefined()
  })

  it('each machine has a version, and its events and guards match the machine exactly', () => {
    for (const m of machineVersions) {
      expect(Number.isSafeInteger(m.version) && m.version >= 1).toBe(true)
      const handled = new Set<string>()
      const used = new Set<string>()
      for (const node of getStateNodes(m.machine.root)) {
        for (const [type, transitions] of node.transitions) {
          handled.add(type)
          for (const t of transitions) if (typeof t.guard === 'string') used.add(t.guard)
        }
      }
      expect([...handled].sort()).toEqual(Object.keys(m.events).sort())
      expect([...used].sort()).toEqual(Object.keys(m.guards).sort())
    }
  })
})

describe('restore', () => {
  const team = nieuwTeam()

  it('resolves a valid snapshot, extra top-level keys ignored', () => {
    expect(restore(def, team).value).toBe('verkennen')
    expect(restore(def, { ...team, status: 'active', historyValue: {} }).value).toBe('verkennen')
  })

  it('rejects malformed stored snapshots', () => {
    const lopend = apply(
      rolovergang,
      begin(rolovergang, {
        personId: 'p',
        organisationId: 'o',
        newRole: 'coach',
        domain: 'leren-van-collegas',
        careerPath: 'vergroot-bereik',
      }),
      ev('behandeling.starten'),
    )
    const bad: [MachineDefinition, unknown][] = [
      [def, null],
      [def, 'verkennen'],
      [def, {}],
      [def, { value: 'verkennen' }],
      [def, { value: 42, context: team.context }],
      [def, { value: 'bestaat-niet', context: team.context }],
      [def, { value: { verkennen: 'x' }, context: team.context }],
      [def, { value: 'verkennen', context: {} }],
      [def, { value: 'verkennen', context: { ...team.context, cycle: 0 } }],
      [def, { value: 'verkennen', context: { ...team.context, extra: 1 } }],
      [def, { value: 'verkennen', context: { ...team.context, members: [{ personId: 'p' }] } }],
      [rolovergang, { value: { lopend: { toegang: 'open' } }, context: lopend.context }],
      [
        rolovergang,
        {
          value: { lopend: { ...(lopend.value as { lopend: object }).lopend, rol: 'x' } },
          context: lopend.context,
        },
      ],
      [rolovergang, { value: 'aangevraagd', context: team.context }],
    ]
    for (const [d, stored] of bad) {
      expect(() => restore(d, stored), JSON.stringify(stored).slice(0, 80)).toThrow(
        InvalidSnapshotError,
      )
    }
    // evaluate, apply and explain restore first, so they reject the same snapshots.
    const broken = { value: 'verkennen', context: {} }
    expect(() => evaluate(def, broken, ev('fase.volgende'))).toThrow(InvalidSnapshotError)
    expect(() => apply(def, broken, ev('fase.volgende'))).toThrow(InvalidSnapshotError)
    expect(() => explain(def, broken)).toThrow(InvalidSnapshotError)
  })
})

describe('evaluate and apply', () => {
  it('unknown event types are named', () => {
    const verdict = {
      ok: false,
      reasons: ['Onbekende gebeurtenis ‘vliegen’ voor machine ontwikkelteam.'],
    }
    expect(evaluate(def, nieuwTeam(), ev('vliegen'))).toEqual(verdict)
    expect(() => apply(def, nieuwTeam(), ev('vliegen'))).toThrow(EventNotPossibleError)
  })

  it('apply refuses what evaluate refuses, with the reasons, and leaves the input alone', () => {
    const team = nieuwTeam()
    const before = JSON.stringify(team)
    try {
      apply(def, team, ev('fase.volgende'))
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EventNotPossibleError)
      expect((error as EventNotPossibleError).reasons[0]).toBe('Het team heeft nog geen leden.')
    }
    apply(def, team, werk.verkennen[0]!)
    expect(JSON.stringify(team)).toBe(before)
  })

  it('apply stores trimmed, plain JSON', () => {
    const after = apply(def, nieuwTeam(), ev('relatie.vastleggen', { text: '  Kennen elkaar.  ' }))
    expect(after.context.relaties).toEqual([
      { text: 'Kennen elkaar.', cycle: 1, at: '2025-01-01T00:00:00.000Z' },
    ])
    expect(JSON.parse(JSON.stringify(after))).toEqual(after)
  })

  it('is deterministic: the same events give a deep-equal snapshot', () => {
    const events = [...werk.verkennen, ev('fase.volgende'), ...werk.delen]
    const a = run(def, begin(def, input), events)
    const b = run(def, begin(def, input), events)
    expect(a).toEqual(b)
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    // Restoring a stored snapshot and going on gives the same as going on directly.
    const stored = JSON.parse(JSON.stringify(klaarIn('dissemineren')))
    expect(apply(def, stored, ev('cyclus.afronden'))).toEqual(
      apply(def, klaarIn('dissemineren'), ev('cyclus.afronden')),
    )
  })
})

describe('stateLabel', () => {
  it('labels plain and parallel state values', () => {
    expect(stateLabel('verkennen')).toBe('verkennen')
    expect(
      stateLabel({
        lopend: {
          toegang: 'toegelaten',
          ondersteuning: 'open',
          facilitering: 'open',
          erkenning: 'open',
          rol: 'voorbereiding',
        },
      }),
    ).toBe(
      'lopend (toegang: toegelaten, ondersteuning: open, facilitering: open, erkenning: open, rol: voorbereiding)',
    )
  })
})
