import { stringField } from './fields.ts'
import { opsomming } from './guards.ts'
import type { OntwikkelteamV2Context as Context, Deelnemer } from './ontwikkelteam.v2.context.ts'
import type { GuardCheck } from './types.ts'
import type { Phase } from './vocabulary.ts'

// Building blocks of the guards of an ontwikkelteam of version 2: small checks, each returning
// the Dutch reasons it fails (empty = passes).

export type Check = GuardCheck<Context>

export function naam(context: Context, organisationId: string): string {
  return context.organisations.find((o) => o.id === organisationId)?.name ?? organisationId
}

/** Names of the participating organisations for which `done` does not hold. */
export function ontbrekend(context: Context, done: (organisationId: string) => boolean): string[] {
  return context.organisationIds.filter((o) => !done(o)).map((o) => naam(context, o))
}

export const inDezeCyclus = <T extends { cycle: number }>(context: Context, records: T[]): T[] =>
  records.filter((r) => r.cycle === context.cycle)

/** The phase the team is in now (the open period), or the last one it was in. */
export function huidigeFase(context: Context): { phase: Phase; from: string } {
  const last = context.fasen[context.fasen.length - 1]
  return last ? { phase: last.phase, from: last.from } : { phase: 'verkennen', from: '0000-01-01' }
}

export const isLeider = (context: Context): boolean => context.leadOrganisationId !== null

export const nietGepauzeerd: Check = (context) =>
  context.pauze === null
    ? []
    : [`Het team is gepauzeerd (reden: ${context.pauze.reason}); hervat eerst.`]

export const gepauzeerd: Check = (context) =>
  context.pauze === null ? ['Het team is niet gepauzeerd.'] : []

export const heeftLeden: Check = (context) =>
  context.members.length > 0 ? [] : ['Het team heeft nog geen leden.']

/** The payload's organisation takes part (only checked when a payload is given). */
export const organisatieNeemtDeel: Check = (context, payload) => {
  const org = stringField(payload, 'organisationId')
  if (org === undefined || context.organisationIds.includes(org)) return []
  return [`De organisatie ‘${org}’ neemt niet deel aan dit ontwikkelteam.`]
}

export const persoonNietInTeam: Check = (context, payload) => {
  const person = stringField(payload, 'personId')
  if (person === undefined || !context.members.some((m) => m.personId === person)) return []
  return [`Persoon ‘${person}’ is al lid van het team.`]
}

export const persoonInTeam: Check = (context, payload) => {
  const person = stringField(payload, 'personId')
  if (person === undefined || context.members.some((m) => m.personId === person)) return []
  return [`Persoon ‘${person}’ is geen lid van het team.`]
}

/** The participants of this cycle who hold a place (enrolled or completed). */
export function bezettePlaatsen(context: Context): Deelnemer[] {
  return inDezeCyclus(context, context.deelnemers).filter((d) => d.status !== 'teruggetrokken')
}

/** The enrolment of the payload's person in this cycle, if any. */
export function inschrijvingVan(
  context: Context,
  payload: Record<string, unknown> | undefined,
): Deelnemer | undefined {
  const person = stringField(payload, 'personId')
  return inDezeCyclus(context, context.deelnemers).find(
    (d) => d.personId === person && d.status !== 'teruggetrokken',
  )
}

/** Euros as people write them: "€ 1.300" or "€ 1.300,50". */
export function euro(cents: number): string {
  const whole = Math.abs(cents) % 100 === 0
  const text = new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100)
  return `€ ${text}`
}

export const lijst = opsomming
