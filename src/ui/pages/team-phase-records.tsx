import type { OntwikkelteamContext as Context } from '../../../machines/index.ts'
import type { OntwikkelteamV2Context as ContextV2 } from '../../../machines/ontwikkelteam.v2.context.ts'
import type { Phase } from '../../../machines/vocabulary.ts'
import { evaluationLevels, partners } from '../../../machines/vocabulary.ts'
import { formatDate, valueLabel } from '../labels.ts'
import type { Names } from '../views/names.ts'
import { organisationName } from '../views/names.ts'
import { PayloadView } from '../views/payload-view.tsx'

// What each phase of a cycle recorded, as version 1 of the ontwikkelteam records it (version 2
// records the same, and more: see team-v2-phases.tsx).

function Empty() {
  return <p class="muted">Nog niets vastgelegd.</p>
}

function PerOrganisation({
  context,
  records,
  what,
}: {
  context: Context
  records: { organisationId: string; text: string }[]
  what: string
}) {
  return (
    <>
      <h4>{what}</h4>
      <ul class="records">
        {context.organisations.map((o) => {
          const mine = records.filter((r) => r.organisationId === o.id)
          return (
            <li>
              <strong>{o.name}:</strong>{' '}
              {mine.length ? (
                mine.map((r) => r.text).join(' · ')
              ) : (
                <span class="missing">nog niet vastgelegd</span>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}

function Endorsed({ context, done, what }: { context: Context; done: string[]; what: string }) {
  // In a leiderorganisatie (version 2) only the lead endorses and agrees; the others are consulted.
  const lead = (context as Partial<ContextV2>).leadOrganisationId ?? null
  const open = (lead ? [lead] : context.organisationIds).filter((id) => !done.includes(id))
  return (
    <p>
      {what}:{' '}
      {done.length
        ? done.map((id) => organisationName(namesOf(context), id)).join(', ')
        : 'nog niemand'}
      {open.length > 0 && (
        <span class="missing">
          {' '}
          — nog niet: {open.map((id) => organisationName(namesOf(context), id)).join(', ')}
        </span>
      )}
    </p>
  )
}

function namesOf(context: Context): Names {
  return {
    organisations: new Map(context.organisations.map((o) => [o.id, o.name])),
    people: new Map(),
  }
}

/** The records of one phase of the current cycle. */
export function V1Records({ context, phase }: { context: Context; phase: Phase }) {
  const cycle = <T extends { cycle: number }>(list: T[]) =>
    list.filter((r) => r.cycle === context.cycle)
  const names = namesOf(context)
  switch (phase) {
    case 'verkennen':
      return (
        <>
          <PerOrganisation context={context} records={cycle(context.ambities)} what="Ambities" />
          <PerOrganisation context={context} records={cycle(context.belangen)} what="Belangen" />
          <h4>Relaties</h4>
          {cycle(context.relaties).length ? (
            <ul class="records">
              {cycle(context.relaties).map((r) => (
                <li>{r.text}</li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </>
      )
    case 'delen': {
      const ambitie = context.gedeeldeAmbitie
      if (!ambitie) return <Empty />
      return (
        <>
          <blockquote>{ambitie.text}</blockquote>
          <Endorsed context={context} done={ambitie.onderschrevenDoor} what="Onderschreven door" />
        </>
      )
    }
    case 'overeenkomen': {
      const list = cycle(context.oplossingen)
      if (!list.length) return <Empty />
      return (
        <ul class="records">
          {list.map((o) => (
            <li>
              {o.text}
              <ul>
                {o.expertise.map((e) => (
                  <li>
                    Expertise: {e.description}
                    {e.organisationId && ` (${organisationName(names, e.organisationId)})`}
                    {e.external && ' (van buiten het netwerk)'}
                  </li>
                ))}
                {o.expertise.length === 0 && <li class="missing">nog geen expertisebron</li>}
              </ul>
            </li>
          ))}
        </ul>
      )
    }
    case 'vormgeven': {
      const ontwerp = context.ontwerp
      if (!ontwerp) return <Empty />
      return (
        <>
          <PayloadView
            type="ontwerp.vastleggen"
            payload={{
              text: ontwerp.text,
              collaboration: ontwerp.collaboration,
              quality: ontwerp.quality,
            }}
            names={names}
          />
          <Endorsed context={context} done={ontwerp.akkoorden} what="Akkoord van" />
        </>
      )
    }
    case 'uitvoeren': {
      const list = cycle(context.activiteiten)
      if (!list.length) return <Empty />
      return (
        <ul class="records">
          {list.map((a) => (
            <li>
              <strong>{formatDate(a.date)}:</strong> {a.text}
            </li>
          ))}
        </ul>
      )
    }
    case 'evalueren': {
      const list = cycle(context.evaluaties)
      return (
        <ul class="records">
          {evaluationLevels.map((level) => {
            const found = list.filter((e) => e.level === level)
            return (
              <li>
                <strong>{valueLabel(level)}:</strong>{' '}
                {found.length ? (
                  found.map((e) => e.judgement).join(' · ')
                ) : (
                  <span class="missing">nog niet geëvalueerd</span>
                )}
                {found.map(
                  (e) =>
                    e.scores && (
                      <PayloadView type="evaluatie.vastleggen" payload={e.scores} names={names} />
                    ),
                )}
              </li>
            )
          })}
        </ul>
      )
    }
    case 'dissemineren': {
      const list = cycle(context.resultaten)
      return (
        <ul class="records">
          {partners.map((partner) => {
            const found = list.filter((r) => r.partner === partner)
            return (
              <li>
                <strong>{valueLabel(partner)}:</strong>{' '}
                {found.length ? (
                  found.map((r) => r.text).join(' · ')
                ) : (
                  <span class="missing">nog niet gedeeld</span>
                )}
              </li>
            )
          })}
        </ul>
      )
    }
  }
}
