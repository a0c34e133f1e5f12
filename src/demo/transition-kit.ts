import { createTransition } from '../engine/transitions.service.ts'
import type { TransitionInput } from '../engine/transitions.service.ts'
import { type DemoUser, Stream } from './demo-kit.ts'
import type { Cast, DemoTransition } from './cast.ts'
import type { OrgKey, PersonKey } from './directory.ts'

/**
 * What a rolovergang opens with, and the day it took effect (default: today). `version` opens it
 * on an older released version of the machine, as it was written before the newer one existed.
 */
export type Opening = Omit<TransitionInput, 'personId' | 'organisationId'> & {
  since?: string
  version?: number
}

/** Opens a rolovergang for a person of the directory at `org`, and a stream to drive it. */
export async function open(
  cast: Cast,
  by: DemoUser,
  person: PersonKey,
  org: OrgKey,
  { since, version, ...input }: Opening,
): Promise<{ made: DemoTransition; flow: Stream }> {
  const created = await createTransition(
    cast.store,
    by.principal,
    { ...input, personId: cast.dir.person[person].id, organisationId: cast.dir.org[org].id },
    { effectiveDate: since, machineVersion: version },
  )
  return {
    made: {
      id: created.id,
      instanceId: created.instanceId,
      person: cast.dir.person[person].name,
      organisation: cast.dir.org[org].name,
      newRole: input.newRole,
    },
    flow: new Stream(cast.store, created.instanceId),
  }
}

/**
 * The teacher agrees to each afspraak HR made (version 2 asks it before the role starts), on the
 * stream's current date.
 */
export async function stemInMetAlles(
  flow: Stream,
  teacher: DemoUser,
  note?: string,
): Promise<void> {
  const payload = note ? { note } : {}
  await flow.send(teacher, 'ondersteuning.instemmen', payload)
  await flow.send(teacher, 'facilitering.instemmen', payload)
  await flow.send(teacher, 'erkenning.instemmen', payload)
}
