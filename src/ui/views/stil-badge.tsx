import type { EffectiveMoment } from '../../engine/effective-moment.ts'
import { isStilgevallen } from '../../engine/questions.ts'

/** An instance as a list shows it: its status, and (when read with them) its moments. */
interface Shown {
  status: string
  moments?: { last: EffectiveMoment } | undefined
}

/** "stilgevallen": no event for 30 days or more while the process runs, as transitions show it. */
export function StilBadge({ view, now }: { view: Shown; now: Date }) {
  if (!view.moments || !isStilgevallen(view.status, view.moments.last, now)) return null
  return <span class="badge stil">stilgevallen</span>
}
