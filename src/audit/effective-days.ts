import { amsterdamDate } from './effective-date.ts'

// An event without ingangsdatum takes effect on the Amsterdam day it was recorded. To ask the
// database which events of a long history take effect before a date, without formatting every
// recording instant in Amsterdam, the instant that day begins is worked out once: an instant lies
// before it exactly when its Amsterdam date lies before the day.

const DAY_MS = 86_400_000

/** UTC midnight of a calendar date YYYY-MM-DD, or undefined for text that is none. */
function midnight(day: string): number | undefined {
  const ms = Date.parse(`${day}T00:00:00.000Z`)
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day ? ms : undefined
}

/** Whether `day` is a calendar date YYYY-MM-DD (2025-02-30 is none). */
export function isCalendarDay(day: string): boolean {
  return midnight(day) !== undefined
}

/** Days asked for lately: an instance's first day, say, is asked for on every time travel. */
const starts = new Map<string, string>()
const MAX_STARTS = 1024

/**
 * The first instant, as ISO 8601 in UTC (the form events record), whose Amsterdam date is `day`
 * or later. Throws for text that is no calendar date.
 */
export function amsterdamDayStart(day: string): string {
  let start = starts.get(day)
  if (start === undefined) {
    if (starts.size >= MAX_STARTS) starts.clear()
    start = dayStart(day)
    starts.set(day, start)
  }
  return start
}

function dayStart(day: string): string {
  const ms = midnight(day)
  if (ms === undefined) throw new RangeError(`not a calendar date: ${day}`)
  // Amsterdam's clock is never 14 hours off UTC: the day begins within 14 hours of UTC midnight.
  let low = ms - 14 * 3_600_000
  let high = ms + 14 * 3_600_000
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (amsterdamDate(new Date(middle).toISOString()) < day) low = middle + 1
    else high = middle
  }
  return new Date(low).toISOString()
}

/** The calendar date after `day`. */
export function dayAfter(day: string): string {
  const ms = midnight(day)
  if (ms === undefined) throw new RangeError(`not a calendar date: ${day}`)
  return new Date(ms + DAY_MS).toISOString().slice(0, 10)
}
