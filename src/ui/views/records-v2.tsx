import type { RolovergangV2Context as Context } from '../../../machines/rolovergang.v2.context.ts'
import {
  budgetSourceLabels,
  recognitionKindLabels,
  recognitionWhatLabels,
  supportFormV2Labels,
} from '../../../machines/rolovergang.v2.vocabulary.ts'
import type { EventView } from '../../engine/read-instances.ts'
import { momentRecordedAt } from '../../engine/effective-moment.ts'
import { formatDate, formatDateTime, valueLabel } from '../labels.ts'
import type { Names } from './names.ts'

// What a rolovergang of version 2 recorded, question by question, in the words of the domain.
// A field that is null only because the rolovergang began under version 1 says so, so nobody
// reads "not recorded" as "forgotten".

/** How the records speak: about "de leraar", or to the teacher who reads their own. */
export interface RecordProps {
  context: Context
  events: readonly EventView[]
  names: Names
  /** The teacher reads their own rolovergang. */
  own: boolean
}

const underV1 = 'Niet vastgelegd: deze afspraak is gemaakt onder procesversie 1.'

/** "Vastgelegd op … · met ingang van …" for a record the event of `types` wrote at `at`. */
export function RecordedMeta(props: {
  at: string
  events: readonly EventView[]
  types: readonly string[]
  verb?: string
}) {
  const moment = momentRecordedAt(props.events, props.at, (t) => props.types.includes(t))
  return (
    <p class="meta">
      {props.verb ?? 'Vastgelegd'} op {formatDateTime(props.at)}
      {moment.differs && ` · met ingang van ${formatDate(moment.day)}`}
    </p>
  )
}

/** One labelled value of a record. */
export function Item(props: { label: string; children: unknown }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  )
}

/** Whether the teacher agreed to an afspraak as it stands now. */
function Instemming(props: {
  instemming: { note: string | null; at: string } | null
  type: string
  events: readonly EventView[]
  own: boolean
}) {
  const { instemming } = props
  if (!instemming) {
    return (
      <p class="waiting">
        <strong>
          {props.own ? 'Wacht op uw instemming.' : 'Wacht op instemming van de leraar.'}
        </strong>
      </p>
    )
  }
  const moment = momentRecordedAt(props.events, instemming.at, (t) => t === props.type)
  return (
    <p>
      <strong>{props.own ? 'U hebt ingestemd' : 'De leraar heeft ingestemd'}</strong> op{' '}
      {formatDate(moment.day)}.{instemming.note && ` Toelichting: ${instemming.note}`}
    </p>
  )
}

const nothingYet = <p class="muted">Nog niets afgesproken.</p>

/** The orientation: since when (its ingangsdatum) and what it was, or why it was skipped. */
function orientationText({ context, events }: RecordProps): string {
  const { orientatie, toegang } = context
  if (orientatie) {
    const isStart = (t: string) => t === 'toegang.orientatie-starten'
    const day = formatDate(momentRecordedAt(events, orientatie.at, isStart).day)
    return `Begonnen op ${day}.${orientatie.note ? ` ${orientatie.note}` : ''}`
  }
  if (toegang?.skipOrientationReason) return `Overgeslagen. Reden: ${toegang.skipOrientationReason}`
  return 'Niet vastgelegd.'
}

export function ToegangV2(props: RecordProps) {
  const { orientatie, toegang } = props.context
  const events = props.events
  if (!orientatie && !toegang) return <p class="muted">De oriëntatie is nog niet begonnen.</p>
  return (
    <>
      <dl class="payload">
        <Item label="Oriëntatie">{orientationText(props)}</Item>
        {toegang && <Item label="Manier van toelaten">{valueLabel(toegang.method)}</Item>}
        {toegang && <Item label="Toelichting">{toegang.note}</Item>}
      </dl>
      {toegang && (
        <RecordedMeta
          at={toegang.at}
          events={events}
          types={['toegang.toelaten']}
          verb="Toegelaten"
        />
      )}
    </>
  )
}

