import { euro } from '../../../machines/ontwikkelteam.v2.checks.ts'
import type { OntwikkelteamV2Context as Context } from '../../../machines/ontwikkelteam.v2.context.ts'
import { saldoCents } from '../../../machines/ontwikkelteam.v2.guards.ts'
import {
  enrolmentStatusLabels,
  plannedBudgetCents,
} from '../../../machines/ontwikkelteam.v2.vocabulary.ts'
import { formatDate, valueLabel, valueLabelFor } from '../labels.ts'
import type { Names } from '../views/names.ts'
import { organisationName, personName } from '../views/names.ts'

// What version 2 of the ontwikkelteam adds to the team page: how the pilot is governed, its
// budget, its places and participants, and whom the lead consulted.

interface Props {
  context: Context
  names: Names
}

const thisCycle = <T extends { cycle: number }>(context: Context, list: T[]) =>
  list.filter((r) => r.cycle === context.cycle)

/** The organisation form, the lead, and who decides on the ambition and the design. */
export function Governance({ context, names }: Props) {
  const lead = context.leadOrganisationId
  return (
    <section aria-labelledby="organisatievorm">
      <h3 id="organisatievorm">Organisatievorm: {valueLabel(context.organisationForm)}</h3>
      {lead === null ? (
        <p>
          Elke deelnemende organisatie beslist mee: ieder onderschrijft de gedeelde ambitie en geeft
          akkoord op het ontwerp.
        </p>
      ) : (
        <>
          <p>Leidende organisatie: {organisationName(names, lead)}</p>
          <p class="muted">
            {organisationName(names, lead)} beslist over de gedeelde ambitie en het ontwerp, nadat
            zij de andere organisaties heeft geraadpleegd; zij gaat ook over werving, deelnemers en
            de begroting.
          </p>
        </>
      )}
    </section>
  )
}

/** Planned, spent and balance of this cycle, with every expense line. */
export function Budget({ context }: Props) {
  const planned = plannedBudgetCents(context.places)
  const balance = saldoCents(context)
  const lines = thisCycle(context, context.uitgaven)
  return (
    <section aria-labelledby="begroting">
      <h3 id="begroting">Begroting</h3>
      <dl class="payload">
        <div>
          <dt>Begroot</dt>
          <dd>{euro(planned)}</dd>
        </div>
        <div>
          <dt>Uitgegeven</dt>
          <dd>{euro(planned - balance)}</dd>
        </div>
        <div>
          <dt>Saldo</dt>
          <dd class={balance < 0 ? 'missing' : undefined}>{euro(balance)}</dd>
        </div>
      </dl>
      <p class="muted small">
        {String(context.places)} plaatsen × € 1.000, plus € 10.000 projectbijdrage.
      </p>
      {lines.length === 0 ? (
        <p class="muted">Nog geen uitgaven geboekt.</p>
      ) : (
        <ul class="records" aria-label="Uitgaven">
          {lines.map((u) => (
            <li>
              {formatDate(u.date)}: {u.description} — <strong>{euro(u.amountCents)}</strong>
              {u.overspendReason && ` (boven de begroting: ${u.overspendReason})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Participants listed open; more fold away under their count. */
const FOLD_AFTER = 5

/** "6 van 15 plaatsen gevuld", and each participant with organisation, leervraag and status. */
export function Participants({ context, names }: Props) {
  const list = thisCycle(context, context.deelnemers)
  const filled = list.filter((d) => d.status !== 'teruggetrokken').length
  return (
    <section aria-labelledby="deelnemers">
      <h3 id="deelnemers">Deelnemers</h3>
      <p>
        <strong>
          {String(filled)} van {String(context.places)} plaatsen gevuld
        </strong>
      </p>
      {list.length === 0 ? (
        <p class="muted">Nog niemand ingeschreven.</p>
      ) : (
        // A full leergang lists fifteen people: they fold away, the count above stays in view.
        <details open={list.length <= FOLD_AFTER}>
          <summary>Alle deelnemers van deze cyclus ({String(list.length)})</summary>
          <ul class="records">
            {list.map((d) => (
              <li>
                <strong>{personName(names, d.personId)}</strong> (
                {organisationName(names, d.organisationId)}) —{' '}
                <span class="badge">{enrolmentStatusLabels[d.status]}</span>
                <br />
                Leervraag: {d.leervraag}
                {d.reason && (
                  <>
                    <br />
                    Reden: {d.reason}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}

/** What each organisation said when the lead consulted it, per subject (leiderorganisatie). */
export function Consultations({
  context,
  names,
  subject,
}: Props & { subject: 'gedeelde-ambitie' | 'ontwerp' }) {
  const lead = context.leadOrganisationId
  if (lead === null) return null
  const list = thisCycle(context, context.raadplegingen).filter((r) => r.subject === subject)
  const others = context.organisationIds.filter((o) => o !== lead)
  return (
    <>
      <h4>Raadplegingen over {valueLabelFor('subject', subject).toLowerCase()}</h4>
      <ul class="records">
        {others.map((o) => {
          const mine = list.filter((r) => r.organisationId === o)
          return (
            <li>
              <strong>{organisationName(names, o)}:</strong>{' '}
              {mine.length === 0 && <span class="missing">nog niet geraadpleegd</span>}
              {mine.map((r) => (
                <span class={r.current ? undefined : 'muted'}>
                  {r.text}
                  {!r.current && ' (over een eerdere tekst)'}{' '}
                </span>
              ))}
            </li>
          )
        })}
      </ul>
    </>
  )
}
