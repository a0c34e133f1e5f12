import { z } from 'zod'

/** One OpenID Connect provider people may sign in with (SURFconext, Entree, Entra ID…). */
export interface ProviderConfig {
  /** Short id, lower case: in the environment (OIDC_<ID>_…) and in the redirect URL. */
  id: string
  /** The button's text on the login page. */
  label: string
  issuer: string
  clientId: string
  clientSecret: string
  /** Which claim finds the person: a verified e-mail address, or a stored subject. */
  match: 'email' | 'subject'
  scope: string
}

const ID = /^[a-z][a-z0-9-]{0,30}$/

const providerSchema = z.object({
  ISSUER: z.url({ message: 'moet een URL zijn (https://…)' }),
  CLIENT_ID: z.string().min(1, 'is verplicht'),
  CLIENT_SECRET: z.string().min(1, 'is verplicht'),
  LABEL: z.string().min(1).optional(),
  MATCH: z.enum(['email', 'subject']).default('email'),
  SCOPE: z.string().min(1).optional(),
})

/**
 * The providers named in OIDC_PROVIDERS (comma-separated ids), each from its OIDC_<ID>_ISSUER,
 * _CLIENT_ID, _CLIENT_SECRET and optional _LABEL, _MATCH (email | subject) and _SCOPE.
 * Throws with every problem at once; plain http is accepted only for a loopback issuer.
 */
export function providersFromEnv(env: Record<string, string | undefined>): ProviderConfig[] {
  const ids = (env['OIDC_PROVIDERS'] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  const problems: string[] = []
  const providers: ProviderConfig[] = []
  for (const id of ids) {
    if (!ID.test(id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" moet uit kleine letters, cijfers en - bestaan`)
      continue
    }
    const prefix = `OIDC_${id.toUpperCase().replaceAll('-', '_')}_`
    const fields = Object.fromEntries(
      Object.keys(providerSchema.shape).map((key) => [key, env[prefix + key] || undefined]),
    )
    const parsed = providerSchema.safeParse(fields)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${prefix}${issue.path.join('.')}: ${issue.message}`)
      continue
    }
    const p = parsed.data
    if (new URL(p.ISSUER).protocol !== 'https:' && !isLoopback(p.ISSUER)) {
      problems.push(`${prefix}ISSUER: moet https gebruiken`)
      continue
    }
    providers.push({
      id,
      label: p.LABEL ?? id,
      issuer: p.ISSUER,
      clientId: p.CLIENT_ID,
      clientSecret: p.CLIENT_SECRET,
      match: p.MATCH,
      scope: p.SCOPE ?? (p.MATCH === 'email' ? 'openid email' : 'openid'),
    })
  }
  if (new Set(ids).size !== ids.length)
    problems.push('OIDC_PROVIDERS: een id staat er twee keer in')
  if (problems.length > 0) throw new Error(problems.join('\n  '))
  return providers
}

/** A provider on this machine (tests, a local Keycloak): plain http is then acceptable. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
}
