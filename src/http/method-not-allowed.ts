import type { Context } from 'hono'
import { ProblemError, notFound } from '../errors.ts'
import { problemResponse } from './problem.ts'

/** A registered route, as Hono lists them in `app.routes`. */
export interface KnownRoute {
  method: string
  path: string
}

const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** A Hono route pattern (`/api/v1/pilots/:id`, `/docs/*`) as a test on whole paths. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => {
      if (part === '*') return '.*'
      const param = /^:\w+(?:\{(.+)\})?$/.exec(part)
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+'
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return new RegExp(`^${source}$`)
}

/** Which methods a path answers to; the routes are compiled once, on first use. */
function methodTable(routes: () => readonly KnownRoute[]): (path: string) => string[] {
  let compiled: { method: string; test: RegExp }[] | undefined
  return (path) => {
    compiled ??= routes()
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, test: patternOf(r.path) }))
    const methods = new Set(compiled.filter((r) => r.test.test(path)).map((r) => r.method))
    const rank = (m: string) => (ORDER.includes(m) ? ORDER.indexOf(m) : ORDER.length)
    return [...methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  }
}

/**
 * The answer when no route matched: 405 with `Allow` when the path is known but the method is
 * not, 404 otherwise. It runs after authentication, so without a valid token both are a 401 and
 * neither tells which paths exist.
 */
export function routeMissing(routes: () => readonly KnownRoute[]) {
  const allowedFor = methodTable(routes)
  return function answerMissingRoute(c: Context): Response {
    const allowed = allowedFor(c.req.path)
    if (allowed.length === 0) {
      return problemResponse(c, notFound('Route', `${c.req.method} ${c.req.path}`))
    }
    const problem = new ProblemError(
      405,
      'method-not-allowed',
      'Method not allowed',
      `De methode ${c.req.method} is niet mogelijk op ${c.req.path}; hier kan: ${allowed.join(', ')}.`,
    )
    return problemResponse(c, problem, { Allow: allowed.join(', ') })
  }
}
