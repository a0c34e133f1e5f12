/** One stored cookie, as a browser keeps it. */
export interface StoredCookie {
  name: string
  value: string
  path: string
  /** Epoch milliseconds; undefined for a session cookie. */
  expiresAt?: number
  secure: boolean
  httpOnly: boolean
  sameSite?: string
}

/** The directory of a request path, the path a cookie without `Path` gets (RFC 6265 5.1.4). */
function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/')
  return slash <= 0 ? '/' : pathname.slice(0, slash)
}

/** Whether a cookie with `cookiePath` goes along with a request for `pathname`. */
function pathMatches(cookiePath: string, pathname: string): boolean {
  if (pathname === cookiePath) return true
  if (!pathname.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || pathname[cookiePath.length] === '/'
}

function parseSetCookie(header: string, url: URL, now: number): StoredCookie | undefined {
  const [pair = '', ...attributes] = header.split(';')
  const equals = pair.indexOf('=')
  if (equals < 0) return undefined
  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    path: defaultPath(url.pathname),
    secure: false,
    httpOnly: false,
  }
  let maxAge: number | undefined
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=')
    const key = rawKey.trim().toLowerCase()
    const value = rest.join('=').trim()
    if (key === 'path' && value.startsWith('/')) cookie.path = value
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value)
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) {
      cookie.expiresAt ??= Date.parse(value)
    } else if (key === 'secure') cookie.secure = true
    else if (key === 'httponly') cookie.httpOnly = true
    else if (key === 'samesite') cookie.sameSite = value.toLowerCase()
  }
  // Max-Age wins over Expires; zero or less means "delete now".
  if (maxAge !== undefined) cookie.expiresAt = now + maxAge * 1000
  return cookie.name ? cookie : undefined
}

/**
 * Cookies keyed by hostname, as a browser keeps them: the port does not separate them, so an
 * app and a provider on 127.0.0.1 share one jar. Honours Path, Max-Age/Expires and Secure (sent
 * over https only); Domain is ignored (a cookie belongs to the host that set it).
 */
export class CookieJar {
  readonly #byHost = new Map<string, StoredCookie[]>()

  /** Stores (or, when expired, deletes) the cookies of a response to `url`. */
  store(url: URL, setCookieHeaders: string[], now = Date.now()): void {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url, now)
      if (!cookie) continue
      const others = this.#live(url.hostname, now).filter(
        (c) => c.name !== cookie.name || c.path !== cookie.path,
      )
      const expired = cookie.expiresAt !== undefined && cookie.expiresAt <= now
      this.#byHost.set(url.hostname, expired ? others : [...others, cookie])
    }
  }

  /** The `Cookie` header for a request to `url`, or undefined when no cookie applies. */
  header(url: URL, now = Date.now()): string | undefined {
    const https = url.protocol === 'https:'
    const cookies = this.#live(url.hostname, now)
      .filter((c) => pathMatches(c.path, url.pathname) && (https || !c.secure))
      .sort((a, b) => b.path.length - a.path.length)
    return cookies.length ? cookies.map((c) => `${c.name}=${c.value}`).join('; ') : undefined
  }

  /** The live cookies of one hostname. */
  cookies(hostname: string, now = Date.now()): StoredCookie[] {
    return this.#live(hostname, now).map((c) => ({ ...c }))
  }

  #live(hostname: string, now: number): StoredCookie[] {
    const live = (this.#byHost.get(hostname) ?? []).filter(
      (c) => c.expiresAt === undefined || c.expiresAt > now,
    )
    this.#byHost.set(hostname, live)
    return live
  }
}
