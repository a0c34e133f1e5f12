import type { EffectiveMoment } from '../../engine/effective-moment.ts'
import { formatDate } from '../labels.ts'

/**
 * A moment as a person reads it: the day it counts from, and — only when the ingangsdatum lies on
 * another day than the recording — which date that is and when it was recorded, e.g.
 * "1 september 2026 (ingangsdatum; vastgelegd op 1 december 2026)".
 */
export function momentText(moment: EffectiveMoment): string {
  const day = formatDate(moment.day)
  if (!moment.differs) return day
  return `${day} (ingangsdatum; vastgelegd op ${formatDate(moment.recordedAt)})`
}

/** `momentText` as markup, the day in a `<time>` element. */
export function MomentText({ moment }: { moment: EffectiveMoment }) {
  return (
    <>
      <time datetime={moment.day}>{formatDate(moment.day)}</time>
      {moment.differs && (
        <span class="moment-source">
          {' '}
          (ingangsdatum; vastgelegd op{' '}
          <time datetime={moment.recordedAt}>{formatDate(moment.recordedAt)}</time>)
        </span>
      )}
    </>
  )
}
