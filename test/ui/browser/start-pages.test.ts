import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../src/access/policy.ts'
import { buildDemo } from '../../../src/demo/load-demo.ts'
import {
  axeViolations,
  describeViolations,
  login,
  mainText,
  screenshot,
} from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'

declare const document: { documentElement: { scrollWidth: number; clientWidth: number } }

// Each role's start page on the demo data, in Chromium: it renders after login, axe-core finds
// no violation at all, and on a phone (390 px wide) nothing scrolls sideways.

const h = browserHarness(buildDemo, 120_000)

const ROLES: Role[] = ['admin', 'hr', 'member', 'teacher', 'auditor', 'beleid']

/** Where each role lands: beleid has no work in the processes and starts on the reports. */
const START: Record<Role, { path: string; h1: string }> = {
  admin: { path: '/', h1: 'Te doen' },
  hr: { path: '/', h1: 'Te doen' },
  member: { path: '/', h1: 'Te doen' },
  teacher: { path: '/', h1: 'Te doen' },
  auditor: { path: '/', h1: 'Te doen' },
  beleid: { path: '/rapportages', h1: 'Rapportages' },
}

function tokenOf(role: Role): string {
  const found = h.seeded.logins.find((l) => l.role === role)
  if (!found) throw new Error(`the demo has no ${role} login`)
  return found.user.token
}

/** How far the page is wider than the window (0: no horizontal scroll). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('the start page of every role (demo data, Chromium, axe-core)', () => {
  it.each(ROLES)(
    '%s: renders after login, no axe violation, no sideways scroll at 390 px',
    async (role) => {
      const context = await h.context({ bypassCSP: true })
      try {
        const page = await context.newPage()
        await login(page, tokenOf(role))
        const start = START[role]
        expect(new URL(page.url()).pathname).toBe(start.path)
        expect(await page.locator('h1').innerText()).toBe(start.h1)
        expect(await page.getAttribute('html', 'lang')).toBe('nl')
        const menu = page.getByRole('navigation', { name: 'Hoofdmenu' })
        const first = menu.getByRole('link').first()
        expect(await first.innerText()).toBe('Te doen')
        expect(await first.getAttribute('aria-current')).toBe(start.path === '/' ? 'page' : null)
        if (start.path === '/') {
          const text = await mainText(page)
          expect(text).not.toMatch(/\b[a-z]+\.[a-z-]+\b/)
          expect(text).not.toMatch(/\binst_[0-9a-z]+/)
        }

        const wide = await axeViolations(page)
        expect(wide, `${role}: ${describeViolations(wide)}`).toEqual([])
        await screenshot(page, `start-${role}`)

        await page.setViewportSize({ width: 390, height: 844 })
        await page.reload()
        expect(await sideways(page), `${role} scrolls sideways at 390 px`).toBeLessThanOrEqual(0)
        const narrow = await axeViolations(page)
        expect(narrow, `${role} at 390 px: ${describeViolations(narrow)}`).toEqual([])
        await screenshot(page, `start-${role}-390`)
      } finally {
        await context.close()
      }
    },
  )
})
