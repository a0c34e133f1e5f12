import type { Context } from 'hono'
import { badRequest } from '../../errors.ts'

type FormBody = Awaited<ReturnType<Context['req']['parseBody']>>

/** The posted form; a body that is not a form (or is cut off) is the sender's 400, not our 500. */
export async function readForm(
  c: Context,
  options: { all?: boolean } = { all: true },
): Promise<FormBody> {
  try {
    return await c.req.parseBody(options)
  } catch {
    throw badRequest(
      'Het formulier kon niet worden gelezen. Verstuur het opnieuw vanuit de pagina.',
    )
  }
}
