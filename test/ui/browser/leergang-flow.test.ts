import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../support/app.ts'
import { pdfFile } from '../../support/document-files.ts'
import { leergangV2 } from '../team-v2.world.ts'
import {
  axeSerious,
  clickAndLoad,
  describeViolations,
  login,
  mainText,
  screenshot,
} from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'

// The lead of a scenario-2b leergang in Chromium: Marloes Hendriks of the Amstelscholen Academie,
// the huisacademie that leads, runs the second cycle of the werkgroep. She enrols participants up
// to the fifteen places (a sixteenth is refused, with the reason beside the form), books an
// expense, records the evaluation with its report as a PDF, and compares the two cycles.

const h = browserHarness((store) => leergangV2(store), 90_000)
let page: Page
const consoleErrors: string[] = []

/** The region of one event's form, by its title. */
const region = (title: string): Locator => page.getByRole('region', { name: title, exact: true })

/** Submits a form of the team page and returns the status of the page it lands on. */
async function submit(title: string, fill: (form: Locator) => Promise<void>): Promise<number> {
  const form = region(title)
  await fill(form)
  return clickAndLoad(page, form.getByRole('button', { name: title }))
}

/** Brings cycle 2 to evalueren through the API, as the team and the partners' HR would. */
async function toEvaluation(): Promise<void> {
  const { ids, tokens, admin } = h.seeded
  const send = async (by: Client, type: string, payload: object = {}) => {
    const res = await by.post(`/api/v1/instances/${ids.team}/events`, { type, payload })
    if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  const hr = admin.as(tokens.hr)
  const lead = admin.as(tokens.lead)
  const partners = [ids.academie, ids.lyceum, ids.college, ids.zuidas]
  for (const organisationId of partners) {
    await send(hr, 'ambitie.vastleggen', { organisationId, text: 'Verder groeien.' })
    await send(hr, 'belang.vastleggen', { organisationId, text: 'Leraren behouden.' })
  }
  const consult = async (subject: string) => {
    for (const organisationId of partners.slice(1))
      await send(lead, 'raadpleging.vastleggen', { organisationId, subject, text: 'Akkoord.' })
  }
  await send(lead, 'fase.volgende')
  await send(lead, 'gedeelde-ambitie.formuleren', { text: 'Leiderschap in elke school.' })
  await consult('gedeelde-ambitie')
  await send(lead, 'gedeelde-ambitie.onderschrijven', { organisationId: ids.academie })
  await send(lead, 'fase.volgende')
  await send(lead, 'oplossing.vastleggen', {
    text: 'Zes bijeenkomsten.',
    expertise: [{ organisationId: ids.academie, description: 'Trainers van de academie.' }],
  })
  await send(lead, 'fase.volgende')
  await send(lead, 'ontwerp.vastleggen', {
    text: 'Zes bijeenkomsten, ook op de Zuidas School.',
    collaboration: 'De academie leidt.',
    quality: 'Evaluatie na elke bijeenkomst.',
  })
  await consult('ontwerp')
  await send(lead, 'ontwerp.akkoord', { organisationId: ids.academie })
  await send(lead, 'fase.volgende')
  await send(lead, 'activiteit.vastleggen', {
    date: new Date().toISOString().slice(0, 10),
    text: 'Eerste bijeenkomst gehouden.',
  })
  await send(lead, 'fase.volgende')
}

beforeAll(async () => {
  ;({ page } = await h.session())
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      consoleErrors.push(m.text())
  })
})

