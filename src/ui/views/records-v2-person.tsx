import type { RolovergangV2Context as Context } from '../../../machines/rolovergang.v2.context.ts'
import {
  levelLabels,
  outcomeLabels,
  roleEndingLabels,
} from '../../../machines/rolovergang.v2.vocabulary.ts'
import { formatDate } from '../labels.ts'
import type { RecordProps } from './records-v2.tsx'
import { Item, RecordedMeta } from './records-v2.tsx'

// What a rolovergang of version 2 recorded about the teacher and the role itself: the levels,
// the teacher's own motives and leervraag, when the role began and ended, and what came of it.

export function RolV2({ context, events }: RecordProps) {
  const { rol, rolEinde } = context
  if (!rol) return <p class="muted">De leraar is nog niet begonnen in de nieuwe rol.</p>
  return (
    <>
      <dl class="payload">
        <Item label="Begonnen op">{formatDate(rol.startDate)}</Item>
        {rolEinde && <Item label="Geëindigd op">{formatDate(rolEinde.endDate)}</Item>}
        {rolEinde && <Item label="Waarom">{roleEndingLabels[rolEinde.ending]}</Item>}
        {rolEinde?.note && <Item label="Toelichting">{rolEinde.note}</Item>}
      </dl>
      <RecordedMeta at={rol.at} events={events} types={['rol.starten']} />
    </>
  )
}

/** A level with its note, or what to say when none is recorded. */
function level(record: Context['startniveau'], none: string): string {
  if (!record) return none
  return `${levelLabels[record.level]}${record.note ? ` — ${record.note}` : ''}`
}

export function NiveauV2({ context }: RecordProps) {
  return (
    <dl class="payload">
      <Item label="Startniveau in de nieuwe rol">
        {level(context.startniveau, 'Niet vastgelegd: de rolovergang begon onder procesversie 1.')}
      </Item>
      <Item label="Bereikt niveau">{level(context.bereiktNiveau, 'Nog niet vastgelegd.')}</Item>
    </dl>
  )
}

export function InbrengV2({ context, events, own }: RecordProps) {
  const i = context.inbreng
  if (!i) {
    return (
      <p class="muted">
        {own
          ? 'U hebt nog geen motieven of leervraag vastgelegd.'
          : 'De leraar heeft nog geen motieven of leervraag vastgelegd.'}
      </p>
    )
  }
  return (
    <>
      <dl class="payload">
        <Item label="Motieven">{i.motieven ?? 'Niet ingevuld.'}</Item>
        <Item label="Leervraag">{i.leervraag ?? 'Niet ingevuld.'}</Item>
      </dl>
      <RecordedMeta at={i.at} events={events} types={['inbreng.vastleggen']} />
    </>
  )
}

export function UitkomstV2({ context, events }: RecordProps) {
  const u = context.uitkomst
  if (!u) return <p class="muted">Wordt vastgelegd bij het afronden van de rolovergang.</p>
  return (
    <>
      <dl class="payload">
        <Item label="Wat de leraar na de rolovergang doet">{outcomeLabels[u.outcome]}</Item>
        {u.note && <Item label="Toelichting">{u.note}</Item>}
      </dl>
      <RecordedMeta at={u.at} events={events} types={['overgang.afronden']} />
    </>
  )
}
