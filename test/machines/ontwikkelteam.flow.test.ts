import { describe, expect, it } from 'vitest'
import { apply, evaluate, explain, EventNotPossibleError } from '../../machines/runtime.ts'
import { phases } from '../../machines/vocabulary.ts'
import { begin, blockedReasons, ev, run } from './helpers.ts'
import {
  ESPRIT,
  HVA,
  def,
  input,
  klaarIn,
  nieuwTeam,
  teamIn,
  werk,
} from './ontwikkelteam.fixtures.ts'

const pauzeer = ev('pauzeren', {}, 'Zomervakantie')

describe('ontwikkelteam start', () => {
  it('starts in verkennen, cycle 1, actief, with the organisations named', () => {
    const team = nieuwTeam()
    expect(team.value).toBe('verkennen')
    expect(team.context).toMatchObject({
      pilotId: 'pilot-1',
      cycle: 1,
      organisationIds: [ESPRIT, HVA],
      organisations: input.organisations,
      members: [],
      pauze: null,
      gedeeldeAmbitie: null,
      ontwerp: null,
    })
    expect(def.statusOf(team)).toBe('actief')
  })

  it('rejects input without organisations, with duplicates or unknown keys', () => {
    const bad = [
      { ...input, organisations: [] },
      { ...input, organisations: [input.organisations[0], input.organisations[0]] },
      { ...input, extra: true },
      { teamName: 'x', organisations: input.organisations },
    ]
    for (const b of bad) expect(() => begin(def, b)).toThrow()
  })
})

describe('ontwikkelteam explain', () => {
  it('in a new team: what can be recorded in verkennen, and why the rest cannot', () => {
    const explanation = explain(def, nieuwTeam())
    expect(explanation.possible).toEqual([
      'lid.toevoegen',
      'ambitie.vastleggen',
      'belang.vastleggen',
      'relatie.vastleggen',
      'pauzeren',
      'stoppen',
    ])
    const reasons = Object.fromEntries(explanation.blocked.map((b) => [b.type, b.reasons]))
    expect(reasons['gedeelde-ambitie.formuleren']).toEqual([
      '‘gedeelde-ambitie.formuleren’ kan alleen in de fase delen; het team is nu in fase verkennen.',
    ])
    expect(reasons['fase.terug']).toEqual([
      '‘fase.terug’ kan alleen in de fasen delen tot en met dissemineren; het team is nu in fase verkennen.',
    ])
    expect(reasons['hervatten']).toEqual(['Het team is niet gepauzeerd.'])
    expect(reasons['lid.verwijderen']).toEqual(['Het team heeft nog geen leden.'])
  })

  it('names the phase an event belongs to when the team is elsewhere', () => {
    expect(evaluate(def, teamIn('delen'), werk.verkennen[1]!)).toEqual({
      ok: false,
      reasons: [
        '‘ambitie.vastleggen’ kan alleen in de fase verkennen; het team is nu in fase delen.',
      ],
    })
    expect(blockedReasons(def, teamIn('dissemineren'), 'fase.volgende')).toEqual([
      '‘fase.volgende’ kan alleen in de fasen verkennen tot en met evalueren; het team is nu in fase dissemineren.',
    ])
  })

  it('in every phase, every event that is not possible has a Dutch reason', () => {
    for (const phase of phases) {
      const explanation = explain(def, teamIn(phase))
      expect(explanation.possible.length + explanation.blocked.length).toBe(
        Object.keys(def.events).length,
      )
      for (const { reasons } of explanation.blocked) {
        expect(reasons.length).toBeGreaterThan(0)
        for (const reason of reasons) expect(reason).toMatch(/^\S.*\.$/)
      }
      for (const type of ['lid.toevoegen', 'pauzeren', 'stoppen']) {
        expect(explanation.possible).toContain(type)
      }
    }
  })

  it('when paused only hervatten and stoppen are possible', () => {
    const paused = apply(def, teamIn('vormgeven'), pauzeer)
    expect(def.statusOf(paused)).toBe('gepauzeerd')
    expect(paused.context.pauze).toEqual({
      reason: 'Zomervakantie',
      at: '2025-01-01T00:00:00.000Z',
    })
    const explanation = explain(def, paused)
    expect(explanation.possible).toEqual(['hervatten', 'stoppen'])
    const pauseReason = 'Het team is gepauzeerd (reden: Zomervakantie); hervat eerst.'
    for (const type of [
      'lid.toevoegen',
      'ontwerp.vastleggen',
      'fase.volgende',
      'fase.terug',
      'pauzeren',
    ]) {
      expect(blockedReasons(def, paused, type)).toContain(pauseReason)
    }
    expect(blockedReasons(def, paused, 'ambitie.vastleggen')?.[0]).toMatch(
      /kan alleen in de fase verkennen; het team is nu in fase vormgeven \(gepauzeerd\)\.$/,
    )
    expect(() => apply(def, paused, werk.vormgeven[0]!)).toThrow(EventNotPossibleError)
    const resumed = apply(def, paused, ev('hervatten'))
    expect(def.statusOf(resumed)).toBe('actief')
    expect(resumed.context.pauze).toBeNull()
  })

  it('a final team allows nothing', () => {
    const afgerond = apply(def, klaarIn('dissemineren'), ev('cyclus.afronden'))
    expect(def.statusOf(afgerond)).toBe('afgerond')
    const explanation = explain(def, afgerond)
    expect(explanation.possible).toEqual([])
    for (const b of explanation.blocked) {
      expect(b.reasons).toEqual(['Het proces is afgerond; er kan niets meer gebeuren.'])
    }
    const gestopt = apply(def, nieuwTeam(), ev('stoppen', {}, 'Geen budget'))
    expect(blockedReasons(def, gestopt, 'hervatten')).toEqual([
      'Het proces is gestopt; er kan niets meer gebeuren.',
    ])
  })
})

