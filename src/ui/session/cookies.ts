import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps } from './csrf.ts'

/** The session cookie: a random id; the token stays on the server. */
export const SESSION_COOKIE = 'dl_session'
/** Before login there is no session: the login form's CSRF secret is a double-submit cookie. */
export const LOGIN_COOKIE = 'dl_login'

const options = (c: Context, path = '/') => ({
  path,
  httpOnly: true,
  sameSite: 'Strict' as const,
  secure: isHttps(c),
})

export function readCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name)
}

export function writeCookie(c: Context, name: string, value: string, path = '/'): void {
  setCookie(c, name, value, options(c, path))
}

export function clearCookie(c: Context, name: string, path = '/'): void {
  deleteCookie(c, name, options(c, path))
}