export function OndersteuningV2({ context, events, own }: RecordProps) {
  const o = context.ondersteuning
  if (!o) return nothingYet
  return (
    <>
      <dl class="payload">
        <Item label="Vormen van ondersteuning">
          <ul class="plain">
            {o.forms.map((f) => (
              <li>{supportFormV2Labels[f]}</li>
            ))}
          </ul>
        </Item>
        <Item label="Toelichting">{o.note}</Item>
      </dl>
      <RecordedMeta
        at={o.at}
        events={events}
        types={['ondersteuning.afspreken']}
        verb="Afgesproken"
      />
      <Instemming
        instemming={o.instemming}
        type="ondersteuning.instemmen"
        events={events}
        own={own}
      />
      {o.afgerondAt && <p class="meta">Afgerond op {formatDateTime(o.afgerondAt)}</p>}
    </>
  )
}

/**
 * Who agreed to the facilitering: a function or body, a person, or both. A person whose name the
 * reader may not see is left out beside a function, and only said to exist without one.
 */
function agreedBy(f: NonNullable<Context['facilitering']>, names: Names): string | null {
  const person = f.agreedByPersonId ? names.people.get(f.agreedByPersonId) : undefined
  if (f.agreedBy) return person ? `${f.agreedBy} (${person})` : f.agreedBy
  if (f.agreedByPersonId) return person ?? 'Een persoon van wie u de naam niet kunt inzien'
  return null
}

export function FaciliteringV2({ context, events, names, own }: RecordProps) {
  const f = context.facilitering
  if (!f) return nothingYet
  const hours = `${String(f.hoursPerYear)} uur per jaar`
  return (
    <>
      <dl class="payload">
        <Item label="Van de lestaak af">{hours}</Item>
        {f.zeroHoursReason && <Item label="Reden voor 0 uur">{f.zeroHoursReason}</Item>}
        <Item label="Wie betaalt de uren">
          {f.budgetSource ? budgetSourceLabels[f.budgetSource] : underV1}
        </Item>
        <Item label="Akkoord gegeven door">{agreedBy(f, names) ?? underV1}</Item>
        {f.compensation && (
          <Item label="Compensatie (vastgelegd onder procesversie 1)">{f.compensation}</Item>
        )}
        {f.note && <Item label="Toelichting">{f.note}</Item>}
      </dl>
      <RecordedMeta
        at={f.at}
        events={events}
        types={['facilitering.afspreken']}
        verb="Afgesproken"
      />
      <Instemming
        instemming={f.instemming}
        type="facilitering.instemmen"
        events={events}
        own={own}
      />
    </>
  )
}

type Recognition = NonNullable<Context['erkenning']>['recognitions'][number]

/** One form of erkenning: its kind, what it is, and how it is described. */
export function recognitionText(r: Recognition): string {
  const what = r.what
    ? `: ${recognitionWhatLabels[r.what].toLowerCase()}`
    : r.form === 'informeel'
      ? ''
      : ' (wat het is, is onder procesversie 1 niet vastgelegd)'
  return `${recognitionKindLabels[r.form]}${what}${r.description ? ` — ${r.description}` : ''}`
}

export function ErkenningV2({ context, events, own }: RecordProps) {
  const e = context.erkenning
  if (!e) return nothingYet
  return (
    <>
      <dl class="payload">
        <Item label="Vormen van erkenning">
          <ul class="plain">
            {e.recognitions.map((r) => (
              <li>{recognitionText(r)}</li>
            ))}
          </ul>
        </Item>
        <Item label="Toelichting">{e.note}</Item>
      </dl>
      <RecordedMeta at={e.at} events={events} types={['erkenning.afspreken']} verb="Afgesproken" />
      <Instemming instemming={e.instemming} type="erkenning.instemmen" events={events} own={own} />
      {e.verleend && (
        <p>
          <strong>Verleend</strong> op {formatDateTime(e.verleend.at)}: {e.verleend.note}
        </p>
      )}
    </>
  )
}
