import { describe, expect, it } from 'vitest'
import { rolovergang as def } from '../../machines/rolovergang.machine.ts'
import { apply, evaluate, eventDefinition, explain } from '../../machines/runtime.ts'
import type { StoredSnapshot } from '../../machines/types.ts'
import { begin, blockedReasons, ev, run } from './helpers.ts'

const input = {
  personId: 'p-lisa',
  organisationId: 'org-esprit',
  newRole: 'schoolopleider',
  currentRole: 'leraar',
  domain: 'leren-van-collegas',
  careerPath: 'andere-taken-en-rollen',
}

const e = {
  starten: ev('behandeling.starten'),
  orientatie: ev('toegang.orientatie-starten', { note: 'Meelopen.' }),
  toelaten: ev('toegang.toelaten', { method: 'selectie', note: 'Gesprek gevoerd.' }),
  afwijzen: ev('toegang.afwijzen', {}, 'Geen plek.'),
  ondersteuning: ev('ondersteuning.afspreken', { forms: ['coaching', 'scholing'], note: 'Coach.' }),
  ondersteuningKlaar: ev('ondersteuning.afronden'),
  facilitering: ev('facilitering.afspreken', { hoursPerYear: 80, compensation: 'Taakuren' }),
  erkenning: ev('erkenning.afspreken', { form: 'formeel', note: 'VELON.' }),
  verlenen: ev('erkenning.verlenen', { note: 'Geregistreerd.' }),
  rol: ev('rol.starten', { startDate: '2025-08-25' }),
  afronden: ev('overgang.afronden'),
  intrekken: ev('overgang.intrekken', {}, 'Toch niet.'),
}

const aangevraagd = (): StoredSnapshot => begin(def, input)
const lopend = (): StoredSnapshot => apply(def, aangevraagd(), e.starten)
const actief = (): StoredSnapshot =>
  run(def, lopend(), [e.toelaten, e.ondersteuning, e.facilitering, e.erkenning, e.rol])

