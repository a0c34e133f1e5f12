import { describe, expect, it } from 'vitest'
import { apply, evaluate } from '../../machines/runtime.ts'
import { ev, run, blockedReasons } from './helpers.ts'
import {
  ESPRIT,
  HVA,
  def,
  klaarIn,
  nieuwTeam,
  scores,
  teamIn,
  werk,
} from './ontwikkelteam.fixtures.ts'

const volgende = ev('fase.volgende')

describe('ontwikkelteam guards on fase.volgende', () => {
  it('verkennen needs a member and an ambitie and belang of every organisation', () => {
    expect(evaluate(def, nieuwTeam(), volgende)).toEqual({
      ok: false,
      reasons: [
        'Het team heeft nog geen leden.',
        'Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
        'Nog niet alle deelnemende organisaties hebben een belang vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
      ],
    })
    const half = run(def, nieuwTeam(), werk.verkennen.slice(0, 2))
    expect(blockedReasons(def, half, 'fase.volgende')).toEqual([
      'Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: Hogeschool van Amsterdam.',
      'Nog niet alle deelnemende organisaties hebben een belang vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
    ])
    expect(evaluate(def, klaarIn('verkennen'), volgende)).toEqual({ ok: true })
    expect(apply(def, klaarIn('verkennen'), volgende).value).toBe('delen')
  })

  it('delen needs a gedeelde ambitie onderschreven by every organisation', () => {
    const delen = teamIn('delen')
    expect(blockedReasons(def, delen, 'fase.volgende')).toEqual([
      'Er is nog geen gedeelde ambitie geformuleerd.',
    ])
    const half = run(def, delen, werk.delen.slice(0, 2))
    expect(blockedReasons(def, half, 'fase.volgende')).toEqual([
      'Nog niet alle deelnemende organisaties hebben de gedeelde ambitie onderschreven: Hogeschool van Amsterdam.',
    ])
    expect(apply(def, klaarIn('delen'), volgende).value).toBe('overeenkomen')
  })

  it('overeenkomen needs an oplossing with an expertise source', () => {
    const overeenkomen = teamIn('overeenkomen')
    expect(blockedReasons(def, overeenkomen, 'fase.volgende')).toEqual([
      'Er is nog geen oplossing vastgelegd.',
    ])
    const zonder = apply(
      def,
      overeenkomen,
      ev('oplossing.vastleggen', { text: 'Iets', expertise: [] }),
    )
    expect(blockedReasons(def, zonder, 'fase.volgende')).toEqual([
      'Er is nog geen oplossing met een expertisebron vastgelegd.',
    ])
    expect(apply(def, klaarIn('overeenkomen'), volgende).value).toBe('vormgeven')
  })

  it('vormgeven needs an ontwerp with akkoord of every organisation', () => {
    const vormgeven = teamIn('vormgeven')
    expect(blockedReasons(def, vormgeven, 'fase.volgende')).toEqual([
      'Er is nog geen ontwerp vastgelegd.',
    ])
    const half = run(def, vormgeven, werk.vormgeven.slice(0, 2))
    expect(blockedReasons(def, half, 'fase.volgende')).toEqual([
      'Nog niet alle deelnemende organisaties hebben akkoord gegeven op het ontwerp: Hogeschool van Amsterdam.',
    ])
    expect(apply(def, klaarIn('vormgeven'), volgende).value).toBe('uitvoeren')
  })

  it('uitvoeren needs an activiteit', () => {
    expect(blockedReasons(def, teamIn('uitvoeren'), 'fase.volgende')).toEqual([
      'Er is nog geen activiteit vastgelegd.',
    ])
    expect(apply(def, klaarIn('uitvoeren'), volgende).value).toBe('evalueren')
  })

  it('evalueren needs all four niveaus, and names the missing ones', () => {
    expect(blockedReasons(def, teamIn('evalueren'), 'fase.volgende')).toEqual([
      'Nog niet alle niveaus zijn geëvalueerd: doelstellingen, samenwerking, organisatievorm, opbrengst.',
    ])
    const half = run(def, teamIn('evalueren'), werk.evalueren.slice(0, 2))
    expect(blockedReasons(def, half, 'fase.volgende')).toEqual([
      'Nog niet alle niveaus zijn geëvalueerd: organisatievorm, opbrengst.',
    ])
    expect(apply(def, klaarIn('evalueren'), volgende).value).toBe('dissemineren')
  })

  it('leaving dissemineren needs results shared with all three partners', () => {
    const dissemineren = run(def, teamIn('dissemineren'), werk.dissemineren.slice(0, 1))
    const reason = 'De resultaten zijn nog niet gedeeld met: scholen, lerarenopleidingen.'
    expect(blockedReasons(def, dissemineren, 'cyclus.afronden')).toEqual([reason])
    expect(blockedReasons(def, dissemineren, 'cyclus.vernieuwen')).toEqual([reason])
    expect(apply(def, klaarIn('dissemineren'), ev('cyclus.afronden')).value).toBe('afgerond')
  })
})

