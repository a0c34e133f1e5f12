import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { clickAndLoad, mainText, screenshot } from '../support/browser.ts'
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

  it('HR filters on an open question and takes a transition through all four to afgerond', async () => {
    const { page, context } = await session(h.seeded.hrToken)
    expect(new URL(page.url()).pathname).toBe('/transitions')
    await page.getByLabel('Open vraag').selectOption('erkenning')
    await clickAndLoad(page, page.getByRole('button', { name: 'Filter' }))
    expect(page.url()).toContain('vraag=erkenning')
    await clickAndLoad(page, page.getByRole('link', { name: 'Cor Leraar' }).first())
    expect(await page.locator('h1').innerText()).toBe('Rolovergang naar schoolopleider')

    await send(page, 'Behandeling starten')
    expect(await tileState(page, 'toegang')).toBe('open')
    expect(await page.locator('#vraag-rol').locator('..').innerText()).toContain(
      'De facilitering is nog niet afgesproken.',
    )
    await screenshot(page, 'flow-hr-1-vier-vragen-open')

    await send(page, 'Toelaten tot de rol', async (form) => {
      await form.getByLabel('Manier van toelaten').selectOption({ label: 'Selectie' })
      await form
        .getByLabel('Toelichting')
        .fill('Na een oriëntatiegesprek en een meeloopdag gekozen.')
    })
    expect(await tileState(page, 'toegang')).toBe('toegelaten')
    await send(page, 'Ondersteuning afspreken', async (form) => {
      await form.getByLabel('Coaching').check()
      await form.getByLabel('Scholing').check()
      await form
        .getByLabel('Toelichting')
        .fill('Coaching door een ervaren schoolopleider; de VELON-scholing.')
    })
    await send(page, 'Facilitering afspreken', async (form) => {
      await form.getByLabel('Uren per jaar').fill('80')
      await form.getByLabel('Compensatie').fill('Twee lesuren minder per week.')
    })
    await send(page, 'Erkenning afspreken', async (form) => {
      await form.getByLabel('Vorm van erkenning').selectOption('formeel')
      await form.getByLabel('Toelichting').fill('Registratie als schoolopleider bij VELON.')
    })
    expect(await tileState(page, 'facilitering')).toBe('afgesproken')
    await send(page, 'Rol starten', async (form) => {
      await form.getByLabel('Startdatum').fill('2025-08-25')
    })
    expect(await tileState(page, 'rol')).toBe('actief')
    await send(page, 'Ondersteuning afronden')
    await send(page, 'Erkenning verlenen', async (form) => {
      await form.getByLabel('Toelichting').fill('VELON-registratie ontvangen.')
    })
    expect(await tileState(page, 'erkenning')).toBe('verleend')
    await send(page, 'Rolovergang afronden')
    expect(await page.locator('.lead .badge').innerText()).toBe('afgerond')
    expect(await page.locator('svg [data-state="afgerond"]').getAttribute('data-active')).toBe(
      'true',
    )
    await screenshot(page, 'flow-hr-2-afgerond')

    await page.goto('/transitions?status=afgerond')
    expect(await page.getByRole('row', { name: /Cor Leraar/ }).count()).toBe(1)
    await context.close()
  })
})
