import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  axeSerious,
  clickAndLoad,
  describeViolations,
  login,
  mainText,
  screenshot,
} from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'
import { uiWorld } from '../support/fixtures.ts'

const h = browserHarness(uiWorld)
const session = (token: string) => h.session(token)

/** Submits the form of one event (a region named by the event's title) and expects 200 after the redirect. */
async function send(
  page: Page,
  title: string,
  fill: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
) {
  const form = page.getByRole('region', { name: title, exact: true })
  await fill(form)
  const status = await clickAndLoad(page, form.getByRole('button', { name: title }))
  expect(status, `${title}: ${await mainText(page)}`).toBe(200)
  expect(await page.getByRole('status').first().innerText()).toContain('Gelukt')
}

const tileState = (page: Page, question: string) =>
  page.locator(`#vraag-${question} .badge`).innerText()

describe('a teacher and HR in Chromium', () => {
  let requested = ''

  it('a teacher requests a new transition, after fixing a bad entry', async () => {
    const { page, context } = await session(h.seeded.teacherToken)
    await page.goto('/transitions')
    expect(await page.locator('h1').innerText()).toBe('Mijn rolovergangen')
    expect(await mainText(page)).toContain('schoolopleider')
    await clickAndLoad(page, page.getByRole('link', { name: 'Nieuwe rolovergang aanvragen' }))
    await page.getByLabel('Nieuwe rol').fill('  ')
    await page.getByLabel('Domein').selectOption({ label: 'Leren van collega’s' })
    await page.getByLabel('Loopbaanpad').selectOption({ label: 'Andere taken en rollen' })
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Aanvragen' }))).toBe(400)
    const role = page.getByLabel('Nieuwe rol')
    expect(
      await page.locator(`#${await role.getAttribute('aria-describedby')}`).innerText(),
    ).toContain('Vul dit veld in.')
    expect(await page.getByLabel('Domein').inputValue()).toBe('leren-van-collegas')
    await role.fill('coach')
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Aanvragen' }))).toBe(200)
    expect(await page.locator('h1').innerText()).toBe('Rolovergang naar coach')
    expect(await page.getByRole('status').first().innerText()).toContain(
      'de rolovergang is aangevraagd',
    )
    requested = new URL(page.url()).pathname.split('/')[2] ?? ''
    // A teacher may only withdraw: no form for HR's steps.
    expect(await page.getByRole('region', { name: 'Behandeling starten' }).count()).toBe(0)
    await screenshot(page, 'flow-leraar-1-aangevraagd')
    await context.close()
  })

  it('a teacher withdraws a transition, with a reason', async () => {
    const { page, context } = await session(h.seeded.teacherToken)
    await page.goto(`/transitions/${requested}`)
    await send(page, 'Rolovergang intrekken', async (form) => {
      await form.getByLabel('Reden').fill('Ik kies toch eerst voor de schoolopleidersrol.')
    })
    expect(await page.locator('.lead .badge').innerText()).toBe('ingetrokken')
    expect(await mainText(page)).toContain('Reden: Ik kies toch eerst voor de schoolopleidersrol.')
    await page.goto('/transitions')
    expect(await page.getByRole('row', { name: /coach/ }).innerText()).toContain('ingetrokken')
    await screenshot(page, 'flow-leraar-2-ingetrokken')
    await context.close()
  })

  it('HR and the teacher take a transition through the four questions to its outcome', async () => {
    const hr = await session(h.seeded.hrToken)
    const page = hr.page
    expect(new URL(page.url()).pathname).toBe('/')
    await page.goto('/transitions')
    await page.getByLabel('Fase/toestand').selectOption('aangevraagd')
    await clickAndLoad(page, page.getByRole('button', { name: 'Zoeken' }))
    expect(page.url()).toContain('fase=aangevraagd')
    await clickAndLoad(page, page.getByRole('link', { name: 'Cor Leraar' }).first())
    expect(await page.locator('h1').innerText()).toBe('Rolovergang naar schoolopleider')
    const path = new URL(page.url()).pathname
    expect(await mainText(page)).toContain('Procesversie 2.')

    await send(page, 'Behandeling starten')
    expect(await tileState(page, 'toegang')).toBe('open')
    expect(await page.locator('#vraag-rol').locator('..').innerText()).toContain(
      'De facilitering is nog niet afgesproken.',
    )
    await screenshot(page, 'flow-hr-1-vier-vragen-open')

    // Orientation and choice come before selection.
    await send(page, 'Oriëntatie starten', async (form) => {
      await form.getByLabel('Toelichting').fill('Twee dagen meelopen met de schoolopleider.')
    })
    expect(await tileState(page, 'toegang')).toBe('in oriëntatie')
    await send(page, 'Toelaten tot de rol', async (form) => {
      expect(await form.getByLabel(/Reden om de oriëntatie over te slaan/).count()).toBe(0)
      await form.getByLabel('Manier van toelaten').selectOption({ label: 'Selectie' })
      await form.getByLabel('Toelichting').fill('Na de oriëntatie gekozen.')
    })
    expect(await tileState(page, 'toegang')).toBe('toegelaten')
    await send(page, 'Ondersteuning afspreken', async (form) => {
      await form.getByLabel('Inductie: een inwerkperiode in de nieuwe rol').check()
      await form.getByLabel('Coaching').check()
      await form.getByLabel('Toelichting').fill('Inwerken en coaching door een ervaren collega.')
    })
    await send(page, 'Facilitering afspreken', async (form) => {
      await form.getByLabel('Uren per jaar van de lestaak af').fill('80')
      await form.getByLabel('Wie betaalt de uren?').selectOption({ label: 'De opleidingsschool' })
      await form.getByLabel(/^Wie ging akkoord/).fill('De schoolleiding')
      await form.getByLabel(/de persoon die akkoord ging/).selectOption({ label: 'Hanna Hofman' })
    })
    await send(page, 'Erkenning afspreken', async (form) => {
      const first = form.getByRole('group', { name: 'Erkenning 1', exact: true })
      await first.getByLabel('Vorm van erkenning').selectOption('formeel')
      await first
        .getByLabel('Wat is het?')
        .selectOption({ label: 'Een inschrijving in een beroepsregister' })
      await first.getByLabel(/Beschrijving/).fill('VELON-registratie')
      const second = form.getByRole('group', { name: /^Erkenning 2/ })
      await second.getByLabel('Vorm van erkenning').selectOption('informeel')
      await form.getByLabel('Toelichting', { exact: true }).fill('Registratie als schoolopleider.')
    })
    expect(await tileState(page, 'facilitering')).toBe('wacht op instemming van de leraar')
    expect(await page.locator('#vraag-rol').locator('..').innerText()).toContain(
      'De leraar heeft nog niet ingestemd met de afspraak over ondersteuning.',
    )
    // The teacher's own word is hers: HR has no form for it.
    expect(await page.getByRole('region', { name: 'Instemmen met de erkenning' }).count()).toBe(0)
    await screenshot(page, 'flow-hr-2-wacht-op-leraar')

    const teacher = await session(h.seeded.teacherToken)
    await teacher.page.goto(path)
    expect(await mainText(teacher.page)).toContain('Wacht op uw instemming.')
    await send(teacher.page, 'Motieven en leervraag vastleggen', async (form) => {
      await form.getByLabel(/^Motieven/).fill('Ik wil studenten op de werkplek begeleiden.')
      await form.getByLabel(/^Leervraag/).fill('Hoe geef ik goede feedback?')
    })
    for (const afspraak of ['ondersteuning', 'facilitering', 'erkenning']) {
      await send(teacher.page, `Instemmen met de ${afspraak}`)
      expect(await tileState(teacher.page, afspraak)).toBe('de leraar heeft ingestemd')
    }
    expect(await teacher.page.getByRole('region', { name: 'Rol starten' }).count()).toBe(0)
    await screenshot(teacher.page, 'flow-leraar-3-ingestemd')
    await teacher.context.close()

    await page.goto(path)
    expect(await mainText(page)).toContain('Leervraag Hoe geef ik goede feedback?')
    await send(page, 'Rol starten', async (form) => {
      await form.getByLabel('Startdatum').fill('2025-08-25')
    })
    expect(await tileState(page, 'rol')).toBe('actief')
    await send(page, 'Ondersteuning afronden')
    await send(page, 'Erkenning verlenen', async (form) => {
      await form.getByLabel('Toelichting').fill('VELON-registratie ontvangen.')
    })
    expect(await tileState(page, 'erkenning')).toBe('verleend')
    await send(page, 'Bereikt niveau vastleggen', async (form) => {
      await form.getByLabel(/^Niveau dat de leraar/).selectOption({ label: 'Ervaren' })
    })
    await send(page, 'Rolovergang afronden', async (form) => {
      await form
        .getByLabel('Wat doet de leraar na de rolovergang?')
        .selectOption({ label: 'Andere taken en rollen binnen de eigen school' })
    })
    expect(await page.locator('.lead .badge').innerText()).toBe('afgerond')
    const text = await mainText(page)
    expect(text).toContain(
      'Wat de leraar na de rolovergang doet Andere taken en rollen binnen de eigen school',
    )
    expect(text).toContain('Bereikt niveau Ervaren')
    expect(await page.locator('svg [data-state="afgerond"]').getAttribute('data-active')).toBe(
      'true',
    )
    await screenshot(page, 'flow-hr-3-afgerond')

    await page.goto('/transitions?status=afgerond')
    expect(await page.getByRole('row', { name: /Cor Leraar/ }).count()).toBe(1)
    await hr.context.close()
  })

  it('has no serious axe violation on a version 2 transition, for HR and for the teacher', async () => {
    const { admin, teacherA, orgA } = h.seeded
    const opened = await admin.post('/api/v1/transitions', {
      personId: teacherA,
      organisationId: orgA,
      newRole: 'coach',
      domain: 'leren-van-collegas',
      careerPath: 'beginner-naar-expert',
    })
    const id = opened.body.instanceId as string
    for (const event of [
      { type: 'behandeling.starten' },
      { type: 'toegang.orientatie-starten', payload: {} },
      { type: 'ondersteuning.afspreken', payload: { forms: ['inductie'], note: 'Inwerken.' } },
    ]) {
      const res = await admin.post(`/api/v1/instances/${id}/events`, event)
      expect(res.status, event.type).toBe(200)
    }
    for (const token of [h.seeded.hrToken, h.seeded.teacherToken]) {
      const context = await h.context({ bypassCSP: true })
      const page = await context.newPage()
      await login(page, token)
      await page.goto(`/transitions/${id}`)
      const violations = await axeSerious(page)
      expect(violations, describeViolations(violations)).toEqual([])
      await context.close()
    }
  })
})
