import type { Db, EventRow } from '../database.ts'
import { prepared } from '../prepared.ts'

// What time travel asks of an instance's events without reading them: where the events recorded
// by an instant end, and which take effect before or after a date. An event takes effect on its
// ingangsdatum, else on the day it was recorded; the caller passes the instant that day begins
// (recorded_at holds ISO 8601 instants in UTC, which compare as text in time order).

/** When an event was recorded and takes effect. */
export type EventDates = Pick<EventRow, 'seq' | 'recorded_at' | 'effective_date'>

const selectDates = prepared((db, instanceId: string, after: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['seq', 'recorded_at', 'effective_date'])
    .where('instance_id', '=', instanceId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit),
)

/** The dates of one instance's events, oldest first, with seq > after. */
export async function listEventDates(
  db: Db,
  instanceId: string,
  page: { after: number; limit: number },
): Promise<EventDates[]> {
  return (await selectDates(db, instanceId, page.after, page.limit)).rows
}

const selectFirstAfter = prepared((db, instanceId: string, at: string) =>
  db
    .selectFrom('events')
    .select((eb) => eb.fn.min('seq').as('seq'))
    .where('instance_id', '=', instanceId)
    .where('recorded_at', '>', at),
)

/** The first event recorded after `at`, or undefined: the events before it are those up to `at`. */
export async function firstRecordedAfter(
  db: Db,
  instanceId: string,
  at: string,
): Promise<number | undefined> {
  const seq = (await selectFirstAfter(db, instanceId, at)).rows[0]?.seq
  return seq === null || seq === undefined ? undefined : Number(seq)
}

const selectBefore = prepared(
  (db, instanceId: string, upTo: number, day: string, dayStart: string) =>
    db
      .selectFrom('events')
      .select('seq')
      .where('instance_id', '=', instanceId)
      .where('seq', '<=', upTo)
      .where((eb) =>
        eb.or([
          eb('effective_date', '<', day),
          eb.and([eb('effective_date', 'is', null), eb('recorded_at', '<', dayStart)]),
        ]),
      )
      .orderBy('seq'),
)

/** The seqs ≤ upTo of events that take effect before `day`, which begins at `dayStart`. */
export async function seqsEffectiveBefore(
  db: Db,
  instanceId: string,
  upTo: number,
  day: { day: string; start: string },
): Promise<number[]> {
  const { rows } = await selectBefore(db, instanceId, upTo, day.day, day.start)
  return rows.map((r) => Number(r.seq))
}

const selectAfter = prepared(
  (db, instanceId: string, upTo: number, day: string, nextDayStart: string) =>
    db
      .selectFrom('events')
      .select('seq')
      .where('instance_id', '=', instanceId)
      .where('seq', '<=', upTo)
      .where((eb) =>
        eb.or([
          eb('effective_date', '>', day),
          eb.and([eb('effective_date', 'is', null), eb('recorded_at', '>=', nextDayStart)]),
        ]),
      )
      .orderBy('seq'),
)

/**
 * The seqs ≤ upTo of events not in effect yet on `day`: they take effect on a later date
 * (`nextDayStart` is when the day after begins).
 */
export async function seqsEffectiveAfter(
  db: Db,
  instanceId: string,
  upTo: number,
  day: { day: string; nextDayStart: string },
): Promise<number[]> {
  const { rows } = await selectAfter(db, instanceId, upTo, day.day, day.nextDayStart)
  return rows.map((r) => Number(r.seq))
}
