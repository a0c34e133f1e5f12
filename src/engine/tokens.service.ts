import { deleteSessionsOfToken } from '../../db/queries/sessions.ts'
import type { DbHandle } from '../../db/create-db.ts'
import type { Token } from '../../db/database.ts'
import { getOrganisations } from '../../db/queries/organisations.ts'
import { getPerson } from '../../db/queries/people.ts'
import { affiliationsOf } from '../../db/queries/affiliations.ts'
import { withDescendants } from '../../db/queries/organisations.ts'
import {
  bindToken,
  getToken,
  insertToken,
  listTokens,
  revokeToken,
} from '../../db/queries/tokens.ts'
import { authorizeRole } from '../access/policy.ts'
import type { Role } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { newTokenSecret, tokenDigest } from '../access/tokens.ts'
import { ProblemError, badRequest, notFound, unprocessable } from '../errors.ts'
import type { Actor } from './actor.ts'
import { recordBeheer } from './beheer.ts'
import { commit } from './commit.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'
import type { Writer } from './commit.ts'
import { newId } from './ids.ts'

export interface TokenInput {
  name: string
  role: Role
  organisationIds?: string[] | undefined
  personId?: string | undefined
}

export interface TokenView {
  id: string
  name: string
  role: string
  organisationIds: string[] | null
  personId: string | null
  createdAt: string
  revokedAt: string | null
}

const view = (t: Token): TokenView => ({
  id: t.id,
  name: t.name,
  role: t.role,
  organisationIds: t.organisation_ids ? (JSON.parse(t.organisation_ids) as string[]) : null,
  personId: t.person_id,
  createdAt: t.created_at,
  revokedAt: t.revoked_at,
})

/** The scope each role needs: hr organisations, member/teacher a person, admin nothing. */
function checkShape(input: TokenInput): void {
  const orgs = input.organisationIds
  if (input.role === 'hr' && (!orgs || orgs.length === 0)) {
    throw badRequest('Een hr-token hoort bij ten minste één organisatie.', [
      { path: 'organisationIds', message: 'Vereist voor rol hr.' },
    ])
  }
  // Whoever acts for an organisation is a person: the history names them.
  if (
    (input.role === 'member' || input.role === 'teacher' || input.role === 'hr') &&
    !input.personId
  ) {
    throw badRequest(`Een ${input.role}-token hoort bij een persoon.`, [
      {
        path: 'personId',
        message: `Vereist voor rol ${input.role}: kies de persoon die het token gebruikt.`,
      },
    ])
  }
  if ((input.role === 'admin' || input.role === 'member' || input.role === 'teacher') && orgs) {
    throw badRequest(`Een ${input.role}-token heeft geen organisaties.`, [
      { path: 'organisationIds', message: `Niet toegestaan voor rol ${input.role}.` },
    ])
  }
}

/** Inserts a token inside a unit of work; the secret is stored only as its digest. */
export async function insertTokenWith(
  w: Writer,
  input: TokenInput,
  secret: string,
): Promise<{ id: string; token: string }> {
  checkShape(input)
  const orgs = input.organisationIds ? [...new Set(input.organisationIds)] : null
  if (orgs) {
    const found = await getOrganisations(w.tx, orgs)
    const missing = orgs.filter((id) => !found.some((o) => o.id === id))
    if (missing.length) throw unprocessable(`Onbekende organisatie(s): ${missing.join(', ')}.`)
  }
  if (input.personId) await checkHolder(w, input.personId, input.role === 'hr' ? orgs : null)
  const row: Token = {
    id: newId('tok'),
    name: input.name,
    digest: tokenDigest(secret),
    role: input.role,
    person_id: input.personId ?? null,
    organisation_ids: orgs ? JSON.stringify(orgs) : null,
    created_at: w.now,
    revoked_at: null,
  }
  await insertToken(w.tx, row)
  await recordBeheer(w, 'token.aangemaakt', {
    tokenId: row.id,
    role: row.role,
    organisationIds: orgs,
    personId: row.person_id,
  })
  return { id: row.id, token: secret }
}

/**
 * The person a token is bound to must exist and not be erased; an hr token's person works at one
 * of its organisations (or below them), so that the history names someone of that organisation.
 */
