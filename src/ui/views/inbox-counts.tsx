import type { InboxCount } from '../../engine/inbox/inbox.service.ts'
import { transitionsHref } from './transition-filters.tsx'

/**
 * The list that shows what a count counts: for rolovergangen the transitions list with the same
 * filters (the API's query in the list's own names), for teams the pilots with their teams.
 */
export function countHref(query: Record<string, string>): string {
  if (query['machine'] === 'ontwikkelteam') return '/pilots'
  const stalled = query['stalled']
  return transitionsHref({
    q: query['q'] ?? '',
    status: query['status'] ?? '',
    fase: query['state'] ?? '',
    vraag: query['openQuestion'] ?? '',
    organisatie: query['organisationId'] ?? '',
    wacht: query['waitingOn'] ?? '',
    stil: stalled === 'true' ? 'ja' : stalled === 'false' ? 'nee' : '',
  })
}

/** The start page's numbers as a row of tiles, each a link to the list behind it. */
export function InboxTiles({ counts }: { counts: InboxCount[] }) {
  if (counts.length === 0) return null
  return (
    <section aria-labelledby="te-doen-getallen">
      <h2 id="te-doen-getallen" class="visually-hidden">
        In getallen
      </h2>
      <ul class="inbox-tiles">
        {counts.map((count) => (
          <li>
            <a
              class={`inbox-tile${count.count > 0 ? ' has-work' : ''}`}
              href={countHref(count.query)}
            >
              <span class="inbox-number">{String(count.count)}</span>{' '}
              <span class="inbox-label">{count.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
