import type { Db } from '../database.ts'
import type { InstanceFactsTable } from '../facts-tables.ts'
import { moveCount, moveOpenCounts, type CountKey } from './fact-counts.ts'

/**
 * The columns an event rewrites. `started_on` stays as the first event set it, and what a team
 * takes from its pilot (organisation, scenario, form) as it was when the team was made.
 */
const UPDATED = [
  'machine_version',
  'seq',
  'status',
  'phase',
  'waiting_on',
  'title_key',
  'reach',
  'domain',
  'career_path',
  'new_role',
  'outcome',
  'cycle',
  'planned_cents',
  'spent_cents',
  'places',
  'enrolled',
  'completed',
  'scored',
  'score_gedeelde_ambities',
  'score_belangen',
  'score_relaties',
  'score_professioneel_organiseren',
  'score_betekenisgevend_proces',
] as const satisfies readonly (keyof InstanceFactsTable)[]

/**
 * Writes an instance's facts. `keepLastOn`: the event is bookkeeping (a migration), so the day
 * the process last moved stays what it was.
 */
export async function upsertFacts(
  db: Db,
  row: InstanceFactsTable,
  keepLastOn: boolean,
  /** The row's count key as the caller already read it (see setFactsReach); else read here. */
  known?: CountKey | null,
): Promise<void> {
  const before = known === undefined ? await countKeyOf(db, row.instance_id) : known
  await db
    .insertInto('instance_facts')
    .values(row)
    .onConflict((oc) =>
      oc.column('instance_id').doUpdateSet((eb) => {
        const set: Record<string, unknown> = {}
        for (const column of UPDATED) set[column] = eb.ref(`excluded.${column}`)
        if (!keepLastOn) {
          for (const column of ['last_on', 'last_at', 'last_dated'] as const) {
            set[column] = eb.ref(`excluded.${column}`)
          }
        }
        return set as Partial<InstanceFactsTable>
      }),
    )
    .execute()
  await moveCount(db, before, row)
}

/**
 * Gives an instance's facts, periods and count a new reach: its organisations changed in the
 * transaction of an event already projected. Returns the row's count key as it now stands (null:
 * no facts yet).
 */
export async function setFactsReach(
  db: Db,
  instanceId: string,
  reach: string,
): Promise<CountKey | null> {
  const before = await countKeyOf(db, instanceId)
  if (!before || before.reach === reach) return before
  await db
    .updateTable('instance_facts')
    .set({ reach })
    .where('instance_id', '=', instanceId)
    .execute()
  await movePeriodsReach(db, instanceId, before.reach, reach)
  await moveCount(db, before, { ...before, reach })
  return { ...before, reach }
}

/** The parts an instance has open now. */
async function openPartsOf(db: Db, instanceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('instance_periods')
    .select('part')
    .where('instance_id', '=', instanceId)
    .where('left_on', 'is', null)
    .execute()
  return rows.map((r) => r.part)
}

/** Moves an instance's periods, and the counts of its open ones, to another reach. */
async function movePeriodsReach(db: Db, instanceId: string, from: string, to: string) {
  const open = await openPartsOf(db, instanceId)
  await db
    .updateTable('instance_periods')
    .set({ reach: to })
    .where('instance_id', '=', instanceId)
    .execute()
  await moveOpenCounts(db, [
    ...open.map((part) => ({ part, reach: from, delta: -1 })),
    ...open.map((part) => ({ part, reach: to, delta: 1 })),
  ])
}

async function countKeyOf(db: Db, instanceId: string): Promise<CountKey | null> {
  const row = await db
    .selectFrom('instance_facts')
    .select(['machine_id', 'reach', 'phase', 'waiting_on', 'status', 'cycle'])
    .where('instance_id', '=', instanceId)
    .executeTakeFirst()
  return row ?? null
}

/** An instance's reach: the ids of the organisations it concerns, sorted, joined by spaces. */
export const reachOf = (organisationIds: readonly string[]) =>
  [...new Set(organisationIds)].sort().join(' ')

