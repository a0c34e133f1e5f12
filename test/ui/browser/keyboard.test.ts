import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { mainText, pressAndLoad } from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'
import { uiWorld } from '../support/fixtures.ts'

// Functions given to page.evaluate run in the browser, where these exist (no DOM lib here).
declare const document: any
type HTMLElement = any

// Everything by keyboard alone: no click, no fill. Tab reaches every visible control of every
// form, selects move with the arrow keys, checkboxes with Space, Enter submits.

const h = browserHarness(uiWorld)

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** Tabs through the whole page from its start; the visible form controls Tab never reached. */
async function unreachable(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() => {
    const all = document.querySelectorAll(
      'form input:not([type=hidden]), form select, form textarea, form button',
    )
    const visible = [...all].filter((e) => (e as HTMLElement).checkVisibility())
    visible.forEach((e, i) => e.setAttribute('data-kb', String(i)))
    ;(document.activeElement as HTMLElement | null)?.blur()
    return visible.map(
      (e) =>
        `${e.tagName.toLowerCase()}[name=${e.getAttribute('name') ?? ''}] in #${e.closest('form')?.id ?? '?'}`,
    )
  })
  const seen = new Set<number>()
  for (let i = 0; i < 600 && seen.size < controls.length; i++) {
    await page.keyboard.press('Tab')
    const kb = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null)
    if (kb !== null) seen.add(Number(kb))
  }
  return controls.filter((_, i) => !seen.has(i))
}

async function keyboardLogin(context: BrowserContext, token: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/login')
  // The token field has the focus on arrival (autofocus).
  await page.waitForFunction(() => document.activeElement?.id === 'token')
  await page.keyboard.type(token)
  expect(await pressAndLoad(page, 'Enter')).toBe(200)
  expect(new URL(page.url()).pathname).not.toBe('/login')
  return page
}

