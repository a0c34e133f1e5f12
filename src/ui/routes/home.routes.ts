import { Hono } from 'hono'
import { readInbox } from '../../engine/inbox/inbox.service.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { InboxPage } from '../pages/inbox-page.tsx'
import { html } from '../render.tsx'
import { guard } from '../session/guard.ts'

/** Where a role without work in the processes starts: beleid reads the reports. */
const ELSEWHERE: Partial<Record<string, string>> = { beleid: '/rapportages' }

/** The start page: each role's "te doen", as GET /api/v1/inbox computes it. */
export function homeRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/',
    page(async (c, who) => {
      const elsewhere = ELSEWHERE[who.principal.role]
      if (elsewhere) return c.redirect(elsewhere, 303)
      const inbox = await readInbox(deps.store, who.principal, deps.now())
      return html(c, InboxPage({ who, path: c.req.path, inbox }))
    }),
  )
}
