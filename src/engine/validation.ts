import type { z } from 'zod'
import type { FieldError } from '../errors.ts'

/** zod issues as `{path, message}` for a problem's `errors`. */
export function zodErrors(error: z.ZodError, prefix: string[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.') || '(body)',
    message: issue.message,
  }))
}