describe('rolovergang', () => {
  it('starts aangevraagd with its input; currentRole may be left out', () => {
    const s = aangevraagd()
    expect(s.value).toBe('aangevraagd')
    expect(s.context).toMatchObject({ ...input, toegang: null, rol: null })
    expect(def.statusOf(s)).toBe('actief')
    const { currentRole: _, ...zonder } = input
    expect(begin(def, zonder).context.currentRole).toBeNull()
    expect(() => begin(def, { ...input, domain: 'sport' })).toThrow()
    expect(() => begin(def, { ...input, careerPath: 'weg' })).toThrow()
  })

  it('in aangevraagd only starting, rejecting and withdrawing are possible', () => {
    const explanation = explain(def, aangevraagd())
    expect(explanation.possible).toEqual([
      'behandeling.starten',
      'toegang.afwijzen',
      'overgang.intrekken',
    ])
    expect(blockedReasons(def, aangevraagd(), 'toegang.toelaten')).toEqual([
      '‘toegang.toelaten’ kan alleen in lopend, zolang de toegang open is of in oriëntatie; de rolovergang is nu in toestand aangevraagd.',
    ])
  })

  it('behandeling.starten opens every region', () => {
    expect(lopend().value).toEqual({
      lopend: {
        toegang: 'open',
        ondersteuning: 'open',
        facilitering: 'open',
        erkenning: 'open',
        rol: 'voorbereiding',
      },
    })
    expect(explain(def, lopend()).possible).toEqual([
      'toegang.orientatie-starten',
      'toegang.toelaten',
      'toegang.afwijzen',
      'ondersteuning.afspreken',
      'facilitering.afspreken',
      'erkenning.afspreken',
      'overgang.intrekken',
    ])
  })

  it('toegang: orientation first or straight in; no way back', () => {
    const orientatie = apply(def, lopend(), e.orientatie)
    expect(orientatie.value).toMatchObject({ lopend: { toegang: 'orientatie' } })
    expect(blockedReasons(def, orientatie, 'toegang.orientatie-starten')?.[0]).toMatch(
      /^‘toegang.orientatie-starten’ kan alleen in lopend, zolang de toegang open is; de rolovergang is nu in toestand lopend \(toegang: orientatie, ondersteuning: open, facilitering: open, erkenning: open, rol: voorbereiding\)\.$/,
    )
    const toegelaten = apply(def, orientatie, e.toelaten)
    expect(toegelaten.context.toegang).toEqual({
      method: 'selectie',
      note: 'Gesprek gevoerd.',
      at: '2025-01-01T00:00:00.000Z',
    })
    expect(apply(def, lopend(), e.toelaten).value).toMatchObject({
      lopend: { toegang: 'toegelaten' },
    })
    expect(blockedReasons(def, toegelaten, 'toegang.afwijzen')?.[0]).toMatch(
      /^‘toegang.afwijzen’ kan alleen in aangevraagd, of in lopend zolang de leraar nog niet is toegelaten; /,
    )
  })

  it('toegang.afwijzen from aangevraagd, open or orientatie ends it, with a reason', () => {
    for (const from of [aangevraagd(), lopend(), apply(def, lopend(), e.orientatie)]) {
      const s = apply(def, from, e.afwijzen)
      expect(s.value).toBe('afgewezen')
      expect(def.statusOf(s)).toBe('afgewezen')
      expect(s.context.afwijzing).toEqual({ reason: 'Geen plek.', at: '2025-01-01T00:00:00.000Z' })
    }
    expect(evaluate(def, lopend(), ev('toegang.afwijzen'))).toEqual({
      ok: false,
      reasons: ['Bij ‘toegang.afwijzen’ is een reden verplicht.'],
    })
  })

  it('rol.starten names every question that is not settled', () => {
    expect(blockedReasons(def, lopend(), 'rol.starten')).toEqual([
      'De toegang is nog niet geregeld: de leraar is nog niet toegelaten.',
      'De facilitering is nog niet afgesproken.',
      'De ondersteuning is nog niet afgesproken.',
    ])
    expect(
      blockedReasons(def, run(def, lopend(), [e.toelaten, e.ondersteuning]), 'rol.starten'),
    ).toEqual(['De facilitering is nog niet afgesproken.'])
    const afgerond = run(def, lopend(), [
      e.toelaten,
      e.ondersteuning,
      e.ondersteuningKlaar,
      e.facilitering,
    ])
    expect(evaluate(def, afgerond, e.rol)).toEqual({ ok: true })
    expect(actief().value).toMatchObject({ lopend: { rol: 'actief' } })
    expect(actief().context.rol).toEqual({
      startDate: '2025-08-25',
      at: '2025-01-01T00:00:00.000Z',
    })
  })

  it('erkenning.verlenen needs an agreement and the role actief', () => {
    expect(blockedReasons(def, lopend(), 'erkenning.verlenen')?.[0]).toMatch(
      /^‘erkenning.verlenen’ kan alleen in lopend, als de erkenning is afgesproken; /,
    )
    const afgesproken = apply(def, lopend(), e.erkenning)
    expect(blockedReasons(def, afgesproken, 'erkenning.verlenen')).toEqual([
      'De leraar is nog niet begonnen in de nieuwe rol (schoolopleider).',
    ])
    const verleend = apply(def, actief(), e.verlenen)
    expect(verleend.value).toMatchObject({ lopend: { erkenning: 'verleend' } })
  })

  it('overgang.afronden needs the role actief, ondersteuning afgerond and erkenning verleend', () => {
    expect(blockedReasons(def, lopend(), 'overgang.afronden')).toEqual([
      'De leraar is nog niet begonnen in de nieuwe rol (schoolopleider).',
      'De ondersteuning is nog niet afgerond.',
      'De erkenning is nog niet verleend.',
    ])
    expect(blockedReasons(def, actief(), 'overgang.afronden')).toEqual([
      'De ondersteuning is nog niet afgerond.',
      'De erkenning is nog niet verleend.',
    ])
  })

  it('agreements may be revised until they are completed', () => {
    const twice = run(def, lopend(), [
      e.facilitering,
      ev('facilitering.afspreken', { hoursPerYear: 100, compensation: 'Uren', note: 'Meer.' }),
    ])
    expect(twice.context.facilitering).toMatchObject({ hoursPerYear: 100, note: 'Meer.' })
    const klaar = run(def, lopend(), [e.ondersteuning, e.ondersteuningKlaar])
    expect(blockedReasons(def, klaar, 'ondersteuning.afspreken')?.[0]).toMatch(
      /zolang de ondersteuning niet is afgerond/,
    )
  })

  it('rejects invalid payloads', () => {
    const bad: [string, Record<string, unknown>][] = [
      ['ondersteuning.afspreken', { forms: [], note: 'x' }],
      ['ondersteuning.afspreken', { forms: ['coaching', 'coaching'], note: 'x' }],
      ['ondersteuning.afspreken', { forms: ['massage'], note: 'x' }],
      ['facilitering.afspreken', { hoursPerYear: 2001, compensation: 'x' }],
      ['facilitering.afspreken', { hoursPerYear: -1, compensation: 'x' }],
      ['toegang.toelaten', { method: 'loting', note: 'x' }],
      ['erkenning.afspreken', { form: 'medaille', note: 'x' }],
      ['rol.starten', { startDate: '25-08-2025' }],
      ['toegang.afwijzen', { reden: 'x' }],
    ]
    for (const [type, payload] of bad) {
      expect(eventDefinition(def, type)!.payload.safeParse(payload).success, type).toBe(false)
    }
  })

  it('overgang.intrekken from aangevraagd or lopend, with a reason', () => {
    for (const from of [aangevraagd(), lopend(), actief()]) {
      const s = apply(def, from, e.intrekken)
      expect(s.value).toBe('ingetrokken')
      expect(def.statusOf(s)).toBe('ingetrokken')
      expect(s.context.intrekking).toEqual({ reason: 'Toch niet.', at: '2025-01-01T00:00:00.000Z' })
    }
  })

  it('happy path: aangevraagd to afgerond; then nothing is possible', () => {
    const done = run(def, aangevraagd(), [
      e.starten,
      e.orientatie,
      e.toelaten,
      e.ondersteuning,
      e.facilitering,
      e.erkenning,
      e.rol,
      e.ondersteuningKlaar,
      e.verlenen,
      e.afronden,
    ])
    expect(done.value).toBe('afgerond')
    expect(def.statusOf(done)).toBe('afgerond')
    expect(done.context.afgerondAt).toBe('2025-01-01T00:00:00.000Z')
    const explanation = explain(def, done)
    expect(explanation.possible).toEqual([])
    expect(explanation.blocked[0]?.reasons).toEqual([
      'Het proces is afgerond; er kan niets meer gebeuren.',
    ])
  })
})
