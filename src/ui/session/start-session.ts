import type { Context } from 'hono'
import type { Principal } from '../../access/principal.ts'
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
  /** The token's principal when the caller has it already (token login); else read back. */
  principal?: Principal,
): Promise<void> {
  const previous = c.get('session')
  if (previous?.live) await deps.sessions.end(previous.session.id)
  const { cookie } = await deps.sessions.create({
    ...input,
    device: deviceLabel(c.req.header('user-agent')),
  })
  const holder = principal ?? (await liveHolder(deps, cookie))
  if (holder) await logSignIn(deps.store, holder)
  clearCookie(c, 'login')
  writeCookie(c, 'session', cookie)
}

/**
 * Ends this browser's session, and says where to go next: the provider's logout when the
 * session came from one (so the next sign-in asks for the account again), else the login page.
 */
export async function endSession(
  c: Context<UiEnv>,
  deps: UiDeps,
  session: { id: string; via: string },
): Promise<string> {
  await deps.sessions.end(session.id)
  clearCookie(c, 'session')
  const provider = deps.signIn.provider(session.via)
  const atProvider = provider
    ? await deps.signIn.logoutUrl(provider, '/login?uitgelogd=1')
    : undefined
  return atProvider ?? '/login?uitgelogd=1'
}

async function liveHolder(deps: UiDeps, cookie: string): Promise<Principal | undefined> {
  const started = await deps.sessions.resolve(cookie)
  return started?.live ? started.principal : undefined
}
