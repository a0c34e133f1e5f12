import fc from 'fast-check'

// Generators of bad input for the fuzz test: paths with odd ids, malformed bodies, queries and
// headers. Every request is built from these and a route of the app.

export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface FuzzContext {
  /** `METHOD /path/:param` of every route of the app. */
  routes: string[]
  /** Ids that exist (and some that do not), to put into queries and bodies. */
  ids: string[]
  /** Ids that exist for a route's path parameter. */
  idsFor(route: string): string[]
  /** A valid body per route key, the starting point for malformed ones. */
  validBodies: Record<string, Record<string, unknown>>
  /** Bearer secrets of every kind of caller, valid and not. */
  tokens: string[]
  eventTypes: string[]
}

/** Characters that break naive code: NUL, lone surrogates, RTL override, zero width, BOM, emoji. */
const oddStrings = fc.constantFrom(
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udfff',
  '\u202eevil',
  'zero\u200bwidth',
  '\ufeffbom',
  'e\u0301',
  '😀'.repeat(50),
  '\u0085\u2028\u2029',
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '%00',
  '   ',
  '',
  'x'.repeat(6000),
)

/** `arb` in one of `every` draws, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb })

/** Percent-encodes any string; a lone surrogate becomes its (invalid) UTF-8 bytes. */
export function encode(s: string): string {
  return Array.from(s)
    .map((ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
    .join('')
}

const hugeString = fc.constantFrom('y'.repeat(70 * 1024), 'z'.repeat(200_000))

/** Header-safe text (Latin-1 without control characters). */
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
    ),
    maxLength,
  })

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  oddStrings,
  fc.constantFrom(
    -1,
    0,
    1e308,
    -0,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    'kasteel',
    'SCHOOL',
    ' school',
    'admin ',
  ),
)

function idArb(ctx: FuzzContext, route: string) {
  const own = ctx.idsFor(route)
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(own.length > 0 ? own : ctx.ids)) },
    { weight: 2, arbitrary: fc.constantFrom(...ctx.ids) },
    { weight: 2, arbitrary: oddStrings.map((s) => encode(s) || 'x') },
    fc.constantFrom('%00', '%E0%A4%A', '..%2F..%2F', '%2e%2e', 'a'.repeat(300), '%20', '*'),
    fc.string({ maxLength: 30 }).map((s) => encode(s) || 'x'),
  )
}

function queryArb(ctx: FuzzContext) {
  const key = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        'limit',
        'after',
        'machine',
        'status',
        'organisationId',
        'instanceId',
      ),
    },
    fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a'.repeat(500)),
    fc.string({ maxLength: 10 }),
  )
  const value = fc.oneof(
    fc.constantFrom('0', '-1', '501', '1e3', '1.5', 'NaN', 'Infinity', '', '99999999999999999999'),
    fc.constantFrom('1', '2', '500', 'ontwikkelteam', 'rolovergang', 'actief', 'afgerond'),
    fc.constantFrom(...ctx.ids),
    oddStrings,
    fc.string({ maxLength: 40 }),
  )
  return fc.oneof(
    fc
      .array(fc.tuple(key, value), { maxLength: 4 })
      .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
    fc.constantFrom('%%%', '&&==&', 'limit=1&limit=2', 'after=%E0%A4%A', 'limit', '=1'),
  )
}

