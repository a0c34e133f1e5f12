import type { InboxItem } from '../../engine/inbox/inbox-items.ts'
import { formIdOf } from '../events/event-form.tsx'
import { eventTitle, formatDate } from '../labels.ts'

const instanceHref = (item: InboxItem) =>
  item.machine === 'ontwikkelteam' ? `/teams/${item.instanceId}` : `/transitions/${item.instanceId}`

/** A team by its title; a rolovergang (titled by its new role) as the move to that role. */
const titleOf = (item: InboxItem) =>
  item.machine === 'ontwikkelteam' ? item.title : `Rolovergang naar ${item.title}`

function Item({ item, index }: { item: InboxItem; index: number }) {
  const href = instanceHref(item)
  const title = titleOf(item)
  const headingId = `te-doen-${index}`
  return (
    <li class="card inbox-item">
      <h3 id={headingId}>
        <a href={href}>{title}</a>
      </h3>
      <p class="inbox-words">
        {item.words}
        {item.stalled && (
          <>
            {' '}
            <span class="badge stil">stilgevallen</span>
          </>
        )}
      </p>
      <p class="muted small">
        Sinds <time datetime={item.since}>{formatDate(item.since)}</time>
      </p>
      {item.blockers.length > 0 && (
        <>
          <h4>Wat de volgende fase tegenhoudt</h4>
          <ul class="reasons">
            {item.blockers.map((reason) => (
              <li>{reason}</li>
            ))}
          </ul>
        </>
      )}
      {item.canDo.length > 0 ? (
        <>
          <h4>Wat u nu kunt doen</h4>
          <ul class="inbox-actions">
            {item.canDo.map((type) => (
              <li>
                <a href={`${href}#${formIdOf(type)}`}>
                  {eventTitle(type)}
                  <span class="visually-hidden"> ({title})</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="small">U hoeft hier nu niets te doen.</p>
      )}
    </li>
  )
}

/** What waits on the caller, most pressing first; or, when nothing does, that in plain words. */
export function InboxItems({ items }: { items: InboxItem[] }) {
  return (
    <section aria-labelledby="te-doen-lijst">
      <h2 id="te-doen-lijst">Wat op u wacht</h2>
      {items.length === 0 ? (
        <p class="inbox-empty">Niets te doen: er wacht niets op u.</p>
      ) : (
        <ul class="inbox-items">
          {items.map((item, index) => (
            <Item item={item} index={index} />
          ))}
        </ul>
      )}
    </section>
  )
}
