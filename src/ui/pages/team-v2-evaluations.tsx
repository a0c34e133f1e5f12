import type { OntwikkelteamV2Context as Context } from '../../../machines/ontwikkelteam.v2.context.ts'
import { collaborationElements, evaluationLevels } from '../../../machines/vocabulary.ts'
import { valueLabel, valueLabelFor } from '../labels.ts'
import { DocumentLink } from '../views/document-link.tsx'
import type { Names } from '../views/names.ts'
import { personName } from '../views/names.ts'

type Evaluatie = Context['evaluaties'][number]

/** The five scores of the collaboration, each with its element's name. */
export function Scores({ scores }: { scores: Evaluatie['scores'] }) {
  if (!scores) return null
  return (
    <dl class="payload scores">
      {collaborationElements.map((element) => (
        <div>
          <dt>{valueLabel(element)}</dt>
          <dd>{String(scores[element])} van 5</dd>
        </div>
      ))}
    </dl>
  )
}

/** How far the pilot met each aim of the denktank. */
export function Aims({ aims }: { aims: Evaluatie['aims'] }) {
  if (!aims || aims.length === 0) return null
  return (
    <ul class="records aims">
      {aims.map((a) => (
        <li>
          {valueLabelFor('aim', a.aim)}: <strong>{valueLabelFor('outcome', a.outcome)}</strong>
          {a.note && ` — ${a.note}`}
        </li>
      ))}
    </ul>
  )
}

/** Who evaluated: the team members and the person of Leraar in Amsterdam, by name. */
export function Evaluators({ e, names }: { e: Evaluatie; names: Names }) {
  return (
    <p class="meta">
      Geëvalueerd door {e.evaluatorIds.map((id) => personName(names, id)).join(', ')}, met{' '}
      {personName(names, e.leraarInAmsterdamPersonId)} van Leraar in Amsterdam
    </p>
  )
}

/** The evaluation of one cycle, level by level: judgement, scores, aims, who, the report. */
export function TeamV2Evaluations(props: { context: Context; names: Names; teamId: string }) {
  const list = props.context.evaluaties.filter((e) => e.cycle === props.context.cycle)
  return (
    <ul class="records">
      {evaluationLevels.map((level) => {
        const found = list.filter((e) => e.level === level)
        return (
          <li>
            <strong>{valueLabel(level)}:</strong>{' '}
            {found.length === 0 && <span class="missing">nog niet geëvalueerd</span>}
            {found.map((e) => (
              <div class="evaluation">
                <p>{e.judgement}</p>
                <Scores scores={e.scores} />
                <Aims aims={e.aims} />
                <Evaluators e={e} names={props.names} />
                <DocumentLink teamId={props.teamId} doc={e.document} what="Evaluatieverslag" />
              </div>
            ))}
          </li>
        )
      })}
    </ul>
  )
}
