import { CookieJar } from './cookie-jar.ts'
import type { StoredCookie } from './cookie-jar.ts'
import { parseForms, withOverrides } from './html-forms.ts'

/** What the browser shows after a request and its redirects. */
export interface Page {
  /** The URL of the last response; when `stopped`, the URL it was sent to but did not request. */
  url: string
  /** Status of the last response received (the redirect's status when `stopped`). */
  status: number
  headers: Headers
  html: string
  /** True when following stopped at `stopAt`. */
  stopped: boolean
}

/** A URL prefix, or a predicate, at which redirects are no longer followed. */
export type StopAt = string | ((url: URL) => boolean)

export interface FollowOptions {
  stopAt?: StopAt
  /** Default 20, as browsers allow. */
  maxRedirects?: number
}

export interface SubmitOptions extends FollowOptions {
  /** Which `<form>` of the page (default the first). */
  formIndex?: number
  /** Or: the form whose action has this path (e.g. '/session/end/confirm'). */
  action?: string
  /** Values that replace or add to the form's own fields. */
  fields?: Record<string, string>
}

interface Navigation {
  method: 'GET' | 'POST'
  url: URL
  body?: URLSearchParams
  /** The origin of the document that sent a POST, for the `Origin` header. */
  origin?: string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

function stops(stopAt: StopAt | undefined, url: URL): boolean {
  if (stopAt === undefined) return false
  return typeof stopAt === 'string' ? url.href.startsWith(stopAt) : stopAt(url)
}

/**
 * A small fetch-based browser for tests: one cookie jar keyed by hostname, redirects followed by
 * hand (so a test can stop before a callback), forms read from the HTML and submitted.
 */
export class TestBrowser {
  readonly jar = new CookieJar()
  /** Every URL requested, in order. */
  readonly history: string[] = []

  /** GET `url` and follow its redirects. */
  get(url: string | URL, options: FollowOptions = {}): Promise<Page> {
    return this.#navigate({ method: 'GET', url: new URL(url) }, options)
  }

  /** POST `fields` as a form (by default sent from a page of the target's own origin). */
  post(
    url: string | URL,
    fields: Record<string, string>,
    options: FollowOptions & { origin?: string } = {},
  ): Promise<Page> {
    const target = new URL(url)
    const body = new URLSearchParams(fields)
    return this.#navigate(
      { method: 'POST', url: target, body, origin: options.origin ?? target.origin },
      options,
    )
  }

  /** Fills in and submits a form of `html` (the page at `baseUrl`), then follows redirects. */
  submit(html: string, baseUrl: string, options: SubmitOptions = {}): Promise<Page> {
    const forms = parseForms(html, baseUrl)
    const wanted = options.action && new URL(options.action, baseUrl).pathname
    const form = wanted
      ? forms.find((f) => new URL(f.action).pathname === wanted)
      : forms[options.formIndex ?? 0]
    if (!form) {
      const which = options.action ?? `#${options.formIndex ?? 0}`
      throw new Error(`no form ${which} on ${baseUrl}:\n${html.slice(0, 1000)}`)
    }
    const body = new URLSearchParams(withOverrides(form.fields, options.fields ?? {}))
    const url = new URL(form.action)
    if (form.method === 'GET') {
      url.search = body.toString()
      return this.#navigate({ method: 'GET', url }, options)
    }
    return this.#navigate({ method: 'POST', url, body, origin: new URL(baseUrl).origin }, options)
  }

  /** Goes on from a page: requests a stopped page's URL, or follows a redirect response. */
  follow(page: Page, options: FollowOptions = {}): Promise<Page> {
    const location = page.headers.get('location')
    if (page.stopped) return this.get(page.url, options)
    if (REDIRECTS.has(page.status) && location)
      return this.get(new URL(location, page.url), options)
    return Promise.resolve(page)
  }

  /** The live cookies the browser keeps for `hostname` (any port). */
  cookies(hostname: string): StoredCookie[] {
    return this.jar.cookies(hostname)
  }

  async #navigate(first: Navigation, options: FollowOptions): Promise<Page> {
    const maxRedirects = options.maxRedirects ?? 20
    let navigation = first
    for (let redirects = 0; ; redirects++) {
      const response = await this.#send(navigation)
      const html = await response.text()
      const page = { url: navigation.url.href, status: response.status, headers: response.headers }
      const location = response.headers.get('location')
      if (!REDIRECTS.has(response.status) || !location) return { ...page, html, stopped: false }
      if (redirects >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`)
      const next = new URL(location, navigation.url)
      if (stops(options.stopAt, next)) return { ...page, url: next.href, html, stopped: true }
      // 307 and 308 repeat the request; the others turn it into a GET, as browsers do.
      navigation =
        response.status === 307 || response.status === 308
          ? { ...navigation, url: next }
          : { method: 'GET', url: next }
    }
  }

  async #send({ method, url, body, origin }: Navigation): Promise<Response> {
    const headers = new Headers({ accept: ACCEPT })
    const cookie = this.jar.header(url)
    if (cookie) headers.set('cookie', cookie)
    if (body) headers.set('content-type', 'application/x-www-form-urlencoded')
    if (method === 'POST' && origin) headers.set('origin', origin)
    this.history.push(url.href)
    const response = await fetch(url, { method, headers, body, redirect: 'manual' })
    this.jar.store(url, response.headers.getSetCookie())
    return response
  }
}

/**
 * Signs in at the test provider: fills the login form of `page` (account id, any password),
 * submits it and follows redirects until the browser is sent away from the provider (or reaches
 * `stopAt`). Throws when the browser stays at the provider, e.g. for an unknown account.
 */
export async function signInAtProvider(
  browser: TestBrowser,
  page: Page,
  accountId: string,
  options: { stopAt?: StopAt } = {},
): Promise<Page> {
  const provider = new URL(page.url).origin
  const formIndex = parseForms(page.html, page.url).findIndex((form) =>
    form.fields.some(([name]) => name === 'login'),
  )
  if (formIndex < 0) throw new Error(`no login form at ${page.url}:\n${page.html.slice(0, 1000)}`)
  const result = await browser.submit(page.html, page.url, {
    formIndex,
    fields: { login: accountId, password: 'test' },
    stopAt: options.stopAt ?? ((url) => url.origin !== provider),
  })
  if (!result.stopped && new URL(result.url).origin === provider) {
    throw new Error(
      `signing in as ${accountId} ended at the provider: ${result.status} ${result.url}`,
    )
  }
  return result
}
