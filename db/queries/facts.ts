import type { Db } from '../database.ts'
import type { InstanceFactsTable } from '../facts-tables.ts'

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
): Promise<void> {
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
}

const DAY_MS = 86_400_000
/** Whole days from one Amsterdam day (YYYY-MM-DD) to another; 0 when `to` lies before. */
export const daysBetween = (from: string, to: string) =>
  Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS),
  )

/** Closes the open periods of `parts` on `day`. */
export async function closePeriods(
  db: Db,
  instanceId: string,
  parts: readonly string[],
  day: string,
): Promise<void> {
  if (parts.length === 0) return
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
}

export async function openPeriods(
  db: Db,
  instanceId: string,
  parts: readonly string[],
  seq: number,
  day: string,
): Promise<void> {
  if (parts.length === 0) return
  await db
    .insertInto('instance_periods')
    .values(
      parts.map((part) => ({
        instance_id: instanceId,
        part,
        opened_seq: seq,
        entered_on: day,
        left_on: null,
        days: null,
      })),
    )
    .execute()
}

/** Drops an instance's facts and periods, before they are rebuilt from its history. */
export async function dropFacts(db: Db, instanceId: string): Promise<void> {
  await db.deleteFrom('instance_periods').where('instance_id', '=', instanceId).execute()
  await db.deleteFrom('instance_facts').where('instance_id', '=', instanceId).execute()
}

/** Instances whose facts are missing or behind their history (written by an older release). */
export async function instancesBehind(
  db: Db,
  machineIds: readonly string[],
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('instances as i')
    .leftJoin('instance_facts as f', 'f.instance_id', 'i.id')
    .select('i.id')
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
