import type { AuditDue } from '../../engine/inbox/audit-due.ts'
import { formatDateTime } from '../labels.ts'

const events = (n: number) => (n === 1 ? '1 gebeurtenis' : `${n} gebeurtenissen`)
const breaks = (n: number) => (n === 1 ? '1 breuk' : `${n} breuken`)

function Checkpoint({ audit }: { audit: AuditDue }) {
  if (audit.checkpointDue) {
    return (
      <p class="warning">
        Tijd voor een nieuw checkpoint: {events(audit.eventsSinceCheckpoint)}
        {audit.lastCheckpointAt ? ' sinds het laatste.' : ', en nog nooit een checkpoint.'}
      </p>
    )
  }
  if (audit.eventsSinceCheckpoint === 0)
    return <p>Er is niets gebeurd sinds het laatste checkpoint.</p>
  return (
    <p>
      Nog geen nieuw checkpoint nodig: {events(audit.eventsSinceCheckpoint)} sinds het laatste, dat
      minder dan een week oud is.
    </p>
  )
}

function Verification({ audit }: { audit: AuditDue }) {
  if (audit.lastVerifyAt === null || audit.breaks === null)
    return <p>De hele keten is nog nooit gecontroleerd.</p>
  if (audit.breaks === 0) return <p class="verify-ok">De laatste controle vond geen breuken.</p>
  return (
    <p class="verify-bad">
      De laatste controle vond {breaks(audit.breaks)} in de keten. Bekijk welke bij de controle.
    </p>
  )
}

/** An auditor's "te doen": the last checkpoint, whether a new one is due, the last check's breaks. */
export function InboxAudit({ audit }: { audit: AuditDue }) {
  return (
    <section aria-labelledby="te-doen-audit" class="inbox-audit">
      <h2 id="te-doen-audit">Audit</h2>
      <dl class="facts">
        <div>
          <dt>Laatste checkpoint</dt>
          <dd>{audit.lastCheckpointAt ? formatDateTime(audit.lastCheckpointAt) : 'nog nooit'}</dd>
        </div>
        <div>
          <dt>Laatste controle van de keten</dt>
          <dd>{audit.lastVerifyAt ? formatDateTime(audit.lastVerifyAt) : 'nog nooit'}</dd>
        </div>
        <div>
          <dt>Breuken bij die controle</dt>
          <dd>{audit.breaks === null ? 'nog niet bekend' : String(audit.breaks)}</dd>
        </div>
      </dl>
      <Checkpoint audit={audit} />
      <Verification audit={audit} />
      <p>
        <a href="/audit/verify">Controleer nu de hele keten</a>
      </p>
    </section>
  )
}

/** The reports the caller may read, each a link. */
export function InboxReports({ reports }: { reports: { id: string; title: string }[] }) {
  if (reports.length === 0) return null
  return (
    <section aria-labelledby="te-doen-rapportages">
      <h2 id="te-doen-rapportages">Rapportages</h2>
      <ul class="inbox-reports">
        {reports.map((r) => (
          <li>
            <a href={`/rapportages/${r.id}`}>{r.title}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
