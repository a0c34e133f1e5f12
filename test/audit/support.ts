import type { Principal } from '../../src/access/principal.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import type { Store } from '../../src/engine/store.ts'
import { sampleInput } from '../../machines/index.ts'
import type { MachineDefinition } from '../../machines/types.ts'

/** An admin as the engine sees one (no token row needed below the HTTP layer). */
export const ADMIN: Principal = {
  tokenId: 'tok_audit-test',
  role: 'admin',
  personId: null,
  organisationIds: null,
}

/** Starts an instance of `def` with its sample input, through the one write path. */
export async function startSample(
  store: Store,
  def: MachineDefinition,
  organisationIds: string[] = [],
) {
  await ensureSamplePeople(store)
  const created = await commit(store, ADMIN, (w) =>
    createInstance(w, def, {
      title: `${def.id} sample`,
      pilotId: null,
      personId: null,
      organisationIds,
      input: sampleInput(def),
    }),
  )
  return created.instance.id
}

/** The people the machine samples name (persoon-1, persoon-2, …) exist, as lid.toevoegen requires. */
async function ensureSamplePeople(store: Store): Promise<void> {
  const now = new Date().toISOString()
  await store.db
    .insertInto('organisations')
    .values({ id: 'sample-org', name: 'Voorbeeldschool', kind: 'school', created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await store.db
    .insertInto('people')
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        id: `persoon-${i + 1}`,
        name: `Voorbeeld ${i + 1}`,
        email: null,
        organisation_id: 'sample-org',
        created_at: now,
        erased_at: null,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
