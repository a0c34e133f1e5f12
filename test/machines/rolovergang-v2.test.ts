import { describe, expect, it } from 'vitest'
import { rolovergangV2 as def } from '../../machines/rolovergang.v2.machine.ts'
import { apply, evaluate, eventDefinition, explain } from '../../machines/runtime.ts'
import type { StoredSnapshot } from '../../machines/types.ts'
import { ruleFor } from '../../src/access/policy.ts'
import { begin, blockedReasons, ev, run } from './helpers.ts'

// Version 2 of the rolovergang as pure functions: its guards and their Dutch reasons, the
// teacher's own input and agreement, and the path from aangevraagd to afgerond.

const input = {
  personId: 'p-lisa',
  organisationId: 'org-esprit',
  newRole: 'schoolopleider',
  currentRole: 'leraar',
  domain: 'leren-van-collegas',
  careerPath: 'andere-taken-en-rollen',
}

const facilitering = { hoursPerYear: 80, budgetSource: 'school', agreedBy: 'De schoolleiding' }
const e = {
  starten: ev('behandeling.starten'),
  orientatie: ev('toegang.orientatie-starten', { note: 'Meelopen.' }),
  toelaten: ev('toegang.toelaten', { method: 'selectie', note: 'Gesprek gevoerd.' }),
  ondersteuning: ev('ondersteuning.afspreken', { forms: ['inductie', 'coaching'], note: 'Coach.' }),
  ondersteuningIn: ev('ondersteuning.instemmen'),
  ondersteuningKlaar: ev('ondersteuning.afronden'),
  facilitering: ev('facilitering.afspreken', facilitering),
  faciliteringIn: ev('facilitering.instemmen', { note: 'Goed zo.' }),
  erkenning: ev('erkenning.afspreken', {
    recognitions: [
      { form: 'formeel', what: 'registerinschrijving', description: 'VELON' },
      { form: 'informeel' },
    ],
    note: 'VELON-registratie en waardering in het team.',
  }),
  erkenningIn: ev('erkenning.instemmen'),
  verlenen: ev('erkenning.verlenen', { note: 'Geregistreerd.' }),
  rol: ev('rol.starten', { startDate: '2025-08-25' }),
  einde: ev('rol.beeindigen', { endDate: '2027-07-31', ending: 'termijn-afgelopen' }),
  afronden: ev('overgang.afronden', { outcome: 'andere-taken-en-rollen' }),
  intrekken: ev('overgang.intrekken', {}, 'Toch niet.'),
}

const aangevraagd = (): StoredSnapshot => begin(def, input)
const lopend = (): StoredSnapshot => apply(def, aangevraagd(), e.starten)
const toegelaten = (): StoredSnapshot => run(def, lopend(), [e.orientatie, e.toelaten])
const afgesproken = (): StoredSnapshot =>
  run(def, toegelaten(), [e.ondersteuning, e.facilitering, e.erkenning])
const ingestemd = (): StoredSnapshot =>
  run(def, afgesproken(), [e.ondersteuningIn, e.faciliteringIn, e.erkenningIn])
const actief = (): StoredSnapshot => apply(def, ingestemd(), e.rol)

