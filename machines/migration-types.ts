import type { StoredSnapshot } from './types.ts'

/**
 * How a snapshot of one version of a machine becomes a snapshot of the next: declared in code,
 * per pair of versions, state by state and context by context. A migration is pure: the same
 * snapshot always gives the same outcome, so replaying a history that contains a
 * `definitie.gemigreerd` event gives the snapshot the migration wrote.
 */
export interface SnapshotMigration {
  machine: string
  from: number
  to: number
  /** Dutch: one line on what the new version changes, for the preview. */
  summary: string
  /** The snapshot under `to`, or why this snapshot cannot move automatically. */
  migrate(snapshot: StoredSnapshot): MigrationOutcome
}

/**
 * `changes`: Dutch lines, one per thing that differs for this instance ("De ondersteuning kent
 * nu ook inductie."). `reasons`: Dutch, why the instance stays on its version.
 */
export type MigrationOutcome =
  { ok: true; next: StoredSnapshot; changes: string[] } | { ok: false; reasons: string[] }
