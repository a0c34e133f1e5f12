import type { Context } from 'hono'
import { logSignIn } from '../../audit/access-log.service.ts'
import type { UiDeps, UiEnv } from '../env.ts'
import { clearCookie, writeCookie } from './cookies.ts'
import { deviceLabel } from './device.ts'

/**
 * Starts a browser session for a token that was just verified. A new session id at every login:
 * an id set before login is never reused (fixation). Reading the holder's name for the page
 * header is a read of personal data, logged once here for the whole session.
 */
export async function startSession(
  c: Context<UiEnv>,
  deps: UiDeps,
  input: { tokenId: string; personId: string | null; via: string },
): Promise<void> {
  const previous = c.get('session')
  if (previous?.live) await deps.sessions.end(previous.session.id)
  const { cookie } = await deps.sessions.create({
    ...input,
    device: deviceLabel(c.req.header('user-agent')),
  })
  const started = await deps.sessions.resolve(cookie)
  if (started?.live) await logSignIn(deps.store, started.principal)
  clearCookie(c, 'login')
  writeCookie(c, 'session', cookie)
}
