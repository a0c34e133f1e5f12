import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDemo } from '../../../src/demo/load-demo.ts'
import { REPORTS } from '../../../src/reports/run-report.ts'
import {
  axeViolations,
  clickAndLoad,
  describeViolations,
  login,
  mainText,
  screenshot,
} from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'

// Run inside the page by page.evaluate (the project compiles without the DOM library).
declare const document: any
declare const getComputedStyle: any

// Beleid reads the reports in Chromium, on the demo data: every page passes axe-core, and on a
// 390 px wide phone the page does not scroll sideways, the chart's text stays readable and a wide
// table scrolls inside its own frame.

const h = browserHarness(buildDemo, 120_000)
const PHONE = { width: 390, height: 844 }
let page: Page

beforeAll(async () => {
  const beleid = h.seeded.logins.find((l) => l.role === 'beleid')
  if (!beleid) throw new Error('the demo has no beleid login')
  const context = await h.context({ bypassCSP: true })
  page = await context.newPage()
  await login(page, beleid.user.token)
})

async function expectNoViolations(name: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${name}: ${describeViolations(violations)}`).toEqual([])
}

/** What a phone shows of the page: its widths, the chart's text and the table's frame. */
function measure(target: Page) {
  return target.evaluate(() => {
    const svg = document.querySelector('figure svg')
    const text = svg?.querySelector('text')
    const wrap = document.querySelector('.report-table-wrap')
    const table = wrap?.querySelector('table')
    const box = svg?.getBoundingClientRect()
    const scale: number = svg?.getScreenCTM()?.a ?? 0
    let scrolled = 0
    if (wrap && table && table.scrollWidth > wrap.clientWidth) {
      wrap.scrollLeft = 60
      scrolled = wrap.scrollLeft
      wrap.scrollLeft = 0
    }
    return {
      pageWidth: document.documentElement.scrollWidth,
      chart: box ? { width: box.width, height: box.height } : null,
      textHeight: text?.getBoundingClientRect().height ?? 0,
      fontSize: text ? parseFloat(getComputedStyle(text).fontSize) * scale : 0,
      table:
        wrap && table
          ? {
              wide: table.scrollWidth > wrap.clientWidth,
              overflowX: getComputedStyle(wrap).overflowX,
              scrolled,
              wrapWidth: wrap.getBoundingClientRect().width,
            }
          : null,
    }
  })
}

describe('beleid reads the reports in Chromium', () => {
  it('opens the list and every report from it, each without axe violations', async () => {
    expect((await page.goto('/rapportages'))?.status()).toBe(200)
    expect(await mainText(page)).toContain('“< 5”')
    await expectNoViolations('/rapportages')
    await screenshot(page, 'rapportages-1-lijst')
    for (const report of REPORTS) {
      await page.goto('/rapportages')
      const link = page.getByRole('link', { name: report.title, exact: true })
      expect(await clickAndLoad(page, link), report.id).toBe(200)
      expect(await page.locator('h1').innerText()).toBe(report.title)
      expect(await page.locator('figure svg, .report-empty').count(), report.id).toBe(1)
      await expectNoViolations(report.id)
      await screenshot(page, `rapportages-1-${report.id}`)
    }
  })

  it('filters with the form, and shows bad filters beside their field, without violations', async () => {
    await page.goto('/rapportages/rolovergangen')
    await page.getByLabel('Indeling', { exact: true }).selectOption({ label: 'Nieuwe rol' })
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Toon' }))).toBe(200)
    expect(new URL(page.url()).searchParams.get('per')).toBe('rol')
    expect(await page.locator('h2#rapport-titel').innerText()).toContain('per nieuwe rol')

    await page.getByLabel('Van', { exact: true }).fill('2026-05-01')
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-01-01')
    expect(await clickAndLoad(page, page.getByRole('button', { name: 'Toon' }))).toBe(400)
    const van = page.getByLabel('Van', { exact: true })
    expect(await van.getAttribute('aria-invalid')).toBe('true')
    expect(await van.getAttribute('aria-describedby')).toBe('filter-van-fout')
    expect(await page.locator('#filter-van-fout').innerText()).toContain(
      'Kies een begindatum op of vóór de einddatum.',
    )
    expect(await page.locator('table').count()).toBe(0)
    await expectNoViolations('bad filters')
    await screenshot(page, 'rapportages-2-foute-filters')
  })

  it('fits a 390 px phone: no sideways scroll, readable chart text, the table scrolls in its frame', async () => {
    await page.setViewportSize(PHONE)
    let wideTables = 0
    for (const report of REPORTS) {
      expect((await page.goto(`/rapportages/${report.id}`))?.status()).toBe(200)
      const seen = await measure(page)
      expect(seen.pageWidth, `${report.id}: page width`).toBeLessThanOrEqual(PHONE.width)
      if (!seen.chart) continue
      expect(await page.locator('figure svg').isVisible(), report.id).toBe(true)
      expect(seen.chart.width, `${report.id}: chart width`).toBeGreaterThan(300)
      expect(seen.chart.height, `${report.id}: chart height`).toBeGreaterThan(50)
      expect(seen.fontSize, `${report.id}: chart font size`).toBeGreaterThanOrEqual(12)
      expect(seen.textHeight, `${report.id}: chart text height`).toBeGreaterThanOrEqual(12)
      expect(seen.table, report.id).not.toBeNull()
      expect(seen.table?.wrapWidth ?? 999, report.id).toBeLessThanOrEqual(PHONE.width)
      if (seen.table?.wide) {
        wideTables += 1
        expect(seen.table.overflowX, report.id).toBe('auto')
        expect(seen.table.scrolled, `${report.id}: the table frame scrolls`).toBeGreaterThan(0)
      }
      await expectNoViolations(`${report.id} at 390 px`)
    }
    // At least one table is wider than a phone, so the frame was really tried.
    expect(wideTables).toBeGreaterThan(0)
    await page.goto('/rapportages/doorlooptijd-vragen')
    await screenshot(page, 'rapportages-3-telefoon')
  })
})
