import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { effectiveDay } from '../../src/audit/effective-date.ts'
import { amsterdamDayStart, dayAfter, isCalendarDay } from '../../src/audit/effective-days.ts'

// Time travel asks the database which events take effect before (or on) a date by comparing
// their recording instant, as text, with the instant the Amsterdam day begins. That must agree
// with effectiveDay for every event and day, around the changes to and from summer time above all.

const FROM = Date.parse('2024-01-01T00:00:00.000Z')
const TO = Date.parse('2027-12-31T23:59:59.999Z')
// The clock changes of 2025 and 2026 (01:00 UTC), and Amsterdam midnights on either side of them.
const EDGES = [
  '2025-03-30T01:00:00.000Z',
  '2025-10-26T01:00:00.000Z',
  '2026-03-29T01:00:00.000Z',
  '2026-10-25T01:00:00.000Z',
  '2025-03-29T23:00:00.000Z',
  '2025-03-30T22:00:00.000Z',
  '2025-10-25T22:00:00.000Z',
  '2025-10-26T23:00:00.000Z',
].map(Date.parse)

const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.constantFrom(...EDGES).chain((edge) => fc.integer({ min: edge - 2000, max: edge + 2000 })),
)
const day = instant.map((ms) => new Date(ms).toISOString().slice(0, 10))
const event = fc.record({
  recorded_at: instant.map((ms) => new Date(ms).toISOString()),
  effective_date: fc.option(day, { nil: null }),
})

type Dated = { recorded_at: string; effective_date: string | null }

// The conditions the time-travel queries put to the database, here on one event.
const before = (e: Dated, d: string) =>
  e.effective_date !== null ? e.effective_date < d : e.recorded_at < amsterdamDayStart(d)
const inEffect = (e: Dated, d: string) =>
  e.effective_date !== null ? e.effective_date <= d : e.recorded_at < amsterdamDayStart(dayAfter(d))

describe('the instant an Amsterdam day begins', () => {
  it('puts an event before a day exactly when effectiveDay does', () => {
    fc.assert(
      fc.property(event, day, (e, d) => {
        expect(before(e, d)).toBe(effectiveDay(e) < d)
        expect(inEffect(e, d)).toBe(effectiveDay(e) <= d)
      }),
      { numRuns: 1000 },
    )
  })

  it('is midnight in Amsterdam, in winter and in summer time', () => {
    expect(amsterdamDayStart('2025-03-30')).toBe('2025-03-29T23:00:00.000Z')
    expect(amsterdamDayStart('2025-03-31')).toBe('2025-03-30T22:00:00.000Z')
    expect(amsterdamDayStart('2025-10-26')).toBe('2025-10-25T22:00:00.000Z')
    expect(amsterdamDayStart('2025-10-27')).toBe('2025-10-26T23:00:00.000Z')
    expect(dayAfter('2024-02-28')).toBe('2024-02-29')
    expect(dayAfter('2025-12-31')).toBe('2026-01-01')
  })

  it('is asked only of calendar dates', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2025-02-29')).toBe(false)
    expect(isCalendarDay('gisteren')).toBe(false)
    expect(() => amsterdamDayStart('2025-02-30')).toThrow(RangeError)
  })
})
