import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../../src/access/policy.ts'
import { buildDemo } from '../../../src/demo/load-demo.ts'
import { listVisiblePilots } from '../../../src/engine/pilots.service.ts'
import { listVisibleInstances } from '../../../src/engine/read-instances.ts'
import {
  axeSerious,
  clickAndLoad,
  describeViolations,
  login,
  mainText,
  screenshot,
} from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'

// Every page type, with the demo dataset, as each role sees it: it answers, axe-core finds no
// serious or critical violation, and a screenshot is written to test-output/screenshots/.

const h = browserHarness(buildDemo, 120_000)

function loginOf(role: Role) {
  const found = h.seeded.logins.find((l) => l.role === role)
  if (!found) throw new Error(`the demo has no ${role} login`)
  return found.user
}

async function firstTeam(role: Role): Promise<{ pilotId: string; teamId: string }> {
  const pilots = await listVisiblePilots(h.db.store, loginOf(role).principal, { limit: 10 })
  const pilot = pilots.items[0]
  const team = pilot?.teams[0]
  if (!pilot || !team) throw new Error(`${role} sees no pilot`)
  return { pilotId: pilot.id, teamId: team.instanceId }
}

async function firstTransition(role: Role, status?: string): Promise<string> {
  const found = await listVisibleInstances(h.db.store, loginOf(role).principal, {
    machine: 'rolovergang',
    status,
    limit: 50,
  })
  const lopend = found.items.find((v) => typeof v.state === 'object') ?? found.items[0]
  if (!lopend) throw new Error(`${role} sees no transition`)
  return lopend.id
}

/** Visits a page, checks it answered and axe finds nothing serious, and screenshots it. */
async function check(page: Page, name: string, path: string, status = 200): Promise<void> {
  const response = await page.goto(path)
  expect(response?.status(), `${name}: ${path}`).toBe(status)
  expect(await page.getAttribute('html', 'lang')).toBe('nl')
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1)
  const violations = await axeSerious(page)
  expect(violations, `${name}: ${describeViolations(violations)}`).toEqual([])
  await screenshot(page, name)
}

async function asRole(role: Role | null, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await h.context({ bypassCSP: true })
  try {
    const page = await context.newPage()
    if (role) await login(page, loginOf(role).token)
    await run(page)
  } finally {
    await context.close()
  }
}

describe('every page type (demo data, Chromium, axe-core)', () => {
  it('login, and an error page', async () => {
    await asRole(null, async (page) => {
      await check(page, '01-login', '/login')
      await page.getByLabel('Uw token').fill('dl_dit-token-bestaat-niet-0123456789')
      const status = await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }))
      expect(status).toBe(401)
      expect(await mainText(page)).toContain('Dit token is onbekend of ingetrokken.')
      expect(await axeSerious(page)).toEqual([])
      await screenshot(page, '01-login-fout')
    })
  })

  it('teamlid: my pilots, a pilot, a team', async () => {
    const { pilotId, teamId } = await firstTeam('member')
    await asRole('member', async (page) => {
      await check(page, '10-teamlid-mijn-pilots', '/pilots')
      await check(page, '11-teamlid-pilot', `/pilots/${pilotId}`)
      await check(page, '12-teamlid-team', `/teams/${teamId}`)
      await check(page, '13-niet-gevonden', '/teams/inst_bestaat-niet', 404)
    })
  })

  it('HR: transitions (filtered), a transition, a new one, pilots, a team', async () => {
    const transitionId = await firstTransition('hr')
    const { teamId } = await firstTeam('hr')
    await asRole('hr', async (page) => {
      await check(page, '20-hr-rolovergangen', '/transitions')
      await check(
        page,
        '21-hr-rolovergangen-erkenning-open',
        '/transitions?vraag=erkenning&status=actief',
      )
      await check(page, '22-hr-rolovergang', `/transitions/${transitionId}`)
      await check(page, '23-hr-nieuwe-rolovergang', '/transitions/new')
      await check(page, '24-hr-pilots', '/pilots')
      await check(page, '25-hr-team', `/teams/${teamId}`)
    })
  })

  it('leraar: my transitions, one of them, a request', async () => {
    const transitionId = await firstTransition('teacher')
    await asRole('teacher', async (page) => {
      await check(page, '30-leraar-mijn-rolovergangen', '/transitions')
      await check(page, '31-leraar-rolovergang', `/transitions/${transitionId}`)
      await check(page, '32-leraar-aanvragen', '/transitions/new')
      await check(page, '33-leraar-geen-toegang', '/audit', 403)
    })
  })

  it('auditor: the list, a history verified, the state on a date', async () => {
    const transitionId = await firstTransition('auditor')
    const { teamId } = await firstTeam('auditor')
    await asRole('auditor', async (page) => {
      await check(page, '40-auditor-overzicht', '/audit')
      await check(page, '41-auditor-alles-geverifieerd', '/audit/verify')
      await check(page, '42-auditor-geschiedenis-geverifieerd', `/audit/${teamId}/verify`)
      await check(
        page,
        '43-auditor-stand-op-datum',
        `/audit/${transitionId}?datum=${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())}`,
      )
      await check(page, '44-auditor-beheerketen', '/audit/beheer')
    })
  })

  it('beheer: start, organisations, people, tokens, pilots, process definitions', async () => {
    await asRole('admin', async (page) => {
      await check(page, '50-beheer', '/admin')
      await check(page, '51-beheer-organisaties', '/admin/organisations')
      await check(page, '52-beheer-personen', '/admin/people')
      await check(page, '53-beheer-tokens', '/admin/tokens')
      await check(page, '54-beheer-pilots', '/pilots')
      await check(page, '55-beheer-procesdefinities', '/admin/definities')
      await check(page, '56-beheer-wat-er-verandert', '/admin/definities?proces=rolovergang&naar=2')
    })
  })
})
