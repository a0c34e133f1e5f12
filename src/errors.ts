/**
 * Domain errors. Each carries what the caller needs to act; src/http/problem.ts maps them to
 * RFC 9457 problem details. Messages are Dutch where a person reads them in the UI, and the
 * `title` stays a short English summary as RFC 9457 suggests.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail)
    this.name = 'ProblemError'
  }
}

export interface FieldError {
  path: string
  message: string
}

export const badRequest = (detail: string, errors: FieldError[] = []) =>
  new ProblemError(400, 'validation', 'Invalid request', detail, { errors })

export const unauthorized = (detail: string) =>
  new ProblemError(401, 'unauthorized', 'Not authenticated', detail)

export const forbidden = (detail: string) =>
  new ProblemError(403, 'forbidden', 'Not allowed for this role', detail)

export const notFound = (what: string, id: string) =>
  new ProblemError(
    404,
    'not-found',
    'Not found',
    `${what} '${id}' bestaat niet of valt buiten uw bereik.`,
  )

export const inFlight = () =>
  new ProblemError(
    409,
    'in-flight',
    'Request still in flight',
    'Een verzoek met deze Idempotency-Key wordt nog verwerkt; probeer het zo opnieuw.',
  )

export const stale = (currentVersion: number, sent: string) =>
  new ProblemError(
    412,
    'stale',
    'Version does not match',
    `If-Match ${sent} komt niet overeen met de huidige versie "${currentVersion}": iemand anders heeft het proces intussen gewijzigd. Laad het opnieuw.`,
    { currentVersion },
  )

export const blocked = (type: string, reasons: string[]) =>
  new ProblemError(422, 'blocked', 'Event not possible now', reasons.join(' '), {
    blocked: { type, reasons },
  })

export const unprocessable = (detail: string) =>
  new ProblemError(422, 'unprocessable', 'Request cannot be processed', detail)

export const unavailable = (detail: string) =>
  new ProblemError(503, 'unavailable', 'Service unavailable', detail)

/** An ingangsdatum before the instance began: on that date the instance did not exist yet. */
export const effectiveBeforeStart = (effectiveDate: string, earliest: string) =>
  new ProblemError(
    422,
    'effective-date-before-start',
    'Effective date before the instance began',
    `De ingangsdatum ${effectiveDate} ligt vóór het begin van dit proces; de vroegste toegestane ingangsdatum is ${earliest}.`,
    {
      earliestEffectiveDate: earliest,
      errors: [{ path: 'effectiveDate', message: `Kies ${earliest} of later.` }],
    },
  )
