import type { DbHandle } from '../../db/create-db.ts'
import type { Db, Dialect, Instance } from '../../db/database.ts'
import { insertEvent } from '../../db/queries/events.ts'
import { insertKeptSnapshot, isKeptSeq } from '../../db/queries/kept-snapshots.ts'
import {
  advanceInstance,
  getInstance,
  insertInstance,
  setInstanceOrganisations,
  setInstancePeople,
} from '../../db/queries/instances.ts'
import type { Actor } from './actor.ts'
import { projectEvent } from './facts/project.ts'
import { GroupCommitter } from './group-commit.ts'
import type { Claim } from './group-commit.ts'
import { CURRENT_EVENT_FORMAT, ZERO_HASH, eventHash } from './hash.ts'
import { notifyObservers } from './observers.ts'
import type { AppendedEvent } from './observers.ts'

/** What one event changes: the event's own fields and the instance's new head. */
export interface AppendInput {
  type: string
  payload: Record<string, unknown>
  reason: string | null
  effectiveDate: string | null
  stateAfter: unknown
  /** The new snapshot JSON and status of the instance. */
  snapshot: string
  status: string
  /** When set, replaces the people the instance concerns. */
  people?: readonly string[]
  /** The organisation the act is done for (the actor's mandate), or null. */
  actingFor?: string | null
  /**
   * The machine version the instance runs after this event, when the event moves it to another
   * (a migration); otherwise it keeps the version it has.
   */
  machineVersion?: number
}

export interface Appended {
  seq: number
  hash: string
  recordedAt: string
  instance: Instance
}

export interface NewStream {
  id: string
  machineId: string
  machineVersion: number
  title: string
  pilotId: string | null
  personId: string | null
  organisationIds: readonly string[]
}

/** Raised when the head moved under us; `commit` retries the whole unit of work. */
export class HeadMoved extends Error {}

/**
 * The handle a unit of work gets inside `commit`: every event it appends is hashed onto its
 * instance's chain and moves the instance head, in the same transaction as `tx`.
 */
export class Writer {
  /** What this unit appended, told to observers once it is durable. */
  readonly appended: AppendedEvent[] = []

  constructor(
    readonly tx: Db,
    readonly dialect: Dialect,
    readonly actor: Actor,
    readonly now: string,
    /** Takes the instance for this unit's batch (group commit with several lanes). */
    private readonly claim: Claim = () => {},
  ) {}

  /**
   * Reads an instance and holds it until the transaction ends: a row lock on PostgreSQL; on
   * SQLite the whole transaction already holds the write lock (BEGIN IMMEDIATE).
   */
  lock(instanceId: string): Promise<Instance | undefined> {
    this.claim(instanceId)
    return getInstance(this.tx, instanceId, { forUpdate: this.dialect === 'postgres' })
  }

  /**
   * Holds `key` (not an instance: an idempotency key, say) for this unit's batch, as `lock` holds
   * an instance: a unit of another open batch that asks for it waits until this batch is done.
   */
  hold(key: string): void {
    this.claim(`\u0000${key}`)
  }

  /** Creates an instance whose first event is `first` (seq 1). */
  async create(stream: NewStream, first: AppendInput): Promise<Appended> {
    const instance: Instance = {
      id: stream.id,
      machine_id: stream.machineId,
      machine_version: stream.machineVersion,
      snapshot: '{}',
      status: first.status,
      version: 0,
      head_hash: ZERO_HASH,
      title: stream.title,
      pilot_id: stream.pilotId,
      person_id: stream.personId,
      created_at: this.now,
      updated_at: this.now,
    }
    await insertInstance(this.tx, instance)
    await setInstanceOrganisations(this.tx, stream.id, stream.organisationIds)
    return this.append(instance, null, first)
  }

