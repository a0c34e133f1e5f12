import type { EventView } from '../../engine/read-instances.ts'
import { formatDate } from '../labels.ts'

/** The event that moves an instance to another version of its process. */
const MIGRATED = 'definitie.gemigreerd'

/**
 * Which version of the process a rolovergang follows, said in passing: people act on what the
 * page offers, but should know why an older rolovergang asks for less.
 */
export function VersionNote({ version, events }: { version: number; events: EventView[] }) {
  if (version === 1) {
    return (
      <p class="meta version-note">
        Procesversie 1. Deze rolovergang volgt de eerdere regels: zonder niveaus, zonder de inbreng
        en de instemming van de leraar, en zonder uitkomst bij het afronden.
      </p>
    )
  }
  const migrated = [...events].reverse().find((e) => e.type === MIGRATED)
  const from = (migrated?.payload as { from?: unknown } | undefined)?.from
  const since =
    migrated && typeof from === 'number'
      ? ` (overgezet van procesversie ${String(from)} op ${formatDate(migrated.recordedAt)})`
      : ''
  return <p class="meta version-note">{`Procesversie ${String(version)}${since}.`}</p>
}
