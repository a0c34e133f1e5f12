import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  budgetSourceLabels,
  outcomeLabels,
  roleEndingLabels,
} from '../../machines/rolovergang.v2.vocabulary.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { parseForms, withOverrides } from '../support/html-forms.ts'
import { uiWorld } from './support/fixtures.ts'
import type { UiWorld } from './support/fixtures.ts'
import { Browser } from './support/session.ts'
import { transitionsV2 } from './transition-v2.world.ts'
import type { TransitionsV2 } from './transition-v2.world.ts'
import { idsAndKeysIn, plain } from './transition-v2.text.ts'

// The transition page of a rolovergang of version 2 says everything it recorded in Dutch, to HR
// and to the teacher, each with their own forms; one of version 1 still shows as before.

describe('the transition page, version 2 and version 1 (sqlite)', () => {
  let db: TestDatabase
  let world: UiWorld
  let ids: TransitionsV2

  const as = async (token: string) => {
    const browser = new Browser(world.admin.app)
    await browser.login(token)
    return browser
  }
  /** A page's text outside its diagram (which draws the definition, with its event names). */
  const page = async (token: string, path: string) => {
    const res = await (await as(token)).get(path)
    expect(res.status, path).toBe(200)
    return { html: res.text, text: plain(res.text) }
  }
  /** The form of `type` on a page, as a browser would submit it, with `overrides`. */
  const formOf = (html: string, type: string, overrides: Record<string, string> = {}) => {
    const form = parseForms(html, 'http://localhost/').find((f) =>
      f.fields.some(([name, value]) => name === 'type' && value === type),
    )
    if (!form) throw new Error(`no form for ${type}`)
    const fields: Record<string, string[]> = {}
    for (const [name, value] of withOverrides(form.fields, overrides)) {
      if (name !== '_csrf') fields[name] = [...(fields[name] ?? []), value]
    }
    return { path: new URL(form.action).pathname, fields }
  }

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-08-20T08:00:00.000Z'))
    world = await uiWorld(db.store)
    ids = await transitionsV2(db.store, world)
    vi.setSystemTime(new Date('2026-12-02T09:00:00.000Z'))
  }, 60_000)
  afterAll(async () => {
    vi.useRealTimers()
    await db?.cleanup()
  })

  it('shows HR a closed version 2 transition completely, in Dutch', async () => {
    const { text } = await page(world.hrToken, `/transitions/${ids.complete}`)
    for (const expected of [
      'Procesversie 2.',
      'Niveau in het domein Leren van collega’s',
      'Startniveau in de nieuwe rol Startend — Nieuw als opleider.',
      'Bereikt niveau Ervaren',
      'Motieven Ik wil collega’s helpen groeien.',
      'Leervraag Hoe begeleid ik studenten op de werkplek?',
      'Oriëntatie Begonnen op 20 augustus 2026. Twee dagen meelopen.',
      'Manier van toelaten Selectie',
      'Inductie: een inwerkperiode in de nieuwe rol',
      'De leraar heeft ingestemd op 20 augustus 2026. Toelichting: Graag zo.',
      'Van de lestaak af 80 uur per jaar',
      `Wie betaalt de uren ${budgetSourceLabels.opleidingsschool}`,
      'Akkoord gegeven door De schoolleiding (Hanna Hofman)',
      'Formeel (een standaard of certificaat): een inschrijving in een beroepsregister — VELON-registratie',
      'In salaris: een (hogere) salarisschaal',
      'Informeel (door collega’s en leidinggevenden)',
      'Verleend op',
      'Begonnen op 1 september 2026',
      'met ingang van 1 september 2026',
      'Geëindigd op 31 juli 2027',
      `Waarom ${roleEndingLabels['termijn-afgelopen']}`,
      `Wat de leraar na de rolovergang doet ${outcomeLabels.hybride}`,
    ])
      expect(text).toContain(expected)
    expect(text.match(/De leraar heeft ingestemd/g)).toHaveLength(3)
    expect(text).not.toContain('Wacht op instemming')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('speaks to the teacher on her own page, and names only whom she may see', async () => {
    const { text } = await page(world.teacherToken, `/transitions/${ids.complete}`)
    expect(text).toContain('Uw motieven en leervraag')
    expect(text.match(/U hebt ingestemd op/g)).toHaveLength(3)
    // She may not read the HR adviser's person record: the function that agreed is enough.
    expect(text).toContain('Akkoord gegeven door De schoolleiding Afgesproken op')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('says every event of the whole history in Dutch', async () => {
    const { text } = await page(world.hrToken, `/transitions/${ids.complete}?geschiedenis=alles`)
    for (const expected of [
      'Motieven en leervraag vastleggen',
      'Instemmen met de facilitering',
      'Uren per jaar van de lestaak af 80',
      `Wie betaalt de uren? ${budgetSourceLabels.opleidingsschool}`,
      'Of: de persoon die akkoord ging Hanna Hofman',
      'Rol beëindigen',
      'Einddatum van de rol 31 juli 2027',
      `Wat doet de leraar na de rolovergang? ${outcomeLabels.hybride}`,
    ])
      expect(text).toContain(expected)
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('shows what waits for the teacher, the skipped orientation and the reason for 0 hours', async () => {
    const { text } = await page(world.hrToken, `/transitions/${ids.waiting}`)
    expect(text).toContain('Oriëntatie Overgeslagen. Reden: Zat al twee jaar in de MR.')
    expect(text).toContain('Van de lestaak af 0 uur per jaar')
    expect(text).toContain('Reden voor 0 uur De vergaderingen vallen in de taakuren.')
    expect(text.match(/Wacht op instemming van de leraar\./g)).toHaveLength(2)
    expect(text).toContain('wacht op instemming van de leraar (ondersteuning, facilitering)')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('gives HR its own forms only, and the teacher hers', async () => {
    const hr = await page(world.hrToken, `/transitions/${ids.waiting}`)
    expect(hr.html).toContain('id="form-erkenning-afspreken"')
    expect(hr.html).not.toContain('id="form-ondersteuning-instemmen"')
    expect(hr.html).not.toContain('id="form-inbreng-vastleggen"')
    const teacher = await page(world.teacherToken, `/transitions/${ids.waiting}`)
    expect(teacher.text).toContain('Wacht op uw instemming.')
    // Her status in plain words, not "actief".
    expect(teacher.text).toMatch(/Status: actief · Wacht op u: instemmen met de afspraak over de/)
    for (const own of ['ondersteuning-instemmen', 'facilitering-instemmen', 'inbreng-vastleggen'])
      expect(teacher.html).toContain(`id="form-${own}"`)
    for (const hrs of ['erkenning-afspreken', 'facilitering-afspreken', 'rol-starten'])
      expect(teacher.html).not.toContain(`id="form-${hrs}"`)
  })

  it('lets the teacher record her motives and agree through her own forms, and not HR', async () => {
    const teacher = await as(world.teacherToken)
    const path = `/transitions/${ids.waiting}`
    const inbreng = formOf((await teacher.get(path)).text, 'inbreng.vastleggen', {
      'payload.leervraag': 'Hoe vertegenwoordig ik collega’s?',
    })
    expect((await teacher.post(inbreng.path, inbreng.fields)).status).toBe(303)
    const agree = formOf((await teacher.get(path)).text, 'ondersteuning.instemmen')
    expect((await teacher.post(agree.path, agree.fields)).status).toBe(303)
    const after = plain((await teacher.get(path)).text)
    expect(after).toContain('Leervraag Hoe vertegenwoordig ik collega’s?')
    expect(after).toContain('U hebt ingestemd op 2 december 2026.')

    const hr = await as(world.hrToken)
    const html = (await hr.get(path)).text
    const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? ''
    const res = await hr.post(`${path}/events`, { type: 'facilitering.instemmen', version })
    expect(res.status).toBe(403)
  })

  it('puts the problem beside the field, and a refusal above the form', async () => {
    const hr = await as(world.hrToken)
    const path = `/transitions/${ids.waiting}`
    const html = (await hr.get(path)).text
    // One required row of erkenning, two optional ones, every option in Dutch.
    expect(html).toContain('Erkenning 2<span class="optional"> (niet verplicht)</span>')
    expect(html).toContain('>Een inschrijving in een beroepsregister</option>')
    // Who agreed is picked by name, from the people of the role's organisation.
    expect(html).toMatch(/name="payload\.agreedByPersonId"[^]*?>Hanna Hofman<\/option>/)
    const erkenning = formOf(html, 'erkenning.afspreken', {
      'payload.recognitions.0.form': 'formeel',
      'payload.note': 'Formeel erkend.',
    })
    const bad = await hr.post(erkenning.path, erkenning.fields)
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(
      /id="form-erkenning-afspreken-recognitions-0-what-fout"><span class="visually-hidden">Fout: <\/span>Zeg bij formele erkenning en bij erkenning in salaris wat het is\./,
    )
    const facilitering = formOf(html, 'facilitering.afspreken', {
      'payload.hoursPerYear': '0',
      'payload.budgetSource': 'school',
      'payload.agreedBy': 'De MR',
    })
    const refused = await hr.post(facilitering.path, facilitering.fields)
    expect(refused.status).toBe(422)
    expect(plain(refused.text)).toContain('Bij 0 uur facilitering is een reden verplicht')
  })

  it('shows a version 1 transition as before, with a note on its rules', async () => {
    const { text, html } = await page(world.hrToken, `/transitions/${ids.v1}`)
    expect(text).toContain('Procesversie 1. Deze rolovergang volgt de eerdere regels')
    expect(text).toContain('Uren per jaar 120 Compensatie Taakuren uit het opleidingsbudget')
    expect(text).toContain('Vorm van erkenning Formeel (standaard of certificaat)')
    expect(text).toContain('Facilitering afgesproken')
    for (const v2Only of [
      'Niveau in het domein',
      'Wacht op instemming',
      'ingestemd',
      'Wie betaalt',
    ])
      expect(text).not.toContain(v2Only)
    // Its forms are version 1's, and they still work.
    expect(html).toContain('name="payload.compensation"')
    const hr = await as(world.hrToken)
    const form = (await hr.get(`/transitions/${ids.v1}`)).text
    const start = formOf(form, 'ondersteuning.afspreken', {
      'payload.forms': 'begeleiding',
      'payload.note': 'Begeleiding door de decaan.',
    })
    expect((await hr.post(start.path, start.fields)).status).toBe(303)
    expect(plain((await hr.get(`/transitions/${ids.v1}`)).text)).toContain(
      'Ondersteuning afgesproken',
    )
  })

  it('shows a transition migrated from version 1: what version 1 did not record, and the move', async () => {
    const { text } = await page(world.hrToken, `/transitions/${ids.migrated}?geschiedenis=alles`)
    expect(text).toContain('Procesversie 2 (overgezet van procesversie 1 op 1 december 2026).')
    expect(text).toContain(
      'Startniveau in de nieuwe rol Niet vastgelegd: de rolovergang begon onder procesversie 1.',
    )
    expect(text).toContain(
      'Wie betaalt de uren Niet vastgelegd: deze afspraak is gemaakt onder procesversie 1.',
    )
    expect(text).toContain(
      'Compensatie (vastgelegd onder procesversie 1) Een uur per week minder les',
    )
    expect(text).toContain(
      'Formeel (een standaard of certificaat) (wat het is, is onder procesversie 1 niet vastgelegd)',
    )
    expect(text.match(/Wacht op instemming van de leraar\./g)).toHaveLength(3)
    // The move itself, in the history.
    expect(text).toContain('Overgezet naar een nieuwe procesversie')
    expect(text).toContain('Van procesversie 1 Naar procesversie 2 Wat er verandert')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('lists each transition’s status in plain words, and the version where it differs', async () => {
    const { html } = await page(world.hrToken, '/transitions')
    const row = (role: string) => {
      const found = html.split('<tr>').find((r) => r.includes(`<td>${role}</td>`))
      if (!found) throw new Error(`no row for ${role}`)
      return plain(found)
    }
    expect(row('mr-lid')).toContain('wacht op instemming van de leraar (facilitering)')
    expect(row('mr-lid')).not.toContain('procesversie')
    expect(row('schoolopleider')).toContain('afgerond')
    expect(row('decaan')).toContain('procesversie 1 (de eerdere regels)')
    expect(row('decaan')).toContain('afgesproken')
  })
})