describe('keyboard only (Chromium)', () => {
  it('a team member records an ambition, pauses and resumes the team', async () => {
    const context = await h.context()
    const page = await keyboardLogin(context, h.seeded.memberToken)
    await page.goto(`/teams/${h.seeded.teamId}`)
    expect(await unreachable(page)).toEqual([])

    await page.goto(`/teams/${h.seeded.teamId}`)
    await tabTo(page, '#form-ambitie-vastleggen select')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Leraren laten groeien in hun vak.')
    await page.keyboard.press('Tab')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain('Gelukt: ambitie vastleggen')

    // The folded team actions open with Enter on their summary.
    await tabTo(page, '.team-actions > summary')
    await page.keyboard.press('Enter')
    await tabTo(page, '#form-pauzeren textarea')
    await page.keyboard.type('Herfstvakantie.')
    await page.keyboard.press('Tab')
    expect(await pressAndLoad(page, 'Space')).toBe(200)
    expect(await page.locator('.lead .badge').innerText()).toBe('gepauzeerd')
    // Paused, the team actions are open: hervatten is one Tab stop away.
    await tabTo(page, '#form-hervatten button')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.locator('.lead .badge').innerText()).toBe('actief')
    await context.close()
  })

  it('HR starts a transition, orients and admits the teacher and agrees on support; the teacher agrees', async () => {
    const context = await h.context()
    const page = await keyboardLogin(context, h.seeded.hrToken)
    const path = `/transitions/${h.seeded.transitionInstanceId}`
    await page.goto(path)
    await tabTo(page, '#form-behandeling-starten button')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await unreachable(page)).toEqual([])

    // Orientation comes first: its note may stay empty.
    await page.goto(path)
    await tabTo(page, '#form-toegang-orientatie-starten button')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.locator('#vraag-toegang .badge').innerText()).toBe('in oriëntatie')

    await tabTo(page, '#form-toegang-toelaten select')
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('#form-toegang-toelaten select').inputValue()).toBe('selectie')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Gekozen na een meeloopdag.')
    // After an orientation the form asks no reason to skip it: the next stop is the button.
    await page.keyboard.press('Tab')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.locator('#vraag-toegang .badge').innerText()).toBe('toegelaten')

    await tabTo(page, '#form-ondersteuning-afspreken input[value="coaching"]')
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await tabTo(page, '#form-ondersteuning-afspreken textarea')
    await page.keyboard.type('Coaching en scholing in het eerste jaar.')
    await page.keyboard.press('Tab')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await mainText(page)).toContain('Coaching, Scholing')
    expect(await page.locator('#vraag-ondersteuning .badge').innerText()).toBe(
      'wacht op instemming van de leraar',
    )
    await context.close()

    const own = await h.context()
    const teacher = await keyboardLogin(own, h.seeded.teacherToken)
    await teacher.goto(path)
    expect(await unreachable(teacher)).toEqual([])
    await teacher.goto(path)
    await tabTo(teacher, '#form-ondersteuning-instemmen button')
    expect(await pressAndLoad(teacher, 'Enter')).toBe(200)
    expect(await teacher.locator('#vraag-ondersteuning .badge').innerText()).toBe(
      'de leraar heeft ingestemd',
    )
    await own.close()
  })

  it('a teacher requests a transition', async () => {
    const context = await h.context()
    const page = await keyboardLogin(context, h.seeded.teacherToken)
    await page.goto('/transitions/new')
    expect(await unreachable(page)).toEqual([])
    await page.goto('/transitions/new')
    await tabTo(page, 'input[name="payload.newRole"]')
    await page.keyboard.type('mentor')
    await tabTo(page, 'select[name="payload.domain"]')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, 'select[name="payload.careerPath"]')
    await page.keyboard.press('ArrowDown')
    await tabTo(page, '#form-aanvraag button')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.locator('h1').innerText()).toBe('Rolovergang naar mentor')
    await context.close()
  })

  it('an auditor verifies a chain; an admin creates an organisation and a token', async () => {
    const auditor = await h.context()
    const page = await keyboardLogin(auditor, h.seeded.auditorToken)
    await page.goto(`/audit/${h.seeded.teamId}`)
    expect(await unreachable(page)).toEqual([])
    await page.goto(`/audit/${h.seeded.teamId}`)
    await tabTo(page, 'button.button')
    expect(await pressAndLoad(page, 'Enter')).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain('De keten klopt.')
    await auditor.close()

    const admin = await h.context()
    const adminPage = await keyboardLogin(admin, h.seeded.adminToken)
    await adminPage.goto('/admin/organisations')
    await tabTo(adminPage, 'input[name="payload.name"]')
    await adminPage.keyboard.type('Gemeente Amsterdam')
    await adminPage.keyboard.press('Tab')
    await adminPage.keyboard.type('g')
    expect(await adminPage.locator('select[name="payload.kind"]').inputValue()).toBe('gemeente')
    await adminPage.keyboard.press('Tab')
    expect(await pressAndLoad(adminPage, 'Enter')).toBe(200)
    expect(await mainText(adminPage)).toContain('Gemeente Amsterdam')

    await adminPage.goto('/admin/tokens')
    expect(await unreachable(adminPage)).toEqual([])
    await adminPage.goto('/admin/tokens')
    await tabTo(adminPage, '#form-token input[name="payload.name"]')
    await adminPage.keyboard.type('Auditor gemeente')
    await adminPage.keyboard.press('Tab')
    await adminPage.keyboard.type('a')
    await adminPage.keyboard.type('u')
    expect(await adminPage.locator('select[name="payload.role"]').inputValue()).toBe('auditor')
    await tabTo(adminPage, '#form-token button')
    expect(await pressAndLoad(adminPage, 'Enter')).toBe(201)
    expect(await adminPage.locator('#nieuw-token').innerText()).toMatch(/^dl_/)
    await admin.close()
  })
})