  /** Appends one event to `instance`, whose current state value is `stateBefore`. */
  async append(instance: Instance, stateBefore: unknown, input: AppendInput): Promise<Appended> {
    const seq = instance.version + 1
    const machineVersion = input.machineVersion ?? instance.machine_version
    const actor = {
      tokenId: this.actor.tokenId,
      role: this.actor.role,
      personId: this.actor.personId,
      organisationId: input.actingFor ?? null,
    }
    const hash = eventHash(instance.head_hash, {
      format: CURRENT_EVENT_FORMAT,
      instanceId: instance.id,
      seq,
      type: input.type,
      payload: input.payload,
      reason: input.reason,
      actor,
      recordedAt: this.now,
      effectiveDate: input.effectiveDate,
      stateBefore,
      stateAfter: input.stateAfter,
      machineVersion,
    })
    await insertEvent(this.tx, {
      instance_id: instance.id,
      seq,
      type: input.type,
      payload: JSON.stringify(input.payload),
      reason: input.reason,
      actor_token_id: actor.tokenId,
      actor_role: actor.role,
      format: CURRENT_EVENT_FORMAT,
      actor_person_id: actor.personId,
      actor_organisation_id: actor.organisationId,
      recorded_at: this.now,
      effective_date: input.effectiveDate,
      state_before: stateBefore === null ? null : JSON.stringify(stateBefore),
      state_after: JSON.stringify(input.stateAfter),
      prev_hash: instance.head_hash,
      hash,
      machine_version: machineVersion,
    })
    // Every so many events the snapshot is kept beside the history, so that time travel replays
    // from the nearest one instead of from event 1.
    if (isKeptSeq(seq)) {
      await insertKeptSnapshot(this.tx, {
        instance_id: instance.id,
        seq,
        machine_version: machineVersion,
        snapshot: input.snapshot,
        event_hash: hash,
      })
    }
    const head = {
      machine_version: machineVersion,
      snapshot: input.snapshot,
      status: input.status,
      version: seq,
      head_hash: hash,
      updated_at: this.now,
    }
    if (!(await advanceInstance(this.tx, instance.id, instance.version, head))) {
      throw new HeadMoved(`instance ${instance.id} moved past version ${instance.version}`)
    }
    if (input.people) await setInstancePeople(this.tx, instance.id, input.people)
    const moved = { ...instance, ...head }
    await projectEvent(this.tx, moved, {
      seq,
      type: input.type,
      effectiveDate: input.effectiveDate,
      recordedAt: this.now,
      stateBefore,
      versionBefore: instance.machine_version,
      stateAfter: input.stateAfter,
      versionAfter: machineVersion,
    })
    this.appended.push({ machine: instance.machine_id, type: input.type })
    return { seq, hash, recordedAt: this.now, instance: moved }
  }
}

const MAX_ATTEMPTS = 3
/**
 * Batches open at once on PostgreSQL, each on a pooled connection (the rest serve reads). SQLite
 * has one connection and one writer: one lane.
 */
const POSTGRES_LANES = 4
/** Units of work per shared transaction at most: bounds the latency one batch adds. */
const MAX_BATCH = 128

const committers = new WeakMap<DbHandle, GroupCommitter>()

function committerFor(store: DbHandle): GroupCommitter {
  let committer = committers.get(store)
  if (!committer) {
    committer = new GroupCommitter(store.db, {
      lanes: store.dialect === 'postgres' ? POSTGRES_LANES : 1,
      maxBatch: MAX_BATCH,
      maxAttempts: MAX_ATTEMPTS,
      isRetryable,
      multiStatement: store.dialect === 'postgres',
      onCommitted: (batch) => notifyObservers(store, (o) => o.committed?.(batch)),
    })
    committers.set(store, committer)
  }
  return committer
}

/**
 * The one write path. Runs `work` in a transaction (BEGIN IMMEDIATE on SQLite, row locks on
 * PostgreSQL); every change it makes and every event it appends commit together or not at all.
 * A thrown error rolls back everything `work` did. Units that arrive together share one
 * transaction and one fsync (group commit, see group-commit.ts), each in a savepoint of its own;
 * the promise settles only after the shared COMMIT has returned. A lost race (moved head, unique
 * key taken meanwhile, serialization failure, deadlock) is retried as a fresh attempt.
 */
export async function commit<T>(
  store: DbHandle,
  actor: Actor,
  work: (writer: Writer) => Promise<T>,
): Promise<T> {
  const { value, appended } = await committerFor(store).submit(async (tx, claim) => {
    const writer = new Writer(tx, store.dialect, actor, new Date().toISOString(), claim)
    return { value: await work(writer), appended: writer.appended }
  })
  if (appended.length > 0) notifyObservers(store, (o) => o.appended?.(appended))
  return value
}

/** A lost race that a fresh attempt resolves: moved head, or a unique key taken meanwhile. */
function isRetryable(error: unknown): boolean {
  if (error instanceof HeadMoved) return true
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === '40001' || code === '40P01'
}
