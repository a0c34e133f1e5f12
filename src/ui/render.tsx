import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Who } from './env.ts'
import { Page } from './layout.tsx'

/** Sends a page as HTML with a doctype. */
export async function html(c: Context, node: Child, status: ContentfulStatusCode = 200) {
  const body = String(await node)
  return c.html(`<!DOCTYPE html>${body}`, status, { 'cache-control': 'no-store' })
}

const TITLES: Record<number, string> = {
  400: 'Dat ging niet goed',
  401: 'Niet ingelogd',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  409: 'Nog bezig',
  412: 'Intussen gewijzigd',
  413: 'Te groot',
  422: 'Dat kan nu niet',
  429: 'Even geduld',
  503: 'Even niet bereikbaar',
}

/** An error as a page, with the status code it stands for. */
export function errorPage(c: Context, who: Who | undefined, status: number, detail: string) {
  const code = (status >= 400 && status < 600 ? status : 500) as ContentfulStatusCode
  return html(
    c,
    <Page title={TITLES[code] ?? 'Er ging iets mis'} who={who} path={c.req.path}>
      <div class="problem" role="alert">
        <p>{detail}</p>
      </div>
      <p>
        <a href="/">Terug naar het begin</a>
      </p>
    </Page>,
    code,
  )
}

/** 429 as a page: what happened and when to try again (also in Retry-After). */
export async function limitedPage(c: Context, detail: string, headers: Record<string, string>) {
  const page = await errorPage(c, undefined, 429, detail)
  for (const [name, value] of Object.entries(headers)) page.headers.set(name, value)
  return page
}
