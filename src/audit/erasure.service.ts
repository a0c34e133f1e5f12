import { deleteSessionsOfPerson } from '../../db/queries/sessions.ts'
import { deleteIdentitiesOf } from '../../db/queries/sign-in.ts'
import {
  blankPerson,
  postgresVacuum,
  retireTokensOf,
  sqliteScrub,
  sqliteSecureDelete,
} from '../../db/queries/audit-erasure.ts'
import { getPerson } from '../../db/queries/people.ts'
import { authorize, authorizeRole } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { recordBeheer } from '../engine/beheer.ts'
import { commit } from '../engine/commit.ts'
import type { Store } from '../engine/store.ts'
import { notFound } from '../errors.ts'

export interface Erasure {
  personId: string
  /** False when the person was erased before (nothing changed now). */
  erasedNow: boolean
  /** The old bytes are gone from the database files too (see scrub). */
  scrubbed: boolean
}

/**
 * Erases a person (AVG/GDPR): name and e-mail become NULL in the people table, the only place
 * they live; their tokens are revoked and their token names blanked. Events carry ids only, so no
 * chain changes and every chain still verifies; the erasure itself is recorded on the beheer
 * chain as `persoon.gewist` with the person's id. Afterwards the old values are scrubbed from the
 * database files (see scrub). Documents attached to events are left as they are: a chain holds
 * only their hash, so keeping them keeps every chain and every document check sound; what a
 * document says inside is beyond what erasure can see.
 */
export async function erasePerson(
  store: Store,
  principal: Principal,
  id: string,
): Promise<Erasure> {
  authorizeRole(principal, 'person.erase')
  const person = await getPerson(store.db, id)
  if (!person) throw notFound('Persoon', id)
  authorize(
    principal,
    'person.erase',
    { organisationIds: [person.organisation_id], personIds: [id] },
    { what: 'Persoon', id },
  )
  // Before the UPDATE: SQLite then zeroes the old cell instead of leaving it in free space.
  if (store.dialect === 'sqlite') await sqliteSecureDelete(store.db)
  const erasedNow = await commit(store, principal, async (w) => {
    const current = await getPerson(w.tx, id)
    if (!current) throw notFound('Persoon', id)
    if (current.erased_at !== null && current.name === null && current.email === null) return false
    await blankPerson(w.tx, id, w.now)
    const revoked = await retireTokensOf(w.tx, id, w.now)
    // Their browsers are logged out at once, and no provider account signs in as them again.
    await deleteSessionsOfPerson(w.tx, id)
    await deleteIdentitiesOf(w.tx, id)
    await recordBeheer(w, 'persoon.gewist', { personId: id })
    for (const tokenId of revoked) await recordBeheer(w, 'token.ingetrokken', { tokenId })
    return true
  })
  return { personId: id, erasedNow, scrubbed: await scrub(store) }
}

/**
 * Makes the old values disappear from the files, not only from the rows. SQLite: empty the WAL
 * into the file, VACUUM (rebuilds the file, so no stale copy survives in free space), empty the
 * WAL again. PostgreSQL: VACUUM the tables, pruning the dead row versions that held the old values
 * (PostgreSQL's own WAL keeps them until its segments are recycled: see "Personal data" in README.md).
 */
async function scrub(store: Store): Promise<boolean> {
  if (store.dialect === 'postgres') {
    await postgresVacuum(store.db)
    return true
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await sqliteScrub(store.db)) return true
    // Another connection is reading; give it a moment to finish.
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)))
  }
  return false
}
