import type { MachineDefinition } from '../../../machines/types.ts'
import { MachineDiagram } from '../diagram/diagram.tsx'
import type { FailedForm } from '../events/submit-event.ts'
import { eventTitle } from '../labels.ts'
import type { Choice } from '../views/choices.ts'

/** "Waarom kan ik niet door?": every step that is blocked now, with its Dutch reasons. */
export function WhyBlocked({ steps }: { steps: Choice[] }) {
  if (steps.length === 0) return null
  return (
    <section class="why" aria-labelledby="waarom">
      <h2 id="waarom">Waarom kan ik niet door?</h2>
      {steps.map((step) => (
        <div class="why-step">
          <h3>{eventTitle(step.type)}</h3>
          <ul class="reasons">
            {step.reasons.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}

/**
 * A failed form whose event has no form on the page (an unknown event, or one not offered here):
 * its problem is shown at the top, since no form can show it in place.
 */
export function UnplacedProblem({
  failed,
  shown,
}: {
  failed?: FailedForm | undefined
  shown: Choice[]
}) {
  if (!failed || shown.some((c) => c.type === failed.type)) return null
  const { problem, reasons } = failed.state
  return (
    <div class="problem" role="alert">
      <p>{problem ?? 'Controleer wat is ingevuld.'}</p>
      {reasons && reasons.length > 0 && (
        <ul class="reasons">
          {reasons.map((r) => (
            <li>{r}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Other things that cannot be done now, folded away. */
export function BlockedList({ choices }: { choices: Choice[] }) {
  if (choices.length === 0) return null
  return (
    <details class="other-blocked">
      <summary>Wat nu niet kan ({String(choices.length)})</summary>
      <ul>
        {choices.map((c) => (
          <li>
            <strong>{eventTitle(c.type)}:</strong> {c.reasons.join(' ')}
          </li>
        ))}
      </ul>
    </details>
  )
}

/** The machine's diagram with the current state highlighted; it scrolls sideways when wide. */
export function DiagramSection({ def, state }: { def: MachineDefinition; state: unknown }) {
  return (
    <section aria-labelledby="diagram-titel">
      <h2 id="diagram-titel">Procesdiagram</h2>
      <p class="muted">
        Gegenereerd uit de definitie van het proces; de huidige toestand is donkerblauw.{' '}
        <a href={`/machines/${def.id}.v${String(def.version)}.svg`}>Diagram als SVG-bestand</a>
      </p>
      <div
        class="diagram"
        tabindex={0}
        role="region"
        aria-label="Procesdiagram (horizontaal te scrollen)"
      >
        <MachineDiagram def={def} state={state} />
      </div>
    </section>
  )
}
