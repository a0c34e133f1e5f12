import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { Store } from '../../../src/engine/store.ts'
import { freshDatabase } from '../../support/db.ts'
import type { TestDatabase } from '../../support/db.ts'
import { launchBrowser, login, newContext, startServer } from './browser.ts'

export interface BrowserHarness<T> {
  db: TestDatabase
  /** What `seed` made before the server started. */
  seeded: T
  server: { url: string; close(): Promise<void> }
  browser: Browser
  /** A new browser context on the server, closed after the tests. */
  context(options?: Parameters<typeof newContext>[2]): Promise<BrowserContext>
  /** A new browser context and page on the server, logged in when a token is given. */
  session(token?: string): Promise<{ page: Page; context: BrowserContext }>
}

/**
 * A fresh SQLite database seeded by `seed`, the real server on it and Debian's Chromium, for the
 * tests of one file; everything is closed after them.
 */
export function browserHarness<T>(
  seed: (store: Store) => Promise<T>,
  timeout = 60_000,
): BrowserHarness<T> {
  const contexts: BrowserContext[] = []
  const h = {
    async context(options?: Parameters<typeof newContext>[2]) {
      const context = await newContext(h.browser, h.server.url, options)
      contexts.push(context)
      return context
    },
    async session(token?: string) {
      const context = await h.context()
      const page = await context.newPage()
      if (token) await login(page, token)
      return { page, context }
    },
  } as BrowserHarness<T>
  beforeAll(async () => {
    h.db = await freshDatabase('sqlite')
    h.seeded = await seed(h.db.store)
    h.server = await startServer(h.db.store)
    h.browser = await launchBrowser()
  }, timeout)
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await h.browser?.close()
    await h.server?.close()
    await h.db?.cleanup()
  })
  return h
}