async function checkHolder(w: Writer, personId: string, orgs: readonly string[] | null) {
  const person = await getPerson(w.tx, personId)
  if (!person || person.erased_at) {
    throw badRequest(`Persoon '${personId}' bestaat niet.`, [
      { path: 'personId', message: 'Kies een bestaande persoon.' },
    ])
  }
  if (!orgs) return
  const scope = await withDescendants(w.tx, orgs)
  const works = (await affiliationsOf(w.tx, [personId])).some((a) =>
    scope.includes(a.organisation_id),
  )
  if (!works) {
    throw badRequest('Deze persoon werkt bij geen van de organisaties van het hr-token.', [
      { path: 'personId', message: 'Kies iemand die werkt bij een van de gekozen organisaties.' },
    ])
  }
}

/** Binds a token to a person (hr tokens from before tokens named people, or a new holder). */
export async function bindTokenToPerson(
  store: DbHandle,
  principal: Principal,
  id: string,
  personId: string,
): Promise<TokenView> {
  authorizeRole(principal, 'token.create')
  return commit(store, principal, async (w) => {
    const token = await getToken(w.tx, id)
    if (!token) throw notFound('Token', id)
    if (token.revoked_at) throw unprocessable('Dit token is ingetrokken; maak een nieuw token.')
    const orgs = token.organisation_ids ? (JSON.parse(token.organisation_ids) as string[]) : null
    await checkHolder(w, personId, token.role === 'hr' ? orgs : null)
    await bindToken(w.tx, id, personId)
    // A browser logged in as the former holder must not go on as the new one.
    await deleteSessionsOfToken(w.tx, id)
    await recordBeheer(w, 'token.gekoppeld', { tokenId: id, personId })
    return view({ ...token, person_id: personId })
  })
}

/** Issues a token; the secret is returned only here. */
export async function issueToken(
  store: DbHandle,
  actor: Actor,
  input: TokenInput,
  secret = newTokenSecret(),
): Promise<{ id: string; token: string }> {
  checkShape(input)
  return commit(store, actor, (w) => insertTokenWith(w, input, secret))
}

/**
 * Creates a token for a caller. With an Idempotency-Key a retry creates no second token, but the
 * secret is shown only once and never stored: only the token's id is kept for the key, and a
 * retry is refused (409) with that id, so the caller knows the token exists.
 */
export async function createToken(
  store: DbHandle,
  principal: Principal,
  input: TokenInput,
  options: OnceOptions = {},
): Promise<{ id: string; token: string }> {
  authorizeRole(principal, 'token.create')
  checkShape(input)
  const secret = newTokenSecret()
  return commitOnce(
    store,
    principal,
    options.idempotency,
    (w) => insertTokenWith(w, input, secret),
    {
      stored: (created) => ({ id: created.id }),
      replay: (stored) => {
        throw alreadyIssued((stored as { id: string }).id)
      },
    },
  )
}

const alreadyIssued = (tokenId: string) =>
  new ProblemError(
    409,
    'token-already-issued',
    'Token already created',
    `Met deze Idempotency-Key is al een token aangemaakt (${tokenId}). Het geheim wordt maar één keer getoond en is niet bewaard; kwijt? Trek het token in en maak een nieuw.`,
    { tokenId },
  )

export async function revokeTokenById(
  store: DbHandle,
  actor: Actor & { role: string },
  id: string,
): Promise<void> {
  await commit(store, actor, async (w) => {
    const token = await getToken(w.tx, id)
    if (!token) throw notFound('Token', id)
    if (token.revoked_at) return
    await revokeToken(w.tx, id, w.now)
    await deleteSessionsOfToken(w.tx, id)
    await recordBeheer(w, 'token.ingetrokken', { tokenId: id })
  })
}

export async function revokeTokenAsPrincipal(
  store: DbHandle,
  principal: Principal,
  id: string,
): Promise<void> {
  authorizeRole(principal, 'token.revoke')
  await revokeTokenById(store, principal, id)
}

export async function listAllTokens(store: DbHandle, principal?: Principal): Promise<TokenView[]> {
  if (principal) authorizeRole(principal, 'token.read')
  return (await listTokens(store.db)).map(view)
}
