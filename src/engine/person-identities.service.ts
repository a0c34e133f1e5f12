import type { DbHandle } from '../../db/create-db.ts'
import { affiliationsOf } from '../../db/queries/affiliations.ts'
import { getPerson } from '../../db/queries/people.ts'
import { identitiesOf, insertIdentity, personOfIdentity } from '../../db/queries/sign-in.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { notFound, unprocessable } from '../errors.ts'
import { recordBeheer } from './beheer.ts'
import { commitOnce } from './idempotency.ts'
import type { OnceOptions } from './idempotency.ts'

export interface IdentityView {
  provider: string
  subject: string
  createdAt: string
}

/**
 * Links a provider's subject identifier to a person, for providers that find people by subject
 * rather than by e-mail address. The beheer chain records that a link was made and for which
 * provider; the subject itself stays out of the chain, so erasing the person removes it.
 */
export async function linkIdentity(
  store: DbHandle,
  principal: Principal,
  personId: string,
  input: { provider: string; subject: string },
  options: OnceOptions = {},
): Promise<IdentityView[]> {
  authorizeRole(principal, 'person.create')
  return commitOnce(store, principal, options.idempotency, async (w) => {
    const person = await getPerson(w.tx, personId)
    if (!person || person.erased_at) throw notFound('Persoon', personId)
    const affiliations = await affiliationsOf(w.tx, [personId])
    authorize(
      principal,
      'person.create',
      { organisationIds: affiliations.map((a) => a.organisation_id), personIds: [personId] },
      { what: 'Persoon', id: personId },
    )
    const holder = await personOfIdentity(w.tx, input.provider, input.subject)
    if (holder) {
      throw unprocessable(
        holder.id === personId
          ? 'Dit account is al aan deze persoon gekoppeld.'
          : 'Dit account is al aan een andere persoon gekoppeld.',
      )
    }
    await insertIdentity(w.tx, { ...input, person_id: personId, created_at: w.now })
    await recordBeheer(w, 'persoon.inlog-gekoppeld', { personId, provider: input.provider })
    const all = await identitiesOf(w.tx, personId)
    return all.map((i) => ({ provider: i.provider, subject: i.subject, createdAt: i.created_at }))
  })
}