describe('rolovergang v2', () => {
  it('is version 2 of the rolovergang; every event has a Dutch label and where it applies', () => {
    expect([def.id, def.version]).toEqual(['rolovergang', 2])
    for (const [type, event] of Object.entries(def.events)) {
      expect(event.label, type).toMatch(/^[A-Z].*\.$/)
      expect(event.when, type).toMatch(/^in /)
    }
  })

  it('starts aangevraagd with the v1 body; the start level is beginner again unless given', () => {
    const s = aangevraagd()
    expect(s.value).toBe('aangevraagd')
    expect(s.context).toMatchObject({ ...input, startniveau: { level: 'startend', note: null } })
    expect(begin(def, { ...input, startLevel: 'ervaren' }).context.startniveau).toMatchObject({
      level: 'ervaren',
    })
    expect(() => begin(def, { ...input, startLevel: 'goeroe' })).toThrow()
    expect(explain(def, s).possible).toEqual([
      'behandeling.starten',
      'inbreng.vastleggen',
      'startniveau.vastleggen',
      'toegang.afwijzen',
      'overgang.intrekken',
    ])
  })

  it('the teacher sends their own input and agreements; HR the rest; the teacher may withdraw', () => {
    const teacher = Object.entries(def.rules)
      .filter(([, rule]) => rule.action === 'rolovergang.leraar')
      .map(([type]) => type)
    expect(teacher).toEqual([
      'inbreng.vastleggen',
      'ondersteuning.instemmen',
      'facilitering.instemmen',
      'erkenning.instemmen',
    ])
    expect(def.rules['overgang.intrekken'].action).toBe('rolovergang.intrekken')
    expect(ruleFor('teacher', 'rolovergang.leraar')).toBe('self')
    expect(ruleFor('hr', 'rolovergang.leraar')).toBeUndefined()
    expect(ruleFor('admin', 'rolovergang.leraar')).toBeUndefined()
  })

  it('motives and leervraag: recorded, and replaced when revised', () => {
    const first = apply(def, aangevraagd(), ev('inbreng.vastleggen', { motieven: 'Groeien.' }))
    expect(first.context.inbreng).toMatchObject({ motieven: 'Groeien.', leervraag: null })
    const revised = apply(
      def,
      apply(def, first, e.starten),
      ev('inbreng.vastleggen', { leervraag: 'Hoe coach ik?' }),
    )
    expect(revised.context.inbreng).toMatchObject({ motieven: null, leervraag: 'Hoe coach ik?' })
    expect(evaluate(def, first, ev('inbreng.vastleggen', {}))).toEqual({
      ok: false,
      reasons: [
        'De gegevens bij ‘inbreng.vastleggen’ kloppen niet (leervraag: Schrijf uw motieven, uw leervraag of allebei op.).',
      ],
    })
  })

  it('toelaten straight from open needs a reason to skip the orientation', () => {
    expect(evaluate(def, lopend(), e.toelaten)).toEqual({
      ok: false,
      reasons: [
        'De leraar heeft zich nog niet op de nieuwe rol georiënteerd: begin eerst de oriëntatie, of geef een reden om die over te slaan.',
      ],
    })
    const skip = ev('toegang.toelaten', {
      method: 'benoeming',
      note: 'Benoemd.',
      skipOrientationReason: 'Al jaren werkplekbegeleider.',
    })
    const s = apply(def, lopend(), skip)
    expect(s.value).toMatchObject({ lopend: { toegang: 'toegelaten' } })
    expect(s.context.toegang).toMatchObject({
      skipOrientationReason: 'Al jaren werkplekbegeleider.',
    })
    const naOrientatie = apply(def, lopend(), e.orientatie)
    expect(evaluate(def, naOrientatie, skip)).toEqual({
      ok: false,
      reasons: [
        'De leraar heeft zich al op de rol georiënteerd: laat de reden om de oriëntatie over te slaan leeg.',
      ],
    })
    expect(toegelaten().context.toegang).toMatchObject({ skipOrientationReason: null })
  })

  it('facilitering in workload terms: 0 hours needs a reason, and someone who agreed', () => {
    const nul = { ...facilitering, hoursPerYear: 0 }
    expect(evaluate(def, lopend(), ev('facilitering.afspreken', nul))).toEqual({
      ok: false,
      reasons: [
        'Bij 0 uur facilitering is een reden verplicht: een nieuwe rol mag de werkdruk niet zomaar verhogen. Zeg waarom er geen uren van de lestaak af gaan.',
      ],
    })
    const metReden = ev('facilitering.afspreken', {
      ...nul,
      zeroHoursReason: 'Vervangt de mentortaak.',
    })
    expect(apply(def, lopend(), metReden).context.facilitering).toMatchObject({
      hoursPerYear: 0,
      zeroHoursReason: 'Vervangt de mentortaak.',
      budgetSource: 'school',
      agreedBy: 'De schoolleiding',
      instemming: null,
    })
    const teVeel = ev('facilitering.afspreken', { ...facilitering, zeroHoursReason: 'Geen.' })
    expect(evaluate(def, lopend(), teVeel)).toEqual({
      ok: false,
      reasons: ['Een reden voor 0 uur hoort alleen bij een facilitering van 0 uur; laat die leeg.'],
    })
    const schema = eventDefinition(def, 'facilitering.afspreken')!.payload
    expect(schema.safeParse({ hoursPerYear: 10, budgetSource: 'school' }).success).toBe(false)
    expect(
      schema.safeParse({ hoursPerYear: 10, budgetSource: 'school', agreedByPersonId: 'p-1' })
        .success,
    ).toBe(true)
    expect(schema.safeParse({ ...facilitering, budgetSource: 'loterij' }).success).toBe(false)
  })

  it('erkenning has one or more forms; formal and salary ones say what they are', () => {
    expect(afgesproken().context.erkenning).toMatchObject({
      recognitions: [
        { form: 'formeel', what: 'registerinschrijving', description: 'VELON' },
        { form: 'informeel', what: null, description: null },
      ],
    })
    const schema = eventDefinition(def, 'erkenning.afspreken')!.payload
    expect(schema.safeParse({ recognitions: [], note: 'x' }).success).toBe(false)
    expect(schema.safeParse({ recognitions: [{ form: 'salaris' }], note: 'x' }).success).toBe(false)
    const dubbel = [{ form: 'informeel' }, { form: 'informeel' }]
    expect(schema.safeParse({ recognitions: dubbel, note: 'x' }).success).toBe(false)
  })

  it('rol.starten needs admission and the teacher’s agreement to every afspraak', () => {
    expect(blockedReasons(def, lopend(), 'rol.starten')).toEqual([
      'De toegang is nog niet geregeld: de leraar is nog niet toegelaten.',
      'De ondersteuning is nog niet afgesproken.',
      'De facilitering is nog niet afgesproken.',
      'De erkenning is nog niet afgesproken.',
    ])
    expect(blockedReasons(def, afgesproken(), 'rol.starten')).toEqual([
      'De leraar heeft nog niet ingestemd met de afspraak over ondersteuning.',
      'De leraar heeft nog niet ingestemd met de afspraak over facilitering.',
      'De leraar heeft nog niet ingestemd met de afspraak over erkenning.',
    ])
    expect(evaluate(def, ingestemd(), e.rol)).toEqual({ ok: true })
    expect(actief().context.rol).toEqual({
      startDate: '2025-08-25',
      at: '2025-01-01T00:00:00.000Z',
    })
  })

  it('a revised afspraak needs the teacher’s agreement again', () => {
    const s = ingestemd()
    expect(s.context.facilitering).toMatchObject({ instemming: { note: 'Goed zo.' } })
    const revised = apply(
      def,
      s,
      ev('facilitering.afspreken', { ...facilitering, hoursPerYear: 60 }),
    )
    expect(revised.value).toMatchObject({ lopend: { facilitering: 'afgesproken' } })
    expect(revised.context.facilitering).toMatchObject({ hoursPerYear: 60, instemming: null })
    expect(blockedReasons(def, revised, 'rol.starten')).toEqual([
      'De leraar heeft nog niet ingestemd met de afspraak over facilitering.',
    ])
    expect(blockedReasons(def, s, 'facilitering.instemmen')?.[0]).toMatch(
      /^‘facilitering.instemmen’ kan alleen in lopend, als er een afspraak over facilitering op uw instemming wacht; /,
    )
    // After the role started a revision waits for agreement too, and closing needs it.
    const later = run(def, actief(), [
      e.ondersteuningKlaar,
      e.verlenen,
      ev('facilitering.afspreken', { ...facilitering, hoursPerYear: 40 }),
    ])
    expect(blockedReasons(def, later, 'overgang.afronden')).toEqual([
      'De leraar heeft nog niet ingestemd met de afspraak over facilitering.',
    ])
  })

  it('ondersteuning knows inductie and is closed only after the teacher agreed to it', () => {
    const s = apply(def, lopend(), e.ondersteuning)
    expect(s.context.ondersteuning).toMatchObject({ forms: ['inductie', 'coaching'] })
    expect(blockedReasons(def, s, 'ondersteuning.afronden')?.[0]).toMatch(
      /^‘ondersteuning.afronden’ kan alleen in lopend, als de leraar met de ondersteuning heeft ingestemd; /,
    )
    expect(apply(def, s, e.ondersteuningIn).value).toMatchObject({
      lopend: { ondersteuning: 'ingestemd' },
    })
  })

  it('levels: the start level until the role starts, the level reached once it has', () => {
    const s = apply(def, lopend(), ev('startniveau.vastleggen', { level: 'in-opleiding' }))
    expect(s.context.startniveau).toMatchObject({ level: 'in-opleiding' })
    expect(blockedReasons(def, s, 'niveau.vastleggen')?.[0]).toMatch(/als de rol is begonnen/)
    const bereikt = apply(
      def,
      actief(),
      ev('niveau.vastleggen', { level: 'ervaren', note: 'Na een jaar.' }),
    )
    expect(bereikt.context.bereiktNiveau).toMatchObject({ level: 'ervaren', note: 'Na een jaar.' })
    expect(blockedReasons(def, actief(), 'startniveau.vastleggen')?.[0]).toMatch(
      /zolang de rol in voorbereiding is/,
    )
  })

  it('rol.beeindigen ends the role with its end date, apart from withdrawal', () => {
    const vroeg = ev('rol.beeindigen', { endDate: '2025-08-01', ending: 'anders' })
    expect(evaluate(def, actief(), vroeg)).toEqual({
      ok: false,
      reasons: ['De einddatum (2025-08-01) ligt vóór de startdatum van de rol (2025-08-25).'],
    })
    const s = apply(def, actief(), e.einde)
    expect(s.value).toMatchObject({ lopend: { rol: 'beeindigd' } })
    expect(def.statusOf(s)).toBe('actief')
    expect(s.context.rolEinde).toMatchObject({ endDate: '2027-07-31', ending: 'termijn-afgelopen' })
    const ingetrokken = apply(def, s, e.intrekken)
    expect(ingetrokken.value).toBe('ingetrokken')
    expect(ingetrokken.context.intrekking).toMatchObject({ reason: 'Toch niet.' })
  })

  it('closing needs an outcome in the categories HR counts', () => {
    const klaar = run(def, actief(), [e.ondersteuningKlaar, e.verlenen])
    const zonder = evaluate(def, klaar, ev('overgang.afronden', {}))
    expect(zonder.ok).toBe(false)
    expect(!zonder.ok && zonder.reasons[0]).toContain(
      'outcome: Kies wat de leraar na de rolovergang doet; kies ‘onbekend’ als dat niet bekend is.',
    )
    expect(evaluate(def, klaar, ev('overgang.afronden', { outcome: 'weg' })).ok).toBe(false)
    expect(blockedReasons(def, lopend(), 'overgang.afronden')).toEqual([
      'De leraar is nog niet begonnen in de nieuwe rol (schoolopleider).',
      'De ondersteuning is nog niet afgerond.',
      'De facilitering is nog niet afgesproken.',
      'De erkenning is nog niet verleend.',
    ])
  })

  it('happy path: aangevraagd to afgerond via a role that ended; then nothing is possible', () => {
    const done = run(def, aangevraagd(), [
      ev('inbreng.vastleggen', { motieven: 'Groeien.', leervraag: 'Hoe coach ik?' }),
      e.starten,
      e.orientatie,
      e.toelaten,
      e.ondersteuning,
      e.facilitering,
      e.erkenning,
      e.ondersteuningIn,
      e.faciliteringIn,
      e.erkenningIn,
      e.rol,
      e.ondersteuningKlaar,
      e.verlenen,
      ev('niveau.vastleggen', { level: 'ervaren' }),
      e.einde,
      ev('overgang.afronden', { outcome: 'hybride', note: 'Ook instituutsopleider.' }),
    ])
    expect(done.value).toBe('afgerond')
    expect(def.statusOf(done)).toBe('afgerond')
    expect(done.context.uitkomst).toEqual({
      outcome: 'hybride',
      note: 'Ook instituutsopleider.',
      at: '2025-01-01T00:00:00.000Z',
    })
    expect(def.context.safeParse(done.context).success).toBe(true)
    const after = explain(def, done)
    expect(after.possible).toEqual([])
    expect(after.blocked[0]?.reasons).toEqual([
      'Het proces is afgerond; er kan niets meer gebeuren.',
    ])
  })
})
