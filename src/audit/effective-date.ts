// Dates in the domain (ingangsdatum) are Dutch calendar dates; an event without one takes effect
// on the day it was recorded, in Amsterdam.

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Amsterdam calendar date (YYYY-MM-DD) of an instant. */
export function amsterdamDate(iso: string): string {
  return amsterdam.format(new Date(iso))
}

/** The date an event takes effect: its ingangsdatum, else the day it was recorded. */
export function effectiveDay(event: {
  effective_date: string | null
  recorded_at: string
}): string {
  return event.effective_date ?? amsterdamDate(event.recorded_at)
}