describe('ontwikkelteam moves', () => {
  it('fase.terug goes back one phase with its reason on record', () => {
    const steps: [string, string][] = [
      ['delen', 'verkennen'],
      ['overeenkomen', 'delen'],
      ['vormgeven', 'overeenkomen'],
      ['uitvoeren', 'vormgeven'],
      ['evalueren', 'uitvoeren'],
      ['dissemineren', 'evalueren'],
    ]
    for (const [from, to] of steps) {
      const after = apply(def, teamIn(from as never), ev('fase.terug', {}, 'Opnieuw bekijken'))
      expect(after.value).toBe(to)
      expect(after.context.terugstappen).toEqual([
        { from, to, reason: 'Opnieuw bekijken', cycle: 1, at: '2025-01-01T00:00:00.000Z' },
      ])
    }
    expect(evaluate(def, teamIn('delen'), ev('fase.terug'))).toEqual({
      ok: false,
      reasons: ['Bij ‘fase.terug’ is een reden verplicht.'],
    })
  })

  it('pauzeren and stoppen need a reason; stoppen works while paused', () => {
    expect(evaluate(def, nieuwTeam(), ev('pauzeren', {}, '  '))).toEqual({
      ok: false,
      reasons: ['Bij ‘pauzeren’ is een reden verplicht.'],
    })
    const paused = apply(def, nieuwTeam(), pauzeer)
    const gestopt = apply(def, paused, ev('stoppen', {}, 'Team valt uiteen'))
    expect(gestopt.value).toBe('gestopt')
    expect(def.statusOf(gestopt)).toBe('gestopt')
    expect(gestopt.context.gestopt).toEqual({
      reason: 'Team valt uiteen',
      at: '2025-01-01T00:00:00.000Z',
    })
  })

  it('cyclus.vernieuwen starts cycle 2 in verkennen; cycle 1 records no longer count', () => {
    const klaar = klaarIn('dissemineren')
    const renewed = apply(def, klaar, ev('cyclus.vernieuwen', {}, null, '2025-07-01T00:00:00.000Z'))
    expect(renewed.value).toBe('verkennen')
    expect(renewed.context.cycle).toBe(2)
    expect(renewed.context.gedeeldeAmbitie).toBeNull()
    expect(renewed.context.ontwerp).toBeNull()
    expect(renewed.context.vorigeCycli).toEqual([
      {
        cycle: 1,
        gedeeldeAmbitie: klaar.context.gedeeldeAmbitie,
        ontwerp: klaar.context.ontwerp,
        vernieuwdAt: '2025-07-01T00:00:00.000Z',
      },
    ])
    expect(renewed.context.ambities).toHaveLength(2)
    expect(blockedReasons(def, renewed, 'fase.volgende')).toEqual([
      'Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
      'Nog niet alle deelnemende organisaties hebben een belang vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
    ])
    // Walk cycle 2 to dissemineren: last cycle's results do not count.
    const cycle2 = run(def, renewed, [
      ...werk.verkennen.slice(1),
      ev('fase.volgende'),
      ...werk.delen,
      ev('fase.volgende'),
      ...werk.overeenkomen,
      ev('fase.volgende'),
      ...werk.vormgeven,
      ev('fase.volgende'),
      ...werk.uitvoeren,
      ev('fase.volgende'),
      ...werk.evalueren,
      ev('fase.volgende'),
    ])
    expect(cycle2.value).toBe('dissemineren')
    expect(blockedReasons(def, cycle2, 'cyclus.afronden')).toEqual([
      'De resultaten zijn nog niet gedeeld met: gemeente, scholen, lerarenopleidingen.',
    ])
    const done = apply(def, run(def, cycle2, werk.dissemineren), ev('cyclus.afronden'))
    expect(done.value).toBe('afgerond')
    expect(done.context.resultaten).toHaveLength(6)
    expect(new Set((done.context.resultaten as { cycle: number }[]).map((r) => r.cycle))).toEqual(
      new Set([1, 2]),
    )
  })

  it('happy path: through all seven phases to afgerond', () => {
    let team = nieuwTeam()
    const seen: unknown[] = [team.value]
    for (const phase of phases) {
      team = run(def, team, werk[phase])
      team = apply(def, team, ev(phase === 'dissemineren' ? 'cyclus.afronden' : 'fase.volgende'))
      seen.push(team.value)
    }
    expect(seen).toEqual([...phases, 'afgerond'])
    expect(team.context.afgerondAt).toBe('2025-01-01T00:00:00.000Z')
    expect(def.statusOf(team)).toBe('afgerond')
  })
})
