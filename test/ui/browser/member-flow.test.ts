import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { clickAndLoad, login, mainText, screenshot } from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'
import { uiWorld } from '../support/fixtures.ts'

// Functions given to page.evaluate run in the browser, where these exist (no DOM lib here).
declare const document: any

const h = browserHarness(uiWorld)
let page: Page
const consoleErrors: string[] = []

beforeAll(async () => {
  // The CSP stays on: any inline script or style it blocks shows up as a console error.
  ;({ page } = await h.session())
  page.on('console', (m) => {
    // 400 and 422 answers are logged too; those are expected here.
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      consoleErrors.push(m.text())
  })
})

const currentPhase = () =>
  page.locator('.phase-bar li[aria-current="step"] .phase-name').innerText()

async function record(eventTitle: string, organisation: string, fieldLabel: string, text: string) {
  const form = page.getByRole('region', { name: eventTitle })
  await form.getByLabel('Organisatie').selectOption({ label: organisation })
  await form.getByLabel(fieldLabel).fill(text)
  expect(await clickAndLoad(page, form.getByRole('button', { name: eventTitle }))).toBe(200)
  expect(await page.getByRole('status').innerText()).toContain(
    `Gelukt: ${eventTitle.toLowerCase()}`,
  )
}

describe('a team member in Chromium', () => {
  it('logs in and finds their pilot and team', async () => {
    await login(page, h.seeded.memberToken)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.goto('/pilots')
    expect(await page.locator('h1').innerText()).toBe('Mijn pilots')
    await clickAndLoad(page, page.getByRole('link', { name: 'Pilot West' }))
    await clickAndLoad(page, page.getByRole('link', { name: 'Ontwikkelteam', exact: true }))
    expect(new URL(page.url()).pathname).toBe(`/teams/${h.seeded.teamId}`)
    expect(await currentPhase()).toBe('Verkennen')
  })

  it('tries to advance and sees, in Dutch, why not', async () => {
    const step = page.getByRole('region', { name: 'Naar de volgende fase' })
    expect(
      await clickAndLoad(page, step.getByRole('button', { name: 'Naar de volgende fase' })),
    ).toBe(422)
    const alert = await step.getByRole('alert').innerText()
    expect(alert).toContain('Naar de volgende fase kan nu niet')
    expect(alert).toContain(
      'Nog niet alle deelnemende organisaties hebben een ambitie vastgelegd: Esprit Scholen, Hogeschool van Amsterdam.',
    )
    const why = await page.getByRole('region', { name: 'Waarom kan ik niet door?' }).innerText()
    expect(why).toContain('een belang vastgelegd: Esprit Scholen, Hogeschool van Amsterdam')
    expect(await currentPhase()).toBe('Verkennen')
    await screenshot(page, 'flow-teamlid-1-waarom-niet-door')
  })

  it('gets a bad entry back in the same form, with the problem next to the field', async () => {
    const form = page.getByRole('region', { name: 'Ambitie vastleggen' })
    await form.getByLabel('Organisatie').selectOption({ label: 'Esprit Scholen' })
    await form.getByLabel('Ambitie').fill('   ')
    expect(await clickAndLoad(page, form.getByRole('button', { name: 'Ambitie vastleggen' }))).toBe(
      400,
    )
    const again = page.getByRole('region', { name: 'Ambitie vastleggen' })
    const field = again.getByLabel('Ambitie')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    const errorId = await field.getAttribute('aria-describedby')
    expect(await page.locator(`#${errorId}`).innerText()).toContain('Vul dit veld in.')
    // What was chosen is still chosen, and the focus is on the field to fix.
    expect(await again.getByLabel('Organisatie').inputValue()).toBe(h.seeded.orgA)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'payload.text',
    )
    await screenshot(page, 'flow-teamlid-2-fout-bij-het-veld')
  })

  it('is offered only her own organisation to act for', async () => {
    for (const title of ['Ambitie vastleggen', 'Belang vastleggen']) {
      const select = page.getByRole('region', { name: title }).getByLabel('Organisatie')
      const offered = (await select.locator('option').allInnerTexts()).map((t) => t.trim())
      expect(offered).toContain('Esprit Scholen')
      expect(offered).not.toContain('Hogeschool van Amsterdam')
    }
  })

  it('fixes it, advances, and sees the bar move', async () => {
    await record('Ambitie vastleggen', 'Esprit Scholen', 'Ambitie', 'Ervaren leraren houden.')
    await record('Belang vastleggen', 'Esprit Scholen', 'Belang', 'Geen extra werkdruk.')
    const why = await page.getByRole('region', { name: 'Waarom kan ik niet door?' }).innerText()
    expect(why).toContain('een ambitie vastgelegd: Hogeschool van Amsterdam.')
    expect(why).toContain('een belang vastgelegd: Hogeschool van Amsterdam.')
    // The other organisation speaks for itself: its HR records its ambition and interest.
    const hr = h.seeded.admin.as(h.seeded.hrPilotToken)
    for (const [type, text] of [
      ['ambitie.vastleggen', 'Praktijk en opleiding verbinden.'],
      ['belang.vastleggen', 'Studenten een goede stageplek.'],
    ] as const) {
      const res = await hr.post(`/api/v1/instances/${h.seeded.teamId}/events`, {
        type,
        payload: { organisationId: h.seeded.orgB, text },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    await page.reload({ waitUntil: 'load' })
    expect(await mainText(page)).toContain('namens Hogeschool van Amsterdam')
    expect(await page.getByRole('region', { name: 'Waarom kan ik niet door?' }).count()).toBe(0)

    const step = page.getByRole('region', { name: 'Naar de volgende fase' })
    expect(
      await clickAndLoad(page, step.getByRole('button', { name: 'Naar de volgende fase' })),
    ).toBe(200)
    expect(await currentPhase()).toBe('Delen')
    expect(await page.locator('.phase-bar li.done .phase-name').allInnerTexts()).toEqual([
      'Verkennen',
    ])
    expect(await page.locator('.phase-summary').innerText()).toBe('Cyclus 1 · fase 2 van 7: Delen')
    expect(await mainText(page)).toContain('Verkennen → Delen')
    // The diagram marks the new state.
    expect(await page.locator('svg [data-active="true"]').getAttribute('data-state')).toBe('delen')
    await screenshot(page, 'flow-teamlid-3-door-naar-delen')
  })

  it('breaks no rule of the Content Security Policy on the way', () => {
    expect(consoleErrors).toEqual([])
  })
})
