import { euro } from '../../../machines/ontwikkelteam.v2.checks.ts'
import { collaborationElements, evaluationLevels, phases } from '../../../machines/vocabulary.ts'
import type { CycleComparison, CycleView } from '../../engine/cycles.service.ts'
import { formatDate, valueLabel } from '../labels.ts'
import { DocumentLink } from '../views/document-link.tsx'
import type { Names } from '../views/names.ts'
import { organisationName, personName } from '../views/names.ts'

// "Cycli vergelijken": the cycles of a team side by side, one column each, in the words of the
// domain. The figures come from the same service as GET /api/v1/instances/:id/cycles.

interface Props {
  comparison: CycleComparison
  names: Names
  teamId: string
}

const days = (n: number) => `${String(n)} ${n === 1 ? 'dag' : 'dagen'}`
const none = <span class="missing">—</span>

function Period({ c }: { c: CycleView }) {
  if (!c.period.from) return none
  if (!c.period.to) return <>sinds {formatDate(c.period.from)}</>
  return (
    <>
      {formatDate(c.period.from)} – {formatDate(c.period.to)}
    </>
  )
}

function Partners({ c, names }: { c: CycleView; names: Names }) {
  const list = (ids: string[]) => ids.map((id) => organisationName(names, id)).join(', ')
  return (
    <>
      {list(c.organisations.ids)}
      {c.organisations.added.length > 0 && (
        <p class="small">Nieuw: {list(c.organisations.added)}</p>
      )}
      {c.organisations.removed.length > 0 && (
        <p class="small">Vertrokken: {list(c.organisations.removed)}</p>
      )}
    </>
  )
}

function Evaluation(props: { c: CycleView; level: string; names: Names; teamId: string }) {
  const e = props.c.evaluations.find((x) => x.level === props.level)
  if (!e || e.judgement === null) return <span class="missing">niet geëvalueerd</span>
  const reached = e.aims?.filter((a) => a.outcome === 'behaald').length
  return (
    <>
      <p>{e.judgement}</p>
      {e.scores && (
        <ul class="plain small">
          {collaborationElements.map((k) => (
            <li>
              {valueLabel(k)}: {String(e.scores?.[k])}
            </li>
          ))}
        </ul>
      )}
      {e.aims && (
        <p class="small">
          Doelen van de denktank: {String(reached)} van {String(e.aims.length)} behaald
        </p>
      )}
      {e.evaluatorIds.length > 0 && (
        <p class="small">
          Door {e.evaluatorIds.map((id) => personName(props.names, id)).join(', ')}
          {e.leraarInAmsterdamPersonId &&
            ` met ${personName(props.names, e.leraarInAmsterdamPersonId)} (Leraar in Amsterdam)`}
        </p>
      )}
      <DocumentLink teamId={props.teamId} doc={e.document} what="Verslag" />
    </>
  )
}

function Participants({ c }: { c: CycleView }) {
  const p = c.participants
  if (!p) return none
  return (
    <>
      {String(p.enrolled + p.completed)} van {String(p.places)} plaatsen gevuld
      <p class="small">
        {String(p.enrolled)} ingeschreven, {String(p.completed)} afgerond, {String(p.withdrawn)}{' '}
        teruggetrokken
      </p>
    </>
  )
}

function Budget({ c }: { c: CycleView }) {
  const b = c.budget
  if (!b) return none
  return (
    <>
      Uitgegeven {euro(b.spentCents)} van {euro(b.plannedCents)}
      <p class="small">Saldo {euro(b.balanceCents)}</p>
    </>
  )
}

/** The comparison table, with a row per aspect and a column per cycle. */
export function CyclesSection({ comparison, names, teamId }: Props) {
  const cycles = comparison.items
  const row = (label: string, cell: (c: CycleView) => unknown) => (
    <tr>
      <th scope="row">{label}</th>
      {cycles.map((c) => (
        <td>{cell(c)}</td>
      ))}
    </tr>
  )
  const usedPhases = phases.filter((p) =>
    cycles.some((c) => c.phaseDays.some((d) => d.phase === p)),
  )
  return (
    <section aria-labelledby="cycli">
      <h2 id="cycli">Cycli vergelijken</h2>
      {cycles.length < 2 && (
        <p class="muted">
          Dit team is in zijn eerste cyclus; na een nieuwe cyclus staan de cycli hier naast elkaar.
        </p>
      )}
      {comparison.note && <p class="muted">{comparison.note}</p>}
      <div
        class="table-wrap"
        tabindex={0}
        role="region"
        aria-label="De cycli naast elkaar (horizontaal te scrollen)"
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Onderdeel</th>
              {cycles.map((c) => (
                <th scope="col">
                  Cyclus {String(c.cycle)}
                  {c.current && ' (nu)'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row('Periode', (c) => (
              <Period c={c} />
            ))}
            {row('Begon bij', (c) => (
              <>
                {valueLabel(c.start.phase)}
                {c.start.reason && <p class="small">Reden: {c.start.reason}</p>}
              </>
            ))}
            {row('Partners', (c) => (
              <Partners c={c} names={names} />
            ))}
            {row('Gedeelde ambitie', (c) => c.gedeeldeAmbitie ?? none)}
            {row('Ontwerp', (c) =>
              c.ontwerp ? (
                <>
                  {c.ontwerp.text}{' '}
                  <DocumentLink teamId={teamId} doc={c.ontwerp.document} what="Ontwerp" />
                </>
              ) : (
                none
              ),
            )}
            {evaluationLevels.map((level) =>
              row(`Evaluatie: ${valueLabel(level).toLowerCase()}`, (c) => (
                <Evaluation c={c} level={level} names={names} teamId={teamId} />
              )),
            )}
            {usedPhases.map((phase) =>
              row(`Duur ${valueLabel(phase).toLowerCase()}`, (c) => {
                const found = c.phaseDays.find((d) => d.phase === phase)
                return found ? days(found.days) : none
              }),
            )}
            {row('Deelnemers', (c) => (
              <Participants c={c} />
            ))}
            {row('Begroting', (c) => (
              <Budget c={c} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
