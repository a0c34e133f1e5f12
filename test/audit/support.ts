import type { Principal } from '../../src/access/principal.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import type { Store } from '../../src/engine/store.ts'
import { sampleInput } from '../../machines/index.ts'
import { ontwikkelteamSampleInput } from '../../machines/ontwikkelteam.samples.ts'
import { ontwikkelteamV2SampleInput } from '../../machines/ontwikkelteam.v2.samples.ts'
import type { MachineDefinition } from '../../machines/types.ts'

/** An admin as the engine sees one (no token row needed below the HTTP layer). */
export const ADMIN: Principal = {
  tokenId: 'tok_audit-test',
  role: 'admin',
  personId: null,
  organisationIds: null,
}

/** The organisations the machine samples name (org-esprit, org-hva; version 2's leergang). */
const SAMPLE_ORGANISATIONS = [
  ...ontwikkelteamSampleInput.organisations,
  ...ontwikkelteamV2SampleInput.organisations,
]

/** The HR adviser of both sample organisations, bound to a person who works at the first. */
export const SAMPLE_HR: Principal = {
  tokenId: 'tok_audit-hr',
  role: 'hr',
  personId: 'persoon-hr',
  organisationIds: SAMPLE_ORGANISATIONS.map((o) => o.id),
}

/** The teacher of the sample transitions (their input names persoon-1). */
export const SAMPLE_TEACHER: Principal = {
  tokenId: 'tok_audit-teacher',
  role: 'teacher',
  personId: 'persoon-1',
  organisationIds: null,
}

/**
 * Who sends `type` to an instance of `def` in these tests: admin, except for an act done for an
 * organisation named in the payload (ambitie, belang, onderschrijven, akkoord), which admin may
 * not do, and the lead's decisions in a leiderorganisatie; HR of the sample organisations does it; and the teacher's own word in a transition
 * (motives, leervraag, agreement), which only the teacher gives.
 */
export function actorFor(def: MachineDefinition, type: string): Principal {
  const rule = Object.hasOwn(def.rules, type) ? def.rules[type] : undefined
  if (rule?.action === 'rolovergang.leraar') return SAMPLE_TEACHER
  // In a leiderorganisatie the lead's acts (rule.lead) are HR's too: HR covers the lead.
  return rule?.namens || rule?.lead ? SAMPLE_HR : ADMIN
}

/** The organisations an instance of `def` started from its sample input belongs to. */
function sampleOrganisationIds(def: MachineDefinition): string[] {
  const input = sampleInput(def) as {
    organisations?: { id: string }[]
    organisationId?: string
  }
  if (input.organisations) return input.organisations.map((o) => o.id)
  return input.organisationId ? [input.organisationId] : []
}

/**
 * Starts an instance of `def` with its sample input, through the one write path. It belongs to
 * the organisations its input names, as one started through the API does.
 */
export async function startSample(
  store: Store,
  def: MachineDefinition,
  organisationIds: string[] = sampleOrganisationIds(def),
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

/**
 * The organisations and people the machine samples name (persoon-1, persoon-2, …) exist, as
 * lid.toevoegen requires; every sample person works at every sample organisation, since a path
 * may add the same person for either.
 */
async function ensureSamplePeople(store: Store): Promise<void> {
  const now = new Date().toISOString()
  await store.db
    .insertInto('organisations')
    .values(SAMPLE_ORGANISATIONS.map((o) => ({ ...o, kind: 'school', created_at: now })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  const people = [
    ...Array.from({ length: 8 }, (_, i) => ({
      id: `persoon-${i + 1}`,
      name: `Voorbeeld ${i + 1}`,
    })),
    { id: 'persoon-hr', name: 'Voorbeeld HR' },
  ]
  const first = SAMPLE_ORGANISATIONS[0]?.id ?? 'org-esprit'
  await store.db
    .insertInto('people')
    .values(
      people.map((p) => ({
        ...p,
        email: null,
        organisation_id: first,
        created_at: now,
        erased_at: null,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await store.db
    .insertInto('affiliations')
    .values(
      people.flatMap((p) =>
        (p.id === 'persoon-hr' ? [first] : SAMPLE_ORGANISATIONS.map((o) => o.id)).map(
          (organisationId) => ({
            person_id: p.id,
            organisation_id: organisationId,
            function_title: p.id === 'persoon-hr' ? 'hr-adviseur' : null,
            created_at: now,
          }),
        ),
      ),
    )
    .onConflict((oc) => oc.columns(['person_id', 'organisation_id']).doNothing())
    .execute()
}