describe('ontwikkelteam guards on recording events', () => {
  it('lid.toevoegen needs a participating organisation and a new person', () => {
    const team = klaarIn('verkennen')
    const lid = (personId: string, organisationId: string) =>
      ev('lid.toevoegen', { personId, role: 'leraar', organisationId })
    expect(evaluate(def, team, lid('p-bram', 'org-vu'))).toEqual({
      ok: false,
      reasons: ['De organisatie ‘org-vu’ neemt niet deel aan dit ontwikkelteam.'],
    })
    expect(evaluate(def, team, lid('p-anna', HVA))).toEqual({
      ok: false,
      reasons: ['Persoon ‘p-anna’ is al lid van het team.'],
    })
    const after = apply(def, team, lid('p-bram', HVA))
    expect(after.context.members).toContainEqual({
      personId: 'p-bram',
      role: 'leraar',
      organisationId: HVA,
      since: '2025-01-01T00:00:00.000Z',
    })
  })

  it('lid.toevoegen rejects a role outside the team roles', () => {
    const verdict = evaluate(
      def,
      nieuwTeam(),
      ev('lid.toevoegen', { personId: 'p', role: 'directeur', organisationId: ESPRIT }),
    )
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && verdict.reasons[0]).toMatch(
      /^De gegevens bij ‘lid.toevoegen’ kloppen niet \(role: /,
    )
  })

  it('lid.verwijderen needs members, and the person must be one', () => {
    expect(blockedReasons(def, nieuwTeam(), 'lid.verwijderen')).toEqual([
      'Het team heeft nog geen leden.',
    ])
    const team = klaarIn('verkennen')
    expect(evaluate(def, team, ev('lid.verwijderen', { personId: 'p-zoe' }))).toEqual({
      ok: false,
      reasons: ['Persoon ‘p-zoe’ is geen lid van het team.'],
    })
    const after = apply(def, team, ev('lid.verwijderen', { personId: 'p-anna' }))
    expect(after.context.members).toEqual([])
    expect(blockedReasons(def, after, 'fase.volgende')).toEqual(['Het team heeft nog geen leden.'])
  })

  it('ambitie and belang only for a participating organisation', () => {
    for (const type of ['ambitie.vastleggen', 'belang.vastleggen']) {
      expect(
        evaluate(def, nieuwTeam(), ev(type, { organisationId: 'org-x', text: 'Iets' })),
      ).toEqual({
        ok: false,
        reasons: ['De organisatie ‘org-x’ neemt niet deel aan dit ontwikkelteam.'],
      })
    }
  })

  it('onderschrijven needs a gedeelde ambitie, a participating organisation, once each', () => {
    const delen = teamIn('delen')
    const onderschrijf = (organisationId: string) =>
      ev('gedeelde-ambitie.onderschrijven', { organisationId })
    expect(blockedReasons(def, delen, 'gedeelde-ambitie.onderschrijven')).toEqual([
      'Er is nog geen gedeelde ambitie geformuleerd.',
    ])
    const half = run(def, delen, werk.delen.slice(0, 2))
    expect(evaluate(def, half, onderschrijf(ESPRIT))).toEqual({
      ok: false,
      reasons: ['Esprit Scholen heeft de gedeelde ambitie al onderschreven.'],
    })
    expect(evaluate(def, half, onderschrijf('org-x'))).toEqual({
      ok: false,
      reasons: ['De organisatie ‘org-x’ neemt niet deel aan dit ontwikkelteam.'],
    })
    expect(blockedReasons(def, klaarIn('delen'), 'gedeelde-ambitie.onderschrijven')).toEqual([
      'Alle deelnemende organisaties hebben de gedeelde ambitie al onderschreven.',
    ])
  })

  it('a new formulation of the gedeelde ambitie resets the endorsements', () => {
    const after = apply(
      def,
      klaarIn('delen'),
      ev('gedeelde-ambitie.formuleren', { text: 'Anders.' }),
    )
    expect(after.context.gedeeldeAmbitie).toMatchObject({ text: 'Anders.', onderschrevenDoor: [] })
    expect(blockedReasons(def, after, 'fase.volgende')).toEqual([
      'Nog niet alle deelnemende organisaties hebben de gedeelde ambitie onderschreven: Esprit Scholen, Hogeschool van Amsterdam.',
    ])
  })

  it('akkoord needs an ontwerp, once per organisation; a new ontwerp resets akkoorden', () => {
    const vormgeven = teamIn('vormgeven')
    expect(blockedReasons(def, vormgeven, 'ontwerp.akkoord')).toEqual([
      'Er is nog geen ontwerp vastgelegd.',
    ])
    const half = run(def, vormgeven, werk.vormgeven.slice(0, 2))
    expect(evaluate(def, half, ev('ontwerp.akkoord', { organisationId: ESPRIT }))).toEqual({
      ok: false,
      reasons: ['Esprit Scholen heeft al akkoord gegeven op het ontwerp.'],
    })
    expect(blockedReasons(def, klaarIn('vormgeven'), 'ontwerp.akkoord')).toEqual([
      'Alle deelnemende organisaties hebben al akkoord gegeven op het ontwerp.',
    ])
    const nieuw = apply(def, klaarIn('vormgeven'), werk.vormgeven[0]!)
    expect(nieuw.context.ontwerp).toMatchObject({ akkoorden: [] })
    expect(blockedReasons(def, nieuw, 'fase.volgende')?.[0]).toMatch(
      /Esprit Scholen, Hogeschool van Amsterdam\.$/,
    )
  })

  it('evaluatie: scores only with samenwerking, each an integer 1–5', () => {
    const evalueren = teamIn('evalueren')
    const bad = [
      { level: 'opbrengst', judgement: 'Goed.', scores },
      { level: 'samenwerking', judgement: 'Goed.', scores: { ...scores, relaties: 6 } },
      { level: 'samenwerking', judgement: 'Goed.', scores: { ...scores, relaties: 2.5 } },
      { level: 'onbekend', judgement: 'Goed.' },
    ]
    for (const payload of bad) {
      expect(def.events['evaluatie.vastleggen']!.payload.safeParse(payload).success).toBe(false)
      expect(evaluate(def, evalueren, ev('evaluatie.vastleggen', payload)).ok).toBe(false)
    }
    const ok = apply(
      def,
      evalueren,
      ev('evaluatie.vastleggen', { level: 'samenwerking', judgement: 'Ok.' }),
    )
    expect(ok.context.evaluaties).toEqual([
      {
        level: 'samenwerking',
        judgement: 'Ok.',
        scores: null,
        cycle: 1,
        at: '2025-01-01T00:00:00.000Z',
      },
    ])
  })

  it('payloads reject unknown keys and empty or too long texts', () => {
    const team = nieuwTeam()
    const payloads = [{ text: 'Iets', extra: 1 }, { text: '   ' }, { text: 'x'.repeat(5001) }]
    for (const payload of payloads) {
      expect(evaluate(def, team, ev('relatie.vastleggen', payload)).ok).toBe(false)
    }
    expect(evaluate(def, team, ev('relatie.vastleggen', { text: 'x'.repeat(5000) })).ok).toBe(true)
  })
})
