import { sql } from 'kysely'
import { expect } from 'vitest'
import type { DbHandle } from '../../db/create-db.ts'
import type { EventRow } from '../../db/database.ts'
import type { EventView } from '../../src/engine/read-instances.ts'
import type { Client, Response } from '../support/app.ts'

/** Every event of an instance through GET /instances/:id/events, following `next` page by page. */
export async function allEvents(
  client: Client,
  instanceId: string,
  limit = 25,
): Promise<EventView[]> {
  const events: EventView[] = []
  let after: string | null = null
  for (let page = 0; page < 10_000; page++) {
    const query: string = after ? `&after=${encodeURIComponent(after)}` : ''
    const res = await client.get(`/api/v1/instances/${instanceId}/events?limit=${limit}${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    events.push(...(res.body.items as EventView[]))
    after = res.body.next as string | null
    if (after === null) return events
  }
  throw new Error('paging did not end')
}

/** An event as the API shows it, turned back into the row `replay` reads. */
export function toRow(instanceId: string, e: EventView): EventRow {
  return {
    instance_id: instanceId,
    seq: e.seq,
    type: e.type,
    payload: JSON.stringify(e.payload),
    reason: e.reason,
    actor_token_id: e.actor.tokenId,
    actor_role: e.actor.role,
    format: e.format,
    machine_version: e.format === 3 ? e.machineVersion : null,
    actor_person_id: e.actor.personId,
    actor_organisation_id: e.actor.organisationId,
    recorded_at: e.recordedAt,
    effective_date: e.effectiveDate,
    state_before: e.stateBefore === null ? null : JSON.stringify(e.stateBefore),
    state_after: JSON.stringify(e.stateAfter),
    prev_hash: e.prevHash,
    hash: e.hash,
  }
}

const tableCache = new WeakMap<DbHandle, Promise<string[]>>()

/** The tables of the database's own schema (on PostgreSQL other schemas share the server). */
function tables(store: DbHandle): Promise<string[]> {
  const known = tableCache.get(store) ?? listTables(store)
  tableCache.set(store, known)
  return known
}

async function listTables(store: DbHandle): Promise<string[]> {
  const all = await store.db.introspection.getTables()
  let schema: string | undefined
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(store.db)
    schema = rows[0]?.s
  }
  return all
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort()
}

/**
 * What any write would change: the number of rows in every table, and every instance's
 * version and head hash. Equal fingerprints mean nothing was written.
 */
export async function fingerprint(store: DbHandle): Promise<string> {
  const counts: Record<string, number> = {}
  for (const table of await tables(store)) {
    const { rows } = await sql<{
      n: string | number
    }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)
    counts[table] = Number(rows[0]?.n)
  }
  const heads = await store.db
    .selectFrom('instances')
    .select(['id', 'version', 'head_hash', 'status', 'snapshot'])
    .orderBy('id')
    .execute()
  const tokens = await store.db
    .selectFrom('tokens')
    .select(['id', 'revoked_at'])
    .orderBy('id')
    .execute()
  const people = await store.db
    .selectFrom('people')
    .select(['id', 'name', 'email', 'erased_at'])
    .orderBy('id')
    .execute()
  return JSON.stringify({ counts, heads, tokens, people })
}

/** Asserts an RFC 9457 problem response with this status. */
export function expectProblem(res: Response, status: number, context = ''): void {
  const where = `${context} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
  expect(res.status, where).toBe(status)
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/problem\+json/)
  expect(typeof res.body, where).toBe('object')
  expect(typeof res.body.type, where).toBe('string')
  expect(typeof res.body.title, where).toBe('string')
  expect(res.body.status, where).toBe(status)
  expect(typeof res.body.detail, where).toBe('string')
}
