import canonicalize from 'canonicalize'
import { sql } from 'kysely'
import type { EventRow, Instance } from '../../db/database.ts'
import { eventHash } from '../../src/engine/hash.ts'
import type { TestDatabase } from '../support/db.ts'

// Tampering with a stored history, as someone with write access to the database would: the
// append-only triggers are taken away first. Every tampering touches one instance, whose rows
// are saved before and put back after.

export type Rng = () => number

/** A small seeded PRNG (mulberry32), so a failing run can be repeated with its seed. */
export function rng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1))

export async function allowTampering(db: TestDatabase): Promise<void> {
  if (db.kind === 'sqlite') {
    await sql`DROP TRIGGER events_no_update`.execute(db.store.db)
    await sql`DROP TRIGGER events_no_delete`.execute(db.store.db)
  } else {
    await sql`ALTER TABLE events DISABLE TRIGGER USER`.execute(db.store.db)
  }
}

export interface Saved {
  instance: Instance
  events: EventRow[]
}

export async function save(db: TestDatabase, id: string): Promise<Saved> {
  const d = db.store.db
  const instance = await d
    .selectFrom('instances')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  const events = await d
    .selectFrom('events')
    .selectAll()
    .where('instance_id', '=', id)
    .orderBy('seq')
    .execute()
  return { instance, events }
}

export async function restore(db: TestDatabase, saved: Saved): Promise<void> {
  await db.store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('events').where('instance_id', '=', saved.instance.id).execute()
    await tx.insertInto('events').values(saved.events).execute()
    const { id, ...rest } = saved.instance
    await tx.updateTable('instances').set(rest).where('id', '=', id).execute()
  })
}

export const KINDS = ['flip', 'delete', 'swap', 'reorder', 'truncate', 'rewrite'] as const
export type Kind = (typeof KINDS)[number]

/** Tamperings a verifier without an earlier checkpoint cannot see: the chain is whole again. */
export const NEEDS_CHECKPOINT: readonly Kind[] = ['truncate', 'rewrite']

const same = (a: string, b: string) => {
  try {
    return canonicalize(JSON.parse(a)) === canonicalize(JSON.parse(b))
  } catch {
    return false
  }
}

/** Replaces one character with another; the stored text changes, and so does what it means. */
function flipped(r: Rng, text: string, alphabet: string): string {
  for (;;) {
    const at = int(r, 0, text.length - 1)
    const ch = pick(r, [...alphabet])
    if (ch === text[at]) continue
    const next = text.slice(0, at) + ch + text.slice(at + 1)
    if (!same(text, next)) return next
  }
}

type Column =
  | 'payload'
  | 'type'
  | 'reason'
  | 'actor_role'
  | 'actor_person_id'
  | 'actor_organisation_id'
  | 'recorded_at'
  | 'state_after'
  | 'prev_hash'
  | 'hash'

async function update(db: TestDatabase, e: EventRow, set: Partial<EventRow>) {
  await db.store.db
    .updateTable('events')
    .set(set)
    .where('instance_id', '=', e.instance_id)
    .where('seq', '=', e.seq)
    .execute()
}

async function setHead(db: TestDatabase, id: string, version: number, hash: string) {
  await db.store.db
    .updateTable('instances')
    .set({ version, head_hash: hash })
    .where('id', '=', id)
    .execute()
}

/** Applies one tampering of `kind` to the saved instance; returns a description. */
export async function tamper(db: TestDatabase, r: Rng, kind: Kind, saved: Saved): Promise<string> {
  const events = saved.events
  const n = events.length
  const id = saved.instance.id
  switch (kind) {
    case 'flip': {
      const e = pick(r, events)
      const columns: Column[] = [
        'payload',
        'payload',
        'payload',
        'type',
        'actor_role',
        'recorded_at',
        'state_after',
        'prev_hash',
        'hash',
      ]
      if (e.reason !== null) columns.push('reason')
      // Format 2: the hash covers the person who acted and the organisation acted for.
      if (e.actor_person_id !== null) columns.push('actor_person_id')
      if (e.actor_organisation_id !== null) columns.push('actor_organisation_id')
      const column = pick(r, columns)
      const text = e[column] as string
      const hex = column === 'hash' || column === 'prev_hash'
      const value = flipped(
        r,
        text,
        hex ? '0123456789abcdef' : 'abcdefghijklmnopqrstuvwxyz0123456789{}[]":,. ',
      )
      await update(db, e, { [column]: value })
      return `flip ${column} of ${id} seq ${e.seq}`
    }
    case 'delete': {
      const e = pick(r, events)
      await db.store.db
        .deleteFrom('events')
        .where('instance_id', '=', id)
        .where('seq', '=', e.seq)
        .execute()
      return `delete ${id} seq ${e.seq}`
    }
    case 'swap': {
      const a = int(r, 0, n - 2)
      const b = int(r, a + 1, n - 1)
      const ea = events[a] as EventRow
      const eb = events[b] as EventRow
      const { instance_id: _ia, seq: _sa, ...ca } = ea
      const { instance_id: _ib, seq: _sb, ...cb } = eb
      await update(db, ea, cb)
      await update(db, eb, ca)
      return `swap ${id} seq ${ea.seq} and ${eb.seq}`
    }
    case 'reorder': {
      const start = int(r, 0, n - 2)
      const end = int(r, start + 1, Math.min(n - 1, start + 3))
      const window = events.slice(start, end + 1)
      // Park the rows on free seqs, then give each the next one's seq (the last gets the first's).
      for (const e of window) await update(db, e, { seq: -e.seq })
      for (const [i, e] of window.entries()) {
        const to = (window[(i + 1) % window.length] as EventRow).seq
        await db.store.db
          .updateTable('events')
          .set({ seq: to })
          .where('instance_id', '=', id)
          .where('seq', '=', -e.seq)
          .execute()
      }
      return `reorder ${id} seq ${window[0]?.seq}–${window[window.length - 1]?.seq}`
    }
    case 'truncate': {
      const keep = int(r, 1, n - 1)
      await db.store.db
        .deleteFrom('events')
        .where('instance_id', '=', id)
        .where('seq', '>', keep)
        .execute()
      await setHead(db, id, keep, (events[keep - 1] as EventRow).hash)
      return `truncate ${id} to seq ${keep} of ${n}, head rewritten`
    }
    case 'rewrite': {
      const from = int(r, 1, n) - 1
      let prev = (events[from] as EventRow).prev_hash
      for (const [i, e] of events.entries()) {
        if (i < from) continue
        const payload =
          i === from ? JSON.stringify({ ...JSON.parse(e.payload), herschreven: true }) : e.payload
        const hash = eventHash(prev, {
          format: e.format === 3 ? 3 : e.format === 2 ? 2 : 1,
          machineVersion: e.machine_version,
          instanceId: e.instance_id,
          seq: e.seq,
          type: e.type,
          payload: JSON.parse(payload),
          reason: e.reason,
          actor: {
            tokenId: e.actor_token_id,
            role: e.actor_role,
            personId: e.actor_person_id,
            organisationId: e.actor_organisation_id,
          },
          recordedAt: e.recorded_at,
          effectiveDate: e.effective_date,
          stateBefore: e.state_before === null ? null : JSON.parse(e.state_before),
          stateAfter: JSON.parse(e.state_after),
        })
        await update(db, e, { payload, prev_hash: prev, hash })
        prev = hash
      }
      await setHead(db, id, n, prev)
      return `rewrite ${id} from seq ${from + 1}, hashes recomputed, head rewritten`
    }
  }
}