/** A malformed variant of a valid body, as JSON text. */
function bodyArb(ctx: FuzzContext, route: string) {
  const valid = ctx.validBodies[route] ?? {}
  const keys = Object.keys(valid)
  const field = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('type')
  const mutated = fc.oneof(
    fc.constant(valid),
    fc.tuple(field, anyValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(field, hugeString).map(([k, v]) => ({ ...valid, [k]: v })),
    { weight: 3, arbitrary: fc.tuple(field, oddStrings).map(([k, v]) => ({ ...valid, [k]: v })) },
    fc
      .tuple(fc.constantFrom('relatie.vastleggen', 'stoppen', 'pauzeren'), oddStrings)
      .map(([type, odd]) => ({
        type,
        payload: type === 'relatie.vastleggen' ? { text: odd } : {},
        reason: odd,
      })),
    field.map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc.tuple(fc.string({ maxLength: 20 }), anyValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...ctx.eventTypes).map((type) => ({ ...valid, type })),
    fc
      .tuple(
        fc.constantFrom(...ctx.eventTypes),
        fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 4 }),
      )
      .map(([type, payload]) => ({ type, payload, reason: 'Fuzz.' })),
  )
  const pollution = fc.constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    `{"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(valid).slice(1)}`,
    `{"__proto__":{"polluted":"yes"},${JSON.stringify(valid).slice(1)}`,
    '{"type":"relatie.vastleggen","payload":{"__proto__":{"polluted":"yes"},"text":"a"}}',
    '{"type":"lid.toevoegen","payload":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    '{"type":"__proto__","payload":{}}',
    '{"type":"toString","payload":{}}',
    '{"type":"hasOwnProperty"}',
    '{"type":"facilitering.afspreken","payload":{"hoursPerYear":1e999,"budgetSource":"school","agreedBy":"x"}}',
    '{"type":"evaluatie.vastleggen","payload":{"level":"samenwerking","judgement":"x","scores":{"belangen":-1e-999}}}',
  )
  return fc.oneof(
    { weight: 12, arbitrary: mutated.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: pollution },
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      '{',
      '{"a":',
      '[',
      'nul',
      '{"a":1,}',
      "{'a':1}",
      '\ufeff{}',
      '{"a":1}{"b":2}',
      '',
    ),
    fc.constant(JSON.stringify(valid)).map((s) => s.slice(0, Math.max(1, s.length - 3))),
    fc.constant(`[${'['.repeat(5000)}${']'.repeat(5001)}`),
    fc.constant(JSON.stringify({ ...valid, filler: 'w'.repeat(65 * 1024) })),
  )
}

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/jsonp',
    'application/problem+json',
    '*/*',
    '',
  ),
)

/** API writes carry most of the bad input; web pages (refused without a session) the least. */
function weightOf(route: string): number {
  const api = / \/(api\/|health|ready|openapi\.json|docs)/.test(route)
  if (!api) return 1
  return route.startsWith('GET ') ? 2 : 6
}

/** One request with bad input somewhere: path parameter, query, body, content type or headers. */
export function requestArb(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const route = fc.oneof(
    ...ctx.routes.map((r) => ({ weight: weightOf(r), arbitrary: fc.constant(r) })),
  )
  return route.chain((picked) =>
    fc
      .record({
        route: fc.constant(picked),
        otherMethod: sometimes(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
          15,
        ),
        id: idArb(ctx, picked),
        query: sometimes(queryArb(ctx), 2),
        token: fc.oneof(
          { weight: 8, arbitrary: fc.constant(`Bearer ${ctx.tokens[0] ?? ''}`) },
          { weight: 4, arbitrary: fc.constantFrom(...ctx.tokens).map((t) => `Bearer ${t}`) },
          fc.constantFrom(
            '',
            'Bearer',
            'Bearer ',
            'bearer x',
            'Basic YWRtaW46YWRtaW4=',
            `Bearer ${'t'.repeat(5000)}`,
          ),
          headerText(80),
        ),
        contentType,
        ifMatch: sometimes(
          fc.oneof(
            fc.constantFrom('"1"', '*', 'W/"2"', '"-1"', '"99999999999"', '""', '"1", "2"'),
            headerText(60),
          ),
          3,
        ),
        idempotencyKey: sometimes(
          fc.oneof(fc.constantFrom('', ' ', 'k'.repeat(300)), headerText(40)),
          3,
        ),
        extraHeader: sometimes(
          fc.tuple(
            fc.constantFrom('x-forwarded-for', 'content-length', 'transfer-encoding', 'accept'),
            headerText(30),
          ),
          5,
        ),
      })
      .chain((r) => {
        const [routeMethod, routePath = '/'] = r.route.split(' ')
        const method = r.otherMethod ?? routeMethod ?? 'GET'
        const withBody = method !== 'GET' && method !== 'HEAD'
        return (withBody ? bodyArb(ctx, r.route) : fc.constant(undefined)).map((body) => {
          const path = routePath.replace(/:(\w+)/g, () => r.id)
          const headers: Record<string, string> = {}
          if (r.token) headers.authorization = r.token
          if (body !== undefined && r.contentType) headers['content-type'] = r.contentType
          if (r.ifMatch !== null) headers['if-match'] = r.ifMatch
          if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey
          if (
            r.extraHeader &&
            r.extraHeader[0] !== 'content-length' &&
            r.extraHeader[0] !== 'transfer-encoding'
          ) {
            headers[r.extraHeader[0]] = r.extraHeader[1]
          }
          return {
            method,
            path: r.query === null ? path : `${path}?${r.query}`,
            headers,
            ...(body !== undefined ? { body } : {}),
          }
        })
      }),
  )
}