const DAY_MS = 86_400_000
/** Whole days from one Amsterdam day (YYYY-MM-DD) to another; 0 when `to` lies before. */
export const daysBetween = (from: string, to: string) =>
  Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS),
  )

/** Closes the open periods of `parts` on `day`; returns the parts of those it closed. */
export async function closePeriods(
  db: Db,
  instanceId: string,
  parts: readonly string[],
  day: string,
): Promise<string[]> {
  if (parts.length === 0) return []
  const open = await db
    .selectFrom('instance_periods')
    .select(['part', 'opened_seq', 'entered_on'])
    .where('instance_id', '=', instanceId)
    .where('part', 'in', parts)
    .where('left_on', 'is', null)
    .execute()
  for (const period of open) {
    await db
      .updateTable('instance_periods')
      .set({ left_on: day, days: daysBetween(period.entered_on, day) })
      .where('instance_id', '=', instanceId)
      .where('part', '=', period.part)
      .where('opened_seq', '=', period.opened_seq)
      .execute()
  }
  return open.map((p) => p.part)
}

export async function openPeriods(
  db: Db,
  /** `startedOn` null: the day already in its facts (an event after the first). */
  instance: { id: string; reach: string; startedOn: string | null },
  parts: readonly string[],
  seq: number,
  day: string,
): Promise<void> {
  if (parts.length === 0) return
  const entered = await db
    .selectFrom('instance_periods')
    .select('part')
    .distinct()
    .where('instance_id', '=', instance.id)
    .where('part', 'in', parts)
    .execute()
  const before = new Set(entered.map((r) => r.part))
  const startedOn = instance.startedOn ?? (await startedOnOf(db, instance.id))
  await db
    .insertInto('instance_periods')
    .values(
      parts.map((part) => ({
        instance_id: instance.id,
        part,
        opened_seq: seq,
        entered_on: day,
        left_on: null,
        days: null,
        reach: instance.reach,
        started_on: startedOn,
        first_entry: before.has(part) ? 0 : 1,
      })),
    )
    .execute()
}

async function startedOnOf(db: Db, instanceId: string): Promise<string> {
  const row = await db
    .selectFrom('instance_facts')
    .select('started_on')
    .where('instance_id', '=', instanceId)
    .executeTakeFirst()
  return row?.started_on ?? ''
}

/** Drops an instance's facts and periods, before they are rebuilt from its history. */
export async function dropFacts(db: Db, instanceId: string): Promise<void> {
  const before = await countKeyOf(db, instanceId)
  if (before) {
    const open = await openPartsOf(db, instanceId)
    await moveOpenCounts(
      db,
      open.map((part) => ({ part, reach: before.reach, delta: -1 })),
    )
  }
  await db.deleteFrom('instance_periods').where('instance_id', '=', instanceId).execute()
  await db.deleteFrom('instance_facts').where('instance_id', '=', instanceId).execute()
  await moveCount(db, before, null)
}

/**
 * Instances whose facts are missing or behind their history (written by an older release), in id
 * order after `afterId`: a catch-up pages along the key instead of scanning past what it did.
 */
export async function instancesBehind(
  db: Db,
  machineIds: readonly string[],
  limit: number,
  afterId = '',
): Promise<string[]> {
  const rows = await db
    .selectFrom('instances as i')
    .leftJoin('instance_facts as f', 'f.instance_id', 'i.id')
    .select('i.id')
    .where('i.id', '>', afterId)
    .where('i.machine_id', 'in', machineIds)
    .where((eb) => eb.or([eb('f.instance_id', 'is', null), eb('f.seq', '<', eb.ref('i.version'))]))
    .orderBy('i.id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** An instance's events as the projection replays them: no payloads, no actors. */
export async function eventSteps(db: Db, instanceId: string) {
  return db
    .selectFrom('events')
    .select([
      'seq',
      'type',
      'effective_date',
      'recorded_at',
      'state_before',
      'state_after',
      'machine_version',
    ])
    .where('instance_id', '=', instanceId)
    .orderBy('seq')
    .execute()
}
