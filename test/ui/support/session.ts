import type { App } from '../../../src/http/app.ts'

/** A browser-like client for the in-process app: keeps cookies, follows nothing by itself. */
export class Browser {
  readonly cookies = new Map<string, string>()
  lastCsrf = ''

  constructor(readonly app: App) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async get(path: string): Promise<{ status: number; text: string; res: Response }> {
    const res = await this.app.request(path, { headers: { cookie: this.cookieHeader() } })
    this.remember(res)
    const text = await res.text()
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)
    if (csrf?.[1]) this.lastCsrf = csrf[1]
    return { status: res.status, text, res }
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | null; origin?: string } = {},
  ): Promise<{ status: number; text: string; res: Response }> {
    const body = new URLSearchParams()
    const csrf = options.csrf === undefined ? this.lastCsrf : options.csrf
    if (csrf !== null) body.append('_csrf', csrf)
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
    }
    const res = await this.app.request(path, {
      method: 'POST',
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...(options.origin ? { origin: options.origin } : {}),
      },
      body: body.toString(),
    })
    this.remember(res)
    const text = await res.text()
    const next = /name="_csrf" value="([^"]+)"/.exec(text)
    if (next?.[1]) this.lastCsrf = next[1]
    return { status: res.status, text, res }
  }

  /** Logs in with a token through the login form; returns the redirect target. */
  async login(token: string, back?: string): Promise<string> {
    await this.get(`/login${back ? `?terug=${encodeURIComponent(back)}` : ''}`)
    const res = await this.post('/login', { token, ...(back ? { terug: back } : {}) })
    if (res.status !== 303) throw new Error(`login failed: ${res.status} ${res.text.slice(0, 300)}`)
    return res.res.headers.get('location') ?? ''
  }
}
