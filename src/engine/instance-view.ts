import type { Instance } from '../../db/database.ts'
import { explain, getMachine } from '../../machines/index.ts'
import type { Blocked, StoredSnapshot } from '../../machines/types.ts'
import { snapshotOf } from './snapshot.ts'

/** An instance as the API shows it. */
export interface InstanceView {
  id: string
  machine: { id: string; version: number }
  title: string
  pilotId: string | null
  state: unknown
  status: string
  context: Record<string, unknown>
  version: number
  possible: string[]
  blocked: Blocked[]
  createdAt: string
  updatedAt: string
}

/** Builds the view of an instance row, with what is possible now and why the rest is not. */
export function viewInstance(instance: Instance, snapshot?: StoredSnapshot): InstanceView {
  const stored = snapshot ?? snapshotOf(instance)
  const def = getMachine(instance.machine_id, instance.machine_version)
  const explanation = def ? explain(def, stored) : { possible: [], blocked: [] }
  return {
    id: instance.id,
    machine: { id: instance.machine_id, version: instance.machine_version },
    title: instance.title,
    pilotId: instance.pilot_id,
    state: stored.value,
    status: instance.status,
    context: stored.context,
    version: instance.version,
    possible: explanation.possible,
    blocked: explanation.blocked,
    createdAt: instance.created_at,
    updatedAt: instance.updated_at,
  }
}
