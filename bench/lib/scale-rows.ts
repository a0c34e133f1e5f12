import type BetterSqlite3 from 'better-sqlite3'
import { restore, snapshotJson } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { amsterdamDate } from '../../src/audit/effective-date.ts'
import { eventHash, ZERO_HASH } from '../../src/engine/hash.ts'
import { newId } from '../../src/engine/ids.ts'
import { DAY, type Rng, type Step } from './scale-walks.ts'

// The rows of the scale store, written with plain prepared statements into the migrated schema.

export interface Actor {
  tokenId: string
  role: string
  personId: string | null
  organisationId: string | null
}

/** What one instance is, apart from its history. */
export interface InstanceSpec {
  title: string
  pilotId: string | null
  personId: string | null
  organisationIds: readonly string[]
  /** The walk's snapshot made this instance's (its people, organisations, role). */
  snapshot: (walked: StoredSnapshot) => StoredSnapshot
  payload: (step: Step) => Record<string, unknown>
  actor: (type: string) => Actor
}

const COLUMNS = {
  organisations: 'id, name, kind, parent_id, created_at',
  people: 'id, name, email, organisation_id, created_at, erased_at',
  affiliations: 'person_id, organisation_id, function_title, created_at',
  pilots:
    'id, name, scenario, organisation_ids, organisation_form, lead_organisation_id, created_at',
  instances:
    'id, machine_id, machine_version, snapshot, status, version, head_hash, title, pilot_id, person_id, created_at, updated_at',
  instance_organisations: 'instance_id, organisation_id',
  instance_people: 'instance_id, person_id',
  transitions:
    'id, instance_id, person_id, organisation_id, new_role, current_role, domain, career_path, created_at',
  events:
    'instance_id, seq, type, payload, reason, actor_token_id, actor_role, format, actor_person_id, actor_organisation_id, recorded_at, effective_date, state_before, state_after, prev_hash, hash, machine_version',
} as const
type Table = keyof typeof COLUMNS

export function rowWriter(db: BetterSqlite3.Database, rng: Rng) {
  const statements = Object.fromEntries(
    Object.entries(COLUMNS).map(([table, columns]) => {
      const marks = columns.split(',').map(() => '?')
      return [table, db.prepare(`insert into ${table} (${columns}) values (${marks.join(',')})`)]
    }),
  ) as Record<Table, BetterSqlite3.Statement>
  const row = (table: Table, ...values: unknown[]) => statements[table].run(...values)
  const iso = (ms: number) => new Date(ms).toISOString()
  let written = 0

  /**
   * One instance with its first `count` events at `times` (ms), hashed onto a valid chain, and
   * the organisations and people it concerns. Returns its id.
   */
  function instance(
    def: MachineDefinition,
    steps: readonly Step[],
    count: number,
    times: readonly number[],
    spec: InstanceSpec,
  ): string {
    const at = (i: number) => times[i] ?? times[times.length - 1] ?? 0
    const id = newId('inst', at(0))
    const snapshot = spec.snapshot((steps[count - 1] as Step).snapshot)
    // Every 500th is checked as a read restores it: schema, complete state value.
    if (written++ % 500 === 0) restore(def, snapshot)
    let prev = ZERO_HASH
    const events = steps.slice(0, count).map((step, i) => {
      const recordedAt = iso(at(i))
      // Now and then recorded a few days after it took effect.
      const effectiveDate = rng.next() < 0.15 ? amsterdamDate(iso(at(i) - rng.int(5) * DAY)) : null
      const payload = spec.payload(step)
      const actor = spec.actor(step.type)
      const hash = eventHash(prev, {
        format: 3,
        machineVersion: def.version,
        instanceId: id,
        seq: i + 1,
        type: step.type,
        payload,
        reason: step.reason,
        actor,
        recordedAt,
        effectiveDate,
        stateBefore: step.before,
        stateAfter: step.after,
      })
      const before = step.before === null ? null : JSON.stringify(step.before)
      const values = [id, i + 1, step.type, JSON.stringify(payload), step.reason, actor.tokenId]
      values.push(actor.role, 3, actor.personId, actor.organisationId, recordedAt, effectiveDate)
      values.push(before, JSON.stringify(step.after), prev, hash, def.version)
      prev = hash
      return values
    })
    const status = def.statusOf(snapshot)
    const [json, first, last] = [snapshotJson(snapshot), iso(at(0)), iso(at(count - 1))]
    const head = [id, def.id, def.version, json, status, count, prev, spec.title, spec.pilotId]
    row('instances', ...head, spec.personId, first, last)
    for (const organisationId of spec.organisationIds) {
      row('instance_organisations', id, organisationId)
    }
    for (const person of new Set(def.parties(snapshot.context).people)) {
      row('instance_people', id, person)
    }
    for (const values of events) row('events', ...values)
    return id
  }

  return { row, instance }
}
