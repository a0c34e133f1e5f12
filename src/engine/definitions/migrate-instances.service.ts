import type { DbHandle } from '../../../db/create-db.ts'
import { getMachine, migrationFor, versionsOf } from '../../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../../machines/types.ts'
import { authorizeRole } from '../../access/policy.ts'
import type { Principal } from '../../access/principal.ts'
import { notFound, unprocessable } from '../../errors.ts'
import { commit } from '../commit.ts'
import type { Writer } from '../commit.ts'
import { MIGRATED } from '../replay.ts'
import type { MigratedPayload } from '../replay.ts'
import { keepSnapshot, snapshotOf } from '../snapshot.ts'
import { candidatesFor } from './migration-candidates.ts'

export interface MigrationRequest {
  machine: string
  to: number
  dryRun: boolean
}

/** What happens to one instance: it moves (with what changes) or stays (with why). */
export interface MigrationItem {
  instanceId: string
  title: string
  from: number
  to: number
  outcome: 'verplaatst' | 'blijft'
  changes: string[]
  reasons: string[]
}

export interface MigrationReport {
  machine: string
  to: number
  dryRun: boolean
  /** Instances that move (dry run: would move). */
  moved: number
  /** Instances that stay on their version, each with its reasons. */
  refused: number
  /** Instances already on `to`: nothing to do. */
  current: number
  items: MigrationItem[]
}

/**
 * Moves the instances of a machine to version `to` by the declared migrations, one version at a
 * time. Each instance moves in its own transaction: its snapshot, its version and one
 * `definitie.gemigreerd` event per step on its own chain commit together, and nothing else
 * changes. An instance whose state the migration cannot map stays on its version and keeps
 * working. A dry run computes the same report and writes nothing.
 */
export async function migrateInstances(
  store: DbHandle,
  principal: Principal,
  request: MigrationRequest,
): Promise<MigrationReport> {
  authorizeRole(principal, 'machine.migrate')
  const target = targetVersion(request.machine, request.to)
  const report: MigrationReport = {
    machine: request.machine,
    to: request.to,
    dryRun: request.dryRun,
    moved: 0,
    refused: 0,
    current: 0,
    items: [],
  }
  for await (const candidate of candidatesFor(store.db, request.machine)) {
    if (candidate.machine_version === target.version) {
      report.current++
      continue
    }
    const item = request.dryRun
      ? plan(candidate, snapshotOf(candidate), target.version)
      : await move(store, principal, candidate.id, target.version)
    if (!item) continue
    report.items.push(item)
    if (item.outcome === 'verplaatst') report.moved++
    else report.refused++
  }
  return report
}

function targetVersion(machine: string, to: number): MachineDefinition {
  const versions = versionsOf(machine)
  if (versions.length === 0) throw notFound('Machine', machine)
  const target = getMachine(machine, to)
  if (!target) {
    const known = versions.map((def) => def.version).join(', ')
    throw unprocessable(
      `Versie ${String(to)} van ${machine} bestaat niet. Bekende versies: ${known}.`,
    )
  }
  return target
}

interface Candidate {
  id: string
  title: string
  machine_id: string
  machine_version: number
  snapshot: string
}

/** The steps from the instance's version to `to`, with the snapshot after each. */
interface Step {
  payload: MigratedPayload
  next: StoredSnapshot
}

function plan(candidate: Candidate, snapshot: StoredSnapshot, to: number): MigrationItem {
  const outcome = steps(candidate.machine_id, candidate.machine_version, snapshot, to)
  return {
    instanceId: candidate.id,
    title: candidate.title,
    from: candidate.machine_version,
    to,
    outcome: outcome.ok ? 'verplaatst' : 'blijft',
    changes: outcome.ok ? outcome.steps.flatMap((s) => s.payload.changes) : [],
    reasons: outcome.ok ? [] : outcome.reasons,
  }
}

function steps(
  machine: string,
  from: number,
  snapshot: StoredSnapshot,
  to: number,
): { ok: true; steps: Step[] } | { ok: false; reasons: string[] } {
  if (from > to) {
    return {
      ok: false,
      reasons: [
        `Dit proces loopt al op versie ${String(from)}, nieuwer dan ${String(to)}: een migratie gaat alleen vooruit.`,
      ],
    }
  }
  const out: Step[] = []
  let current = snapshot
  for (let version = from; version < to; version++) {
    const migration = migrationFor(machine, version, version + 1)
    if (!migration) {
      const reason = `Er is geen migratie van versie ${String(version)} naar ${String(version + 1)} van ${machine} vastgelegd.`
      return { ok: false, reasons: [reason] }
    }
    const outcome = migration.migrate(current)
    if (!outcome.ok) return { ok: false, reasons: outcome.reasons }
    out.push({
      payload: { from: version, to: version + 1, changes: outcome.changes },
      next: outcome.next,
    })
    current = outcome.next
  }
  return { ok: true, steps: out }
}

/** Moves one instance, under its row lock; the plan is made again from what the lock shows. */
async function move(
  store: DbHandle,
  principal: Principal,
  instanceId: string,
  to: number,
): Promise<MigrationItem | undefined> {
  return commit(store, principal, async (w) => {
    const instance = await w.lock(instanceId)
    if (!instance || instance.machine_version === to) return undefined
    const snapshot = snapshotOf(instance)
    const item = plan(instance, snapshot, to)
    if (item.outcome === 'verplaatst') await writeSteps(w, instance, snapshot, to)
    return item
  })
}

async function writeSteps(
  w: Writer,
  instance: Parameters<Writer['append']>[0],
  snapshot: StoredSnapshot,
  to: number,
): Promise<void> {
  const outcome = steps(instance.machine_id, instance.machine_version, snapshot, to)
  if (!outcome.ok) return
  let head = instance
  let before = snapshot.value
  for (const step of outcome.steps) {
    const def = getMachine(instance.machine_id, step.payload.to) as MachineDefinition
    const appended = await w.append(head, before, {
      type: MIGRATED,
      payload: { ...step.payload },
      reason: null,
      effectiveDate: null,
      stateAfter: step.next.value,
      snapshot: keepSnapshot(instance.id, step.next),
      status: def.statusOf(step.next),
      machineVersion: step.payload.to,
    })
    head = appended.instance
    before = step.next.value
  }
}
