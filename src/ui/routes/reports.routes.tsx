import { Hono } from 'hono'
import type { UiDeps, UiEnv } from '../env.ts'
import { Page } from '../layout.tsx'
import { html } from '../render.tsx'
import { guard } from '../session/guard.ts'

/** The reports pages (/rapportages). */
export function reportPageRoutes(deps: UiDeps) {
  const page = guard(deps)
  return new Hono<UiEnv>().get(
    '/rapportages',
    page((c, who) =>
      html(
        c,
        <Page title="Rapportages" who={who} path={c.req.path}>
          <p>Rapportages</p>
        </Page>,
      ),
    ),
  )
}
