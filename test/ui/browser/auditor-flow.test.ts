import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { clickAndLoad, login, mainText, screenshot } from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'
import { uiWorld } from '../support/fixtures.ts'

const h = browserHarness(async (store) => {
  const world = await uiWorld(store)
  // A little history: the team goes a step back and forth, with a reason.
  for (const event of [
    {
      type: 'relatie.vastleggen',
      payload: { text: 'Anna en Bram kennen elkaar van de opleiding.' },
    },
    { type: 'pauzeren', reason: 'Zomervakantie.' },
    { type: 'hervatten' },
  ]) {
    const res = await world.admin.post(`/api/v1/instances/${world.teamId}/events`, event)
    if (res.status !== 200) throw new Error(JSON.stringify(res.body))
  }
  return world
})
let page: Page

beforeAll(async () => {
  ;({ page } = await h.session())
})

describe('an auditor in Chromium', () => {
  it('opens a history with who, when, why and the hash chain', async () => {
    await login(page, h.seeded.auditorToken)
    expect(new URL(page.url()).pathname).toBe('/')
    await page.goto('/audit')
    await clickAndLoad(page, page.getByRole('link', { name: 'Pilot West — Ontwikkelteam' }))
    expect(await page.locator('h1').innerText()).toBe('Geschiedenis: Pilot West — Ontwikkelteam')
    const rows = page.locator('table tbody tr')
    expect(await rows.count()).toBe(5)
    const pause = await rows.nth(3).innerText()
    expect(pause).toContain('Pauzeren')
    expect(pause).toContain('Beheerder')
    expect(pause).toContain('Zomervakantie.')
    // Each event's previous hash is the hash of the event before it.
    const hashes = await page.locator('table tbody tr code.hash').allInnerTexts()
    expect(hashes[0]).toBe('0'.repeat(64))
    expect(hashes).toHaveLength(10)
    for (let i = 1; i < 5; i++)
      expect(hashes[2 * i], `prevHash of event ${i + 1}`).toBe(hashes[2 * i - 1])
  })

  it('verifies the chain and sees the result', async () => {
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Keten verifiëren' }))).toBe(
      200,
    )
    const result = await page.getByRole('status').innerText()
    expect(result).toContain('De keten klopt.')
    expect(result).toContain('5 gebeurtenissen in 1 proces')
    await screenshot(page, 'flow-auditor-1-geverifieerd')
  })

  it('sees the state on a date, and exports the history', async () => {
    // The app's days are Amsterdam days: between 23:00 and 24:00 UTC, UTC is still on yesterday.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    )
    await page.getByLabel('Stand op datum').fill(today)
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Toon stand' }))).toBe(200)
    expect(await mainText(page)).toMatch(/Stand op \d+ \w+ \d{4}/)
    expect(await page.getByRole('region', { name: /Stand op/ }).innerText()).toContain('Verkennen')
    await page.getByLabel('Stand op datum').fill('2001-01-01')
    await clickAndLoad(page, page.getByRole('button', { name: 'Toon stand' }))
    expect(await mainText(page)).toContain('Op die datum bestond dit proces nog niet')

    const href = await page.getByRole('link', { name: 'NDJSON' }).getAttribute('href')
    const exported = await page.request.get(href ?? '')
    expect(exported.status()).toBe(200)
    expect(exported.headers()['content-type']).toContain('ndjson')
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind?: string })
    expect(lines.filter((l) => l.kind === 'event')).toHaveLength(5)
  })

  it('verifies every chain in scope from the overview', async () => {
    await page.goto('/audit')
    expect(
      await clickAndLoad(page, page.getByRole('button', { name: 'Alle ketens verifiëren' })),
    ).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain('De keten klopt.')
  })
})
