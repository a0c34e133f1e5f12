import { amsterdamDate } from '../audit/effective-date.ts'

// People count from the day something took effect (the ingangsdatum), not from the day someone
// typed it in: a role that began in September and was recorded in December began in September.
// An event without an ingangsdatum takes effect when it was recorded.

/** When an event counts from, and whether that is its ingangsdatum or its recording. */
export interface EffectiveMoment {
  /** The Amsterdam calendar day (YYYY-MM-DD) the event counts from. */
  day: string
  /** The instant the event was recorded. */
  recordedAt: string
  /** The ingangsdatum when one is recorded, else null. */
  effectiveDate: string | null
  /** The ingangsdatum lies on another day than the recording: say both. */
  differs: boolean
  /** The ingangsdatum lies before the day of recording (teruggedateerd). */
  backdated: boolean
}

/** The first event of an instance and the last one of the process itself. */
export interface InstanceMoments {
  /** When the instance began: for a rolovergang the day it was asked for. */
  begun: EffectiveMoment
  /** Since when the instance stands as it is; "stilgevallen" counts from here. */
  last: EffectiveMoment
}

/**
 * Events that change the bookkeeping of an instance, not where it stands: a migration to another
 * version of the definition is no step in the process, so it neither resets "stilgevallen" nor
 * becomes the "sinds" of the status.
 */
export const BOOKKEEPING_TYPES: readonly string[] = ['definitie.gemigreerd']

/** The moment an event counts from: its ingangsdatum where one is recorded, else its recording. */
export function momentOf(event: {
  effectiveDate: string | null
  recordedAt: string
}): EffectiveMoment {
  const recordedDay = amsterdamDate(event.recordedAt)
  const day = event.effectiveDate ?? recordedDay
  return {
    day,
    recordedAt: event.recordedAt,
    effectiveDate: event.effectiveDate,
    differs: day !== recordedDay,
    backdated: day < recordedDay,
  }
}

/** The moment of something known only by when it was recorded. */
export function recordedMoment(recordedAt: string): EffectiveMoment {
  return momentOf({ effectiveDate: null, recordedAt })
}

const DAY_MS = 24 * 60 * 60 * 1000

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS

/**
 * Days from `moment` to `now`. From an ingangsdatum on another day than the recording, whole
 * Amsterdam calendar days (the date has no time of day); else the exact time since the recording,
 * as before ingangsdata counted.
 */
export function daysSince(moment: EffectiveMoment, now: Date): number {
  if (!moment.differs) {
    return (now.getTime() - new Date(moment.recordedAt).getTime()) / DAY_MS
  }
  return dayNumber(amsterdamDate(now.toISOString())) - dayNumber(moment.day)
}

interface TypedEvent {
  type: string
  effectiveDate: string | null
  recordedAt: string
}

/**
 * The moment of what a context records with its own timestamp `at` (the instant its event was
 * recorded): that event's ingangsdatum when it has one, found in `events` by that instant and its
 * type, else the recording alone.
 */
export function momentRecordedAt(
  events: readonly TypedEvent[],
  at: string,
  isType: (type: string) => boolean,
): EffectiveMoment {
  const event = events.find((e) => e.recordedAt === at && isType(e.type))
  return event ? momentOf(event) : recordedMoment(at)
}
