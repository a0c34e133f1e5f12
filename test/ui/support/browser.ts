import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { createApp } from '../../../src/http/app.ts'
import type { DbHandle } from '../../../db/create-db.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots')

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** The app on a real port, as `npm start` serves it. */
export async function startServer(
  store: DbHandle,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({ store, onError: (e) => console.error('unexpected', e) })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Debian's Chromium, headless, with nothing reaching out to the network by itself. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
}

/**
 * A fresh browser profile (no cookies) that fails on any request leaving the app (and the origins
 * in `allow`, such as a sign-in provider). The app's CSP forbids inline scripts, so injecting axe
 * needs `bypassCSP`; flows run with the CSP on.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { bypassCSP?: boolean; allow?: readonly string[] } = {},
): Promise<BrowserContext> {
  const allowed = new Set([baseURL, ...(options.allow ?? [])].map((u) => new URL(u).origin))
  const context = await browser.newContext({
    baseURL,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || allowed.has(new URL(url).origin)) return route.continue()
    throw new Error(`request outside the app: ${url}`)
  })
  return context
}

export async function login(page: Page, token: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('Uw token').fill(token)
  const status = await clickAndLoad(page, page.getByRole('button', { name: 'Inloggen' }))
  if (status !== 200 || new URL(page.url()).pathname.startsWith('/login')) {
    throw new Error(`login failed (${status}): ${await mainText(page)}`)
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string }[]
}

/** axe-core on the page as it is; returns the serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
}

interface AxeResult {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string; any: { data?: { messageKey?: string } | null }[] }[]
}

/**
 * axe-core on the page as it is; returns every violation, minor ones too. Text in the colour of
 * its background (contrast 1:1) counts as a serious violation: axe only asks a person to check
 * it, as the text might be hidden on purpose.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }> }
      }
    ).axe
    const result = await axe.run()
    const invisible = result.incomplete
      .filter((v) => v.id === 'color-contrast')
      .map((v) => ({
        ...v,
        impact: 'serious',
        help: `${v.help} (the text has the colour of its background)`,
        nodes: v.nodes.filter((n) => n.any.some((c) => c.data?.messageKey === 'equalRatio')),
      }))
      .filter((v) => v.nodes.length > 0)
    return [...result.violations, ...invisible].map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }))
  })
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} ${n.html}`).join('\n')}`,
    )
    .join('\n')
}

/** Clicks something that submits a form or follows a link, and waits for the new page; its status. */
export async function clickAndLoad(page: Page, target: Locator): Promise<number> {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    target.click(),
  ])
  return response?.status() ?? 0
}

/** Presses a key that submits (Enter, Space on a button) and waits for the new page; its status. */
export async function pressAndLoad(page: Page, key: string): Promise<number> {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.keyboard.press(key),
  ])
  return response?.status() ?? 0
}

/** The visible text of the main content. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ')
}
