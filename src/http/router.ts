import { OpenAPIHono } from '@hono/zod-openapi'
import { badRequest } from '../errors.ts'
import { zodErrors } from '../engine/validation.ts'
import type { AuthEnv } from './auth.ts'
import { problemResponse } from './problem.ts'

/** A sub-app whose failed validations answer 400 problem+json with `errors: [{path, message}]`. */
export function newRouter(): OpenAPIHono<AuthEnv> {
  return new OpenAPIHono<AuthEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' ? 'body' : result.target
        return problemResponse(
          c,
          badRequest(`De ${where} van het verzoek klopt niet.`, zodErrors(result.error)),
        )
      }
      return undefined
    },
  })
}

export const bearer = [{ bearer: [] }]
