import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps } from './csrf.ts'

/**
 * Cookie names. Over HTTPS they carry the `__Host-` prefix: the browser then accepts them only
 * with `Secure`, `Path=/` and no `Domain`, so no other host of the domain can set or shadow them.
 */
const NAMES = {
  /** The session: a random secret; the server keeps only its digest and never the token. */
  session: 'dl_session',
  /** Before login there is no session: the login form's CSRF secret is a double-submit cookie. */
  login: 'dl_login',
  /** An OpenID Connect login on its way through the provider. */
  sso: 'dl_sso',
} as const

export type CookieKind = keyof typeof NAMES

export function cookieName(c: Context, kind: CookieKind): string {
  return isHttps(c) ? `__Host-${NAMES[kind]}` : NAMES[kind]
}

/**
 * The sso cookie is `Lax`: the provider sends the browser back with a cross-site navigation,
 * on which `Strict` cookies stay home. The others are `Strict`.
 */
const options = (c: Context, kind: CookieKind) => ({
  path: '/',
  httpOnly: true,
  sameSite: kind === 'sso' ? ('Lax' as const) : ('Strict' as const),
  secure: isHttps(c),
})

export function readCookie(c: Context, kind: CookieKind): string | undefined {
  return getCookie(c, cookieName(c, kind))
}

export function writeCookie(c: Context, kind: CookieKind, value: string, maxAgeS?: number): void {
  setCookie(c, cookieName(c, kind), value, {
    ...options(c, kind),
    ...(maxAgeS ? { maxAge: maxAgeS } : {}),
  })
}

export function clearCookie(c: Context, kind: CookieKind): void {
  deleteCookie(c, cookieName(c, kind), options(c, kind))
}