describe('the lead of a leergang in Chromium', () => {
  it('finds the werkgroep from her pilots, marked stilgevallen', async () => {
    await login(page, h.seeded.tokens.lead)
    await page.goto('/pilots')
    expect(await page.locator('h1').innerText()).toBe('Mijn pilots')
    await clickAndLoad(page, page.getByRole('link', { name: 'Leergang Leiderschap van Leraren' }))
    expect(await mainText(page)).toContain('stilgevallen')
    await clickAndLoad(page, page.getByRole('link', { name: 'Werkgroep', exact: true }))
    expect(new URL(page.url()).pathname).toBe(`/teams/${h.seeded.ids.team}`)
    const text = await mainText(page)
    expect(text).toContain('Leidende organisatie: Amstelscholen Academie')
    expect(text).toContain('0 van 15 plaatsen gevuld')
    expect(text).toContain('stilgevallen')
  })

  it('enrols participants up to the fifteen places; a sixteenth is refused beside the form', async () => {
    const people = h.seeded.ids.people
    const names = await region('Deelnemer inschrijven')
      .getByLabel('Deelnemer', { exact: true })
      .locator('option')
      .allInnerTexts()
    const chosen = names.filter((n) => / — (Amstel Lyceum|Grachtencollege)$/.test(n)).slice(0, 16)
    expect(chosen).toHaveLength(people.length)
    for (const [i, label] of chosen.slice(0, 15).entries()) {
      const status = await submit('Deelnemer inschrijven', async (form) => {
        await form.getByLabel('Deelnemer', { exact: true }).selectOption({ label })
        await form
          .getByLabel('Organisatie waar de deelnemer werkt')
          .selectOption({ label: label.split(' — ')[1] ?? '' })
        await form.getByLabel(/^Leervraag/).fill(`Hoe neem ik mijn team mee? (${String(i + 1)})`)
      })
      expect(status, await mainText(page)).toBe(200)
      expect(await page.getByRole('status').innerText()).toContain('Gelukt: deelnemer inschrijven')
    }
    expect(await mainText(page)).toContain('15 van 15 plaatsen gevuld')
    const last = chosen[15] ?? ''
    const status = await submit('Deelnemer inschrijven', async (form) => {
      await form.getByLabel('Deelnemer', { exact: true }).selectOption({ label: last })
      await form
        .getByLabel('Organisatie waar de deelnemer werkt')
        .selectOption({ label: last.split(' — ')[1] ?? '' })
      await form.getByLabel(/^Leervraag/).fill('Mag ik er nog bij?')
    })
    expect(status).toBe(422)
    const alert = await region('Deelnemer inschrijven').getByRole('alert').innerText()
    expect(alert).toContain('Deelnemer inschrijven kan nu niet')
    expect(alert).toContain(
      'Alle 15 plaatsen zijn bezet; stel eerst meer plaatsen vast of laat iemand zich terugtrekken.',
    )
    expect(await mainText(page)).toContain('15 van 15 plaatsen gevuld')
    await screenshot(page, 'flow-leergang-1-plaatsen-vol')
  })

  it('books an expense and sees the balance', async () => {
    const status = await submit('Uitgave boeken', async (form) => {
      await form.getByLabel('Waarvoor is de uitgave?').fill('Trainer eerste bijeenkomst')
      await form.getByLabel(/^Bedrag in eurocent/).fill('125000')
      await form.getByLabel('Datum van de uitgave').fill(new Date().toISOString().slice(0, 10))
    })
    expect(status, await mainText(page)).toBe(200)
    const budget = await page.getByRole('region', { name: 'Begroting' }).innerText()
    expect(budget.replace(/\s+/g, ' ')).toContain(
      'Begroot € 25.000 Uitgegeven € 1.250 Saldo € 23.750',
    )
    expect(budget).toContain('Trainer eerste bijeenkomst — € 1.250')
  })

  it('records the evaluation of the collaboration with its report as a PDF', async () => {
    await toEvaluation()
    await page.reload({ waitUntil: 'load' })
    expect(await page.locator('.phase-summary').innerText()).toBe(
      'Cyclus 2 · fase 6 van 7: Evalueren',
    )
    const form = region('Evaluatie vastleggen')
    const upload = form.locator('input[type="file"]')
    expect(await upload.count(), 'the evaluation form takes a document').toBe(1)
    const status = await submit('Evaluatie vastleggen', async (f) => {
      await f.getByLabel('Niveau').selectOption({ label: 'Samenwerking' })
      await f.getByLabel('Oordeel').fill('De nieuwe school sloot snel en goed aan bij de rest.')
      for (const element of [
        'Gedeelde ambities',
        'Recht doen aan ieders belangen',
        'Aandacht voor persoonlijke relaties',
        'Professioneel organiseren',
        'Betekenisgevend proces',
      ])
        await f.getByLabel(element, { exact: true }).selectOption({ label: '4' })
      await f.getByLabel('Marloes Hendriks (Coördinator)').check()
      await f
        .getByLabel('Wie van Leraar in Amsterdam evalueerde mee?')
        .selectOption({ label: 'Lotte van Amstel — Leraar in Amsterdam' })
      await upload.setInputFiles({
        name: 'evaluatieverslag.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdfFile('Evaluatieverslag cyclus 2')),
      })
    })
    expect(status, await mainText(page)).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain('Gelukt: evaluatie vastleggen')
    const link = page.locator('.col-side a.document-link', { hasText: 'Evaluatieverslag (PDF' })
    expect(await link.count()).toBe(1)
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(new RegExp(`^/teams/${h.seeded.ids.team}/documenten/[0-9a-f]{64}$`))
    const download = await page.request.get(href)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toContain('application/pdf')
    expect(new TextDecoder().decode(await download.body())).toContain('Evaluatieverslag cyclus 2')
  })

  it('compares the two cycles side by side', async () => {
    const table = page.getByRole('region', { name: 'Cycli vergelijken' })
    const headers = await table.locator('thead th').allInnerTexts()
    expect(headers).toEqual(['Onderdeel', 'Cyclus 1', 'Cyclus 2 (nu)'])
    const row = async (label: string) =>
      (
        await table.locator('tr', { has: page.locator(`th:text-is("${label}")`) }).innerText()
      ).replace(/\s+/g, ' ')
    expect(await row('Partners')).toContain('Nieuw: Zuidas School')
    expect(await row('Deelnemers')).toMatch(/2 van 15 plaatsen gevuld.*15 van 15 plaatsen gevuld/)
    expect(await row('Begroting')).toMatch(
      /Uitgegeven € 1\.250 van € 25\.000 .*Uitgegeven € 1\.250 van € 25\.000/,
    )
    const collaboration = await row('Evaluatie: samenwerking')
    expect(collaboration).toContain('Aandacht voor persoonlijke relaties: 5')
    expect(collaboration).toContain('Aandacht voor persoonlijke relaties: 4')
    expect(collaboration).toContain('Verslag (PDF')
    expect(await row('Duur uitvoeren')).toMatch(/^Duur uitvoeren 60 dagen 0 dagen$/)
    await screenshot(page, 'flow-leergang-2-cycli-vergelijken')
  })

  it('has no serious accessibility problem on the team page, and breaks no rule of the CSP', async () => {
    const context = await h.context({ bypassCSP: true })
    const axePage = await context.newPage()
    await login(axePage, h.seeded.tokens.lead)
    await axePage.goto(`/teams/${h.seeded.ids.team}`)
    const violations = await axeSerious(axePage)
    expect(violations, describeViolations(violations)).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
