import type { Context } from 'hono'
import { Hono } from 'hono'
import { getMachine, machines } from '../../../machines/index.ts'
import { prepareExport } from '../../audit/export.service.ts'
import type { ExportFormat } from '../../audit/export.service.ts'
import { stateAt } from '../../audit/time-travel.service.ts'
import type { StateAt } from '../../audit/time-travel.service.ts'
import { verifyForPrincipal } from '../../engine/audit.service.ts'
import { BEHEER_MACHINE } from '../../engine/beheer.ts'
import type { InstanceView } from '../../engine/instance-view.ts'
import { listVisibleInstances, readInstance } from '../../engine/read-instances.ts'
import type { VerifyReport } from '../../engine/verify.ts'
import { ProblemError } from '../../errors.ts'
import { Directory } from '../directory.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { historyOf } from '../history.ts'
import { formatDate, formatDateTime } from '../labels.ts'
import { Page } from '../layout.tsx'
import { AuditHistory } from '../pages/audit-history.tsx'
import { VerifyResult } from '../pages/verify-result.tsx'
import { html } from '../render.tsx'
import { guard, param } from '../session/guard.ts'
import { ruleFor } from '../../access/policy.ts'
import { instanceTitle } from '../views/names.ts'

const MACHINE_LABELS: Record<string, string> = {
  ontwikkelteam: 'Ontwikkelteam',
  rolovergang: 'Rolovergang',
  [BEHEER_MACHINE]: 'Beheer',
}

export function auditRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function list(c: Context<UiEnv>, who: Who, report?: VerifyReport) {
    const machine = c.req.query('machine') ?? ''
    const ids =
      machine && Object.hasOwn(MACHINE_LABELS, machine)
        ? [machine]
        : [...Object.keys(machines), BEHEER_MACHINE]
    const items: InstanceView[] = []
    for (const id of ids) {
      const found = await listVisibleInstances(deps.store, who.principal, {
        machine: id,
        limit: 500,
      })
      items.push(...found.items)
    }
    items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    const directory = new Directory(deps.store, who.principal)
    const names = {
      organisations: new Map<string, string>(),
      people: await directory.personNames(items.map((v) => String(v.context['personId'] ?? ''))),
    }
    return html(
      c,
      <Page
        title="Audit"
        who={who}
        path={c.req.path}
        lead="De volledige geschiedenis van elk proces: wie, wanneer, waarom, met de hashketen."
      >
        <form method="get" action="/audit/verify" class="actions-row">
          <button type="submit" class="button">
            Alle ketens verifiëren
          </button>
          <span class="muted">Berekent elke hash opnieuw uit de opgeslagen gegevens.</span>
        </form>
        {report && <VerifyResult report={report} />}
        {ruleFor(who.principal.role, 'audit.export') && (
          <p>
            Exporteren (alles in uw bereik, met alle velden om elke hash na te rekenen):{' '}
            <a href="/audit/export?format=ndjson" download>
              NDJSON
            </a>{' '}
            ·{' '}
            <a href="/audit/export?format=csv" download>
              CSV
            </a>
          </p>
        )}
        <form method="get" action="/audit" class="filters" aria-label="Filter">
          <div class="field">
            <label for="machine">Soort proces</label>
            <select id="machine" name="machine">
              <option value="">Alle</option>
              {Object.entries(MACHINE_LABELS).map(([id, label]) => (
                <option value={id} selected={id === machine}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button secondary">
            Filter
          </button>
        </form>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Processen, laatst gewijzigd eerst</caption>
            <thead>
              <tr>
                <th scope="col">Proces</th>
                <th scope="col">Soort</th>
                <th scope="col">Status</th>
                <th scope="col">Gebeurtenissen</th>
                <th scope="col">Laatst gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {items.map((v) => (
                <tr>
                  <th scope="row">
                    <a href={`/audit/${v.id}`}>{instanceTitle(v, names)}</a>
                  </th>
                  <td>{MACHINE_LABELS[v.machine.id] ?? v.machine.id}</td>
                  <td>
                    <span class={`badge status-${v.status}`}>{v.status}</span>
                  </td>
                  <td>{String(v.version)}</td>
                  <td>{formatDateTime(v.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Page>,
    )
  }

  async function history(c: Context<UiEnv>, who: Who, id: string, report?: VerifyReport) {
    const view = await readInstance(deps.store, who.principal, id)
    const events = await historyOf(deps.store, who.principal, id)
    const directory = new Directory(deps.store, who.principal)
    const people = await directory.namesIn(view.context, events)
    const organisations = await directory.organisationNames()
    const date = c.req.query('datum') ?? ''
    const validDate =
      /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : ''
    let then: StateAt | null | undefined
    if (validDate) {
      // "Stand op datum": the events in effect on that date, replayed by the time-travel service.
      then = await stateAt(deps.store, who.principal, id, { effectiveAt: validDate }).catch(
        (error: unknown) => {
          if (error instanceof ProblemError && error.status === 404) return null
          throw error
        },
      )
    }
    return html(
      c,
      <AuditHistory
        who={who}
        path={c.req.path}
        view={view}
        def={getMachine(view.machine.id, view.machine.version)}
        machineLabel={MACHINE_LABELS[view.machine.id] ?? view.machine.id}
        events={events}
        names={{ organisations, people }}
        tokenNames={await directory.tokenNames()}
        report={report}
        date={validDate}
        dateLabel={validDate ? formatDate(validDate) : ''}
        then={then}
        mayExport={ruleFor(who.principal.role, 'audit.export') !== undefined}
      />,
    )
  }

  /** The export of the audit API, for the browser session: same service, same checks. */
  async function exportFile(c: Context<UiEnv>, who: Who, instanceId?: string) {
    const format: ExportFormat = c.req.query('format') === 'csv' ? 'csv' : 'ndjson'
    const prepared = await prepareExport(deps.store, who.principal, { format, instanceId })
    const chunks = prepared.chunks()
    const encoder = new TextEncoder()
    // Pulled one page at a time, as the API streams it: memory stays flat for large exports.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      async cancel() {
        await chunks.return(undefined)
      },
    })
    return c.body(stream, 200, {
      'content-type': prepared.contentType,
      'content-disposition': `attachment; filename="${prepared.filename}"`,
      'cache-control': 'no-store',
    })
  }

  return new Hono<UiEnv>()
    .get(
      '/audit',
      page((c, who) => list(c, who)),
    )
    .get(
      '/audit/export',
      page((c, who) => exportFile(c, who)),
    )
    .get(
      '/audit/:id/export',
      page((c, who) => exportFile(c, who, param(c, 'id'))),
    )
    .get(
      '/audit/verify',
      page(async (c, who) => list(c, who, await verifyForPrincipal(deps.store, who.principal))),
    )
    .get(
      '/audit/:id',
      page((c, who) => history(c, who, param(c, 'id'))),
    )
    .get(
      '/audit/:id/verify',
      page(async (c, who) => {
        const id = param(c, 'id')
        return history(c, who, id, await verifyForPrincipal(deps.store, who.principal, id))
      }),
    )
}
