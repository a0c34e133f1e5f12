import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getMachine } from '../../machines/index.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import { ADMIN } from '../audit/support.ts'
import { denktankAimLabels, denktankAims } from '../../machines/ontwikkelteam.v2.vocabulary.ts'
import { freshDatabase } from '../support/db.ts'
import type { TestDatabase } from '../support/db.ts'
import { Browser } from './support/session.ts'
import { leergangV2 } from './team-v2.world.ts'
import type { LeergangV2 } from './team-v2.world.ts'
import { formHtml, formOf, idsAndKeysIn, optionsOf } from './team-v2.text.ts'
import { plain } from './transition-v2.text.ts'

// The team page of an ontwikkelteam of version 2, as the lead of a leiderorganisatie and beheer
// see it: governance, budget, places and participants, consultations, evaluations, the cycles side
// by side, "stilgevallen", reopening a stopped team; everything in Dutch, no ids or keys.

describe('the team page of a leergang (version 2, sqlite)', () => {
  let db: TestDatabase
  let evaluated: TestDatabase
  let world: LeergangV2
  /** A second leergang in its first cycle, every level evaluated. */
  let inEvaluation: LeergangV2

  const as = async (w: LeergangV2, token: string) => {
    const browser = new Browser(w.admin.app)
    await browser.login(token)
    return browser
  }
  const page = async (browser: Browser, path: string, status = 200) => {
    const res = await browser.get(path)
    expect(res.status, `${path}: ${plain(res.text).slice(0, 400)}`).toBe(status)
    return { html: res.text, text: plain(res.text) }
  }
  const teamPath = () => `/teams/${world.ids.team}`

  beforeAll(async () => {
    db = await freshDatabase('sqlite')
    world = await leergangV2(db.store)
    evaluated = await freshDatabase('sqlite')
    inEvaluation = await leergangV2(evaluated.store, { stopAt: 'evalueren', daysAgo: 100 })
  }, 120_000)
  afterAll(async () => {
    await db?.cleanup()
    await evaluated?.cleanup()
  })

  it('shows the organisation form, the lead, places and budget, and the team as stilgevallen', async () => {
    const lead = await as(world, world.tokens.lead)
    const { text } = await page(lead, teamPath())
    expect(text).toContain('Organisatievorm: Leiderorganisatie')
    expect(text).toContain('Leidende organisatie: Amstelscholen Academie')
    expect(text).toContain('0 van 15 plaatsen gevuld')
    expect(text).toContain('Begroot € 25.000 Uitgegeven € 0 Saldo € 25.000')
    // The renewal was 99 days ago and nothing happened since.
    expect(text).toMatch(/Status: actief\s*stilgevallen/)
    expect(text).toContain('Vastgelegd in cyclus 2')
    expect(idsAndKeysIn(text)).toEqual([])
    // The pilot's team list says so too.
    const pilot = await page(lead, `/pilots/${world.ids.pilot}`)
    expect(pilot.text).toMatch(/Werkgroep\s*actief\s*stilgevallen/)
    // A team in the other world, busy a while ago but not 30 days, is not.
    const other = await as(inEvaluation, inEvaluation.tokens.lead)
    expect((await page(other, `/teams/${inEvaluation.ids.team}`)).text).not.toContain(
      'stilgevallen',
    )
  })

  it('enrols a participant chosen by name, and lists her with organisation, leervraag and status', async () => {
    const lead = await as(world, world.tokens.lead)
    const before = await page(lead, teamPath())
    const people = optionsOf(before.html, 'deelnemer.inschrijven', 'payload.personId')
    const label = [...people.keys()].find((l) => l.startsWith('Noor'))
    expect(label).toBe('Noor Bakker — Amstel Lyceum')
    const orgs = optionsOf(before.html, 'deelnemer.inschrijven', 'payload.organisationId')
    const form = formOf(before.html, 'deelnemer.inschrijven', {
      'payload.personId': people.get(label ?? '') ?? '',
      'payload.organisationId': orgs.get('Amstel Lyceum') ?? '',
      'payload.leervraag': 'Hoe begin ik een leerteam op mijn school?',
    })
    const res = await lead.post(form.path, form.fields)
    expect(res.status, plain(res.text).slice(0, 400)).toBe(303)
    const after = await page(lead, res.res.headers.get('location') ?? '')
    expect(after.text).toContain('Gelukt: deelnemer inschrijven.')
    expect(after.text).toContain('1 van 15 plaatsen gevuld')
    expect(after.text).toMatch(
      /Noor Bakker \(Amstel Lyceum\) — Ingeschreven\s*Leervraag: Hoe begin ik een leerteam op mijn school\?/,
    )
    // Something happened today: no longer stilgevallen.
    expect(after.text).not.toContain('stilgevallen')
    expect(idsAndKeysIn(after.text)).toEqual([])
  })

  it('books an expense in euros and shows the line and the balance', async () => {
    const lead = await as(world, world.tokens.lead)
    const before = await page(lead, teamPath())
    const form = formOf(before.html, 'uitgave.boeken', {
      'payload.description': 'Drukwerk werving',
      'payload.amountCents': '45050',
      'payload.date': new Date().toISOString().slice(0, 10),
    })
    expect((await lead.post(form.path, form.fields)).status).toBe(303)
    const { text } = await page(lead, teamPath())
    expect(text).toContain('Begroot € 25.000 Uitgegeven € 450,50 Saldo € 24.549,50')
    expect(text).toMatch(/Drukwerk werving — € 450,50/)
    // In the history too, in euros.
    expect(text).toContain('Bedrag in eurocent (€ 1.250 is 125000) € 450,50')
  })

  it('books an expense past the balance only with the reason the form offers for it', async () => {
    const lead = await as(world, world.tokens.lead)
    const before = await page(lead, teamPath())
    expect(formHtml(before.html, 'uitgave.boeken')).toContain('Reden (als dat nodig is)')
    const expense = {
      'payload.description': 'Extra trainer',
      'payload.amountCents': '3000000',
      'payload.date': new Date().toISOString().slice(0, 10),
    }
    const refused = await lead.post(
      formOf(before.html, 'uitgave.boeken', expense).path,
      formOf(before.html, 'uitgave.boeken', expense).fields,
    )
    expect(refused.status).toBe(422)
    expect(plain(refused.text)).toContain('geef een reden om haar toch te boeken')
    // The same form again, with what was filled in and a reason.
    const form = formOf(refused.text, 'uitgave.boeken', {
      ...expense,
      reason: 'Door het bestuur goedgekeurd',
    })
    expect((await lead.post(form.path, form.fields)).status).toBe(303)
    const { text } = await page(lead, teamPath())
    expect(text).toMatch(/Extra trainer — € 30\.000/)
  })

  it('compares the cycles side by side: partners, evaluation with names, days per phase, participants, budget', async () => {
    const lead = await as(world, world.tokens.lead)
    const { html, text } = await page(lead, teamPath())
    const table = plain(
      /<section aria-labelledby="cycli">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '',
    )
    expect(table).toContain('Cycli vergelijken')
    expect(table).toContain('Onderdeel Cyclus 1 Cyclus 2 (nu)')
    expect(table).toContain('Nieuw: Zuidas School')
    expect(table).toContain('Een leergang waarin leraren leren leiden vanuit de klas.')
    expect(table).toContain('Aandacht voor persoonlijke relaties: 5')
    expect(table).toContain('Doelen van de denktank: 3 van 6 behaald')
    expect(table).toContain('Door Marloes Hendriks met Lotte van Amstel (Leraar in Amsterdam)')
    expect(table).toContain('Duur uitvoeren 60 dagen')
    expect(table).toContain('Duur verkennen 10 dagen')
    expect(table).toMatch(
      /Deelnemers 2 van 15 plaatsen gevuld 0 ingeschreven, 2 afgerond, 1 teruggetrokken 1 van 15 plaatsen gevuld/,
    )
    expect(table).toContain('Uitgegeven € 1.250 van € 25.000')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('shows consultations per organisation, and what the next step waits for and on whom', async () => {
    // Cycle 2 to delen: every partner's ambitie and belang, then a new shared ambition.
    const hr = world.admin.as(world.tokens.hr)
    const leadApi = world.admin.as(world.tokens.lead)
    const { academie, lyceum, college, zuidas } = world.ids
    const send = async (by: typeof hr, type: string, payload: object = {}) => {
      const res = await by.post(`/api/v1/instances/${world.ids.team}/events`, { type, payload })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    for (const organisationId of [academie, lyceum, college, zuidas]) {
      await send(hr, 'ambitie.vastleggen', { organisationId, text: 'Verder groeien.' })
      await send(hr, 'belang.vastleggen', { organisationId, text: 'Leraren behouden.' })
    }
    await send(leadApi, 'fase.volgende')
    await send(leadApi, 'gedeelde-ambitie.formuleren', { text: 'Leiderschap in elke school.' })
    const lead = await as(world, world.tokens.lead)
    const before = await page(lead, teamPath())
    expect(
      optionsOf(before.html, 'raadpleging.vastleggen', 'payload.subject').get(
        'De gedeelde ambitie',
      ),
    ).toBe('gedeelde-ambitie')
    // The lead does not consult itself: the others are offered.
    expect([
      ...optionsOf(before.html, 'raadpleging.vastleggen', 'payload.organisationId').keys(),
    ]).toEqual(['Amstel Lyceum', 'Grachtencollege', 'Zuidas School'])
    const form = formOf(before.html, 'raadpleging.vastleggen', {
      'payload.organisationId': lyceum,
      'payload.subject': 'gedeelde-ambitie',
      'payload.text': 'Het lyceum steunt dit, mits na de toetsweek.',
    })
    expect((await lead.post(form.path, form.fields)).status).toBe(303)
    const { text } = await page(lead, teamPath())
    expect(text).toContain(
      'Raadplegingen over de gedeelde ambitie Amstel Lyceum: Het lyceum steunt dit, mits na de toetsweek. Grachtencollege: nog niet geraadpleegd Zuidas School: nog niet geraadpleegd',
    )
    expect(text).toContain('Waarom kan ik niet door?')
    expect(text).toContain(
      'Amstelscholen Academie beslist over de gedeelde ambitie nadat zij de andere organisaties heeft geraadpleegd; leg nog vast wat deze vonden: Grachtencollege, Zuidas School.',
    )
    expect(text).toContain('Onderschreven door: nog niemand — nog niet: Amstelscholen Academie')
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('shows the evaluations with scores, aims, evaluators and Leraar in Amsterdam by name', async () => {
    const lead = await as(inEvaluation, inEvaluation.tokens.lead)
    const { html, text } = await page(lead, `/teams/${inEvaluation.ids.team}`)
    expect(text).toContain('Aandacht voor persoonlijke relaties 5 van 5')
    expect(text).toContain(`${denktankAimLabels['heel-amsterdam']}: Niet behaald`)
    expect(text).toContain(
      `${denktankAimLabels.samenwerking}: Deels behaald — Het college haakte later aan.`,
    )
    expect(text).toContain(
      'Geëvalueerd door Marloes Hendriks, met Lotte van Amstel van Leraar in Amsterdam',
    )
    // The evaluation form offers team members and people by name, aims and outcomes in Dutch.
    expect([
      ...optionsOf(html, 'evaluatie.vastleggen', 'payload.leraarInAmsterdamPersonId').keys(),
    ]).toContain('Marloes Hendriks — Amstelscholen Academie')
    expect(plain(formHtml(html, 'evaluatie.vastleggen'))).toContain(
      'Wie van het team evalueerde? Marloes Hendriks (Coördinator) Kees Brouwer (Leraar)',
    )
    expect([...optionsOf(html, 'evaluatie.vastleggen', 'payload.aims.5.aim').keys()]).toEqual(
      denktankAims.map((a) => denktankAimLabels[a]),
    )
    expect([...optionsOf(html, 'evaluatie.vastleggen', 'payload.aims.0.outcome').keys()]).toEqual([
      'Behaald',
      'Deels behaald',
      'Niet behaald',
    ])
    expect([...optionsOf(html, 'evaluatie.vastleggen', 'payload.level').keys()]).toEqual([
      'Doelstellingen',
      'Samenwerking',
      'Organisatievorm',
      'Opbrengst',
    ])
    expect(idsAndKeysIn(text)).toEqual([])
  })

  it('records the denktank aims through the form: a row for each of the six', async () => {
    const lead = await as(inEvaluation, inEvaluation.tokens.lead)
    const path = `/teams/${inEvaluation.ids.team}`
    const before = await page(lead, path)
    const overrides: Record<string, string> = {
      'payload.level': 'doelstellingen',
      'payload.judgement': 'Alle doelen opnieuw bekeken met de scholen en de academie.',
      'payload.evaluatorIds': inEvaluation.ids.lead,
      'payload.leraarInAmsterdamPersonId': inEvaluation.ids.lia,
    }
    for (const [i, aim] of denktankAims.entries()) {
      overrides[`payload.aims.${String(i)}.aim`] = aim
      overrides[`payload.aims.${String(i)}.outcome`] = i === 3 ? 'deels' : 'behaald'
    }
    const form = formOf(before.html, 'evaluatie.vastleggen', overrides)
    const res = await lead.post(form.path, form.fields)
    expect(res.status, plain(res.text).slice(0, 600)).toBe(303)
    const { text } = await page(lead, path)
    expect(text).toContain('Alle doelen opnieuw bekeken met de scholen en de academie.')
    expect(text).toContain(`${denktankAimLabels['heel-amsterdam']}: Deels behaald`)
    // A level without aims sends none, though the form has their rows.
    const again = formOf((await page(lead, path)).html, 'evaluatie.vastleggen', {
      ...overrides,
      'payload.level': 'opbrengst',
      'payload.judgement': 'De opbrengst is groter dan we vooraf dachten, vooral op de scholen.',
      ...Object.fromEntries(
        denktankAims.flatMap((_, i) => [
          [`payload.aims.${String(i)}.aim`, ''],
          [`payload.aims.${String(i)}.outcome`, ''],
        ]),
      ),
    })
    expect((await lead.post(again.path, again.fields)).status).toBe(303)
    expect((await page(lead, path)).text).toContain('De opbrengst is groter dan we vooraf dachten')
  })

  it('lets beheer reopen a stopped team with a reason; a member gets no such form', async () => {
    const team = inEvaluation.ids.team
    const stop = await inEvaluation.admin.post(`/api/v1/instances/${team}/events`, {
      type: 'stoppen',
      reason: 'Per ongeluk gestopt.',
    })
    expect(stop.status, JSON.stringify(stop.body)).toBe(200)
    const lead = await as(inEvaluation, inEvaluation.tokens.lead)
    const seen = await page(lead, `/teams/${team}`)
    expect(seen.text).toContain('Gestopt op')
    expect(seen.html).not.toContain('value="heropenen"')
    const admin = await as(inEvaluation, inEvaluation.tokens.admin)
    const before = await page(admin, `/teams/${team}`)
    expect(before.text).toContain('Team heropenen')
    expect(before.text).toContain('Heropen het gestopte team in de fase waarin het stopte.')
    const empty = formOf(before.html, 'heropenen', { reason: '' })
    const refused = await admin.post(empty.path, empty.fields)
    expect(refused.status).toBe(400)
    expect(plain(refused.text)).toContain('Geef een reden op.')
    const form = formOf(before.html, 'heropenen', { reason: 'Stop was een vergissing.' })
    const done = await admin.post(form.path, form.fields)
    expect(done.status).toBe(303)
    const { text } = await page(admin, done.res.headers.get('location') ?? '')
    expect(text).toContain('Gelukt: team heropenen.')
    expect(text).toContain('Cyclus 1 · fase 6 van 7: Evalueren')
    expect(text).toContain('Reden: Stop was een vergissing.')
  })

  it('still shows a team of version 1 as before, marked, with its own forms and its cycles', async () => {
    const v1 = getMachine('ontwikkelteam', 1)
    if (!v1) throw new Error('ontwikkelteam version 1 is not registered')
    const { academie, lyceum } = world.ids
    const organisations = [
      { id: academie, name: 'Amstelscholen Academie' },
      { id: lyceum, name: 'Amstel Lyceum' },
    ]
    const id = await commit(db.store, ADMIN, async (w) => {
      const created = await createInstance(w, v1, {
        title: 'Oude werkgroep',
        pilotId: world.ids.pilot,
        personId: null,
        organisationIds: [academie, lyceum],
        input: { pilotId: world.ids.pilot, teamName: 'Oude werkgroep', organisations },
      })
      return created.instance.id
    })
    const admin = await as(world, world.tokens.admin)
    const { html, text } = await page(admin, `/teams/${id}`)
    expect(text).toContain('Status: actief · Procesversie 1')
    expect(text).toContain('Cycli vergelijken')
    expect(text).toContain('Dit team loopt op procesversie 1')
    expect(html).toContain('value="lid.toevoegen"')
    // Version 2's own events and records are not offered to a team of version 1.
    expect(html).not.toContain('value="deelnemer.inschrijven"')
    expect(text).not.toContain('Organisatievorm')
    expect(text).not.toContain('De gegevens van dit team kunnen niet worden getoond')
    expect(idsAndKeysIn(text)).toEqual([])
  })
})
