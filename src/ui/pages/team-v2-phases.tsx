import type { OntwikkelteamV2Context } from '../../../machines/ontwikkelteam.v2.context.ts'
import type { Phase } from '../../../machines/vocabulary.ts'
import { valueLabel } from '../labels.ts'
import { DocumentLink } from '../views/document-link.tsx'
import type { Names } from '../views/names.ts'
import { Consultations } from './team-v2-overview.tsx'

/** A team of version 2, with the names and the team id its records need. */
export interface V2 {
  context: OntwikkelteamV2Context
  names: Names
  teamId: string
}

/** What version 2 shows of a phase beside what version 1 does. */
export function V2Extra({ v2, phase }: { v2: V2; phase: Phase }) {
  const { context, names, teamId } = v2
  if (phase === 'delen')
    return <Consultations context={context} names={names} subject="gedeelde-ambitie" />
  if (phase === 'vormgeven')
    return (
      <>
        <DocumentLink teamId={teamId} doc={context.ontwerp?.document ?? null} what="Ontwerp" />
        <Consultations context={context} names={names} subject="ontwerp" />
      </>
    )
  if (phase === 'dissemineren') {
    const docs = context.resultaten.filter((r) => r.cycle === context.cycle && r.document)
    return (
      <ul class="plain">
        {docs.map((r) => (
          <li>
            <DocumentLink
              teamId={teamId}
              doc={r.document}
              what={`Gedeeld met ${valueLabel(r.partner).toLowerCase()}`}
            />
          </li>
        ))}
      </ul>
    )
  }
  return null
}
