import type { MigrationReport } from '../engine/definitions/migrate-instances.service.ts'
import type { DemoUser } from './demo-kit.ts'
import type { Cast, DemoTransition } from './cast.ts'
import { amstelscholen } from './transitions-amstel.ts'
import { noor } from './transitions-noor.ts'
import { versie1 } from './transitions-v1.ts'
import { westerpoort } from './transitions-westerpoort.ts'

// Rolovergangen: each settles toegang, ondersteuning, facilitering and erkenning. Together they
// cover every end state and every domain and loopbaanpad, what version 2 of the machine records
// (levels, inductie, erkenning in several forms, facilitering in hours off the teaching load, the
// teacher's own input and agreement, the end of a role, the outcome), and the two versions side by
// side: one rolovergang stays on version 1, one moved from it.

export interface DemoTransitions {
  transitions: DemoTransition[]
  /** The migration of the version 1 rolovergangen, as the demo ran it. */
  migration: MigrationReport
}

/** Opens and drives every demo rolovergang. `teacher` is Noor Bakker's own token. */
export async function createTransitions(cast: Cast, teacher: DemoUser): Promise<DemoTransitions> {
  const v2 = [
    ...(await noor(cast, teacher)),
    ...(await amstelscholen(cast)),
    ...(await westerpoort(cast)),
  ]
  const { transitions, migration } = await versie1(cast)
  return { transitions: [...v2, ...transitions], migration }
}
