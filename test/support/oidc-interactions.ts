import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'
import { loginPage } from './oidc-pages.ts'

const INTERACTION_PATH = /^\/interaction\/([\w-]+)(\/login)?$/

async function readForm(ctx: KoaContextWithOIDC): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of ctx.req) body += String(chunk)
  return new URLSearchParams(body)
}

/**
 * The provider's own login pages, instead of oidc-provider's noisy development ones:
 * GET /interaction/:uid shows a login form, POST /interaction/:uid/login signs in as the account
 * named in `login` (any password) and resumes the authorization. Consent is never asked: the
 * provider's `loadExistingGrant` grants the scopes.
 */
export function interactionRoutes(provider: Provider, knownAccount: (id: string) => boolean) {
  return async function interactions(ctx: KoaContextWithOIDC, next: () => Promise<unknown>) {
    const match = INTERACTION_PATH.exec(ctx.path)
    if (!match) return next()
    const [, uid, login] = match
    const action = `/interaction/${uid}/login`
    const { prompt } = await provider.interactionDetails(ctx.req, ctx.res)
    if (prompt.name !== 'login') ctx.throw(501, `prompt ${prompt.name} is not supported`)
    ctx.set('cache-control', 'no-store')
    ctx.type = 'html'
    if (!login || ctx.method !== 'POST') {
      ctx.body = loginPage(action)
      return
    }
    const accountId = (await readForm(ctx)).get('login') ?? ''
    if (!knownAccount(accountId)) {
      ctx.status = 400
      ctx.body = loginPage(action, `Onbekend account: ${accountId}`)
      return
    }
    const resumeUrl = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    )
    ctx.status = 303
    ctx.redirect(resumeUrl)
  }
}
