import type { Child } from 'hono/jsx'
import type { Choice } from '../views/choices.ts'

/** A tile of a rolovergang page: one question, what was recorded, why it is stuck, its forms. */
export function Tile(props: {
  /** The id of the heading: `vraag-toegang`. */
  id: string
  title: string
  badge?: { text: string; settled: boolean } | undefined
  question: string
  stuck: Choice[]
  forms: Child
  children: Child
}) {
  const { badge } = props
  return (
    <section class={`tile${badge?.settled ? ' settled' : ''}`} aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title}
        {badge && (
          <>
            {' '}
            <span class={`badge ${badge.settled ? 'q-done' : 'q-open'}`}>{badge.text}</span>
          </>
        )}
      </h2>
      <p class="question">{props.question}</p>
      {props.children}
      {props.stuck.map((c) => (
        <div class="why-step">
          <p>
            <strong>Waarom kan dit nog niet?</strong>
          </p>
          <ul class="reasons">
            {c.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </div>
      ))}
      {props.forms}
    </section>
  )
}
